package dev.lookout.onnx;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.ValueInfoProto;

/**
 * The same model minus its input resize: for a graph whose only input, an RGB uint8 image {@code [1, H, W, 3]} of
 * any size, is transposed to NCHW, cast to float and resized to a fixed size with TF's legacy bilinear (ONNX
 * {@code Resize}, {@code linear}, {@code asymmetric}), this makes the graph that starts at the resized float image
 * {@code [1, 3, h, w]} instead. The caller then does that resize itself, straight from its camera frame (see
 * {@code dev.lookout.detect.ResizedRgbInput}): one pass over the bytes instead of a full-size transpose, cast
 * and resize inside ONNX Runtime.
 *
 * <p>Everything after the resize is kept as it was; nodes and initializers only the removed part used are
 * dropped, and so are the graph's {@code value_info} shape hints (ONNX Runtime infers them). A graph of any other shape gives {@link Optional#empty()}, and the caller keeps the whole model.
 *
 * @param model the cut model, an ONNX file's bytes
 * @param input the name of its one input, the resized image {@code [1, 3, height, width]} float, RGB, 0–255
 * @param height the resized image's height
 * @param width the resized image's width
 */
public record ResizeCut(byte[] model, String input, int height, int width) {

    /** Finds the input resize in {@code model} (an ONNX file's bytes) and cuts the graph after it. */
    public static Optional<ResizeCut> of(byte[] model) {
        try {
            return cut(OnnxProtos.parse(model));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    // The model is ~18 MB, almost all weights: parsed without copying them (OnnxProtos.parse shares the file's
    // array) and written once, straight into the result, so the cut makes no large garbage (it would inflate the
    // JVM's heap for good).
    private static Optional<ResizeCut> cut(ModelProto model) {
        if (!model.hasGraph()) {
            return Optional.empty();
        }
        GraphProto graph = model.getGraph();
        Map<String, TensorProto> initializers = new HashMap<>();
        graph.getInitializerList().forEach(t -> initializers.put(t.getName(), t));
        List<String> inputs = graph.getInputList().stream().map(ValueInfoProto::getName)
                .filter(n -> !initializers.containsKey(n)).toList();
        if (inputs.size() != 1) {
            return Optional.empty();
        }
        List<NodeProto> resizes = graph.getNodeList().stream().filter(n -> n.getOpType().equals("Resize")).toList();
        if (resizes.size() != 1) {
            return Optional.empty();
        }
        NodeProto resize = resizes.get(0);
        if (!"linear".equals(string(resize, "mode"))
                || !"asymmetric".equals(string(resize, "coordinate_transformation_mode"))
                || attribute(resize, "antialias") != null && attribute(resize, "antialias").getI() != 0
                || resize.getInputCount() != 4) {
            return Optional.empty();
        }
        TensorProto sizesTensor = initializers.get(resize.getInput(3));
        long[] sizes = sizesTensor == null || sizesTensor.getDataType() != DataType.INT64.onnxCode() ? null
                : OnnxProtos.int64s(sizesTensor);
        if (sizes == null || sizes.length != 4 || sizes[0] != 1 || sizes[1] != 3 || sizes[2] <= 0 || sizes[3] <= 0) {
            return Optional.empty();
        }
        // What feeds the resize must be exactly the image as float NCHW: Transpose(0,3,1,2) and Cast to float, in
        // either order, of the graph's input.
        Map<String, NodeProto> producers = producers(graph.getNodeList());
        if (!isImageAsFloatNchw(resize.getInput(0), inputs.get(0), producers)) {
            return Optional.empty();
        }
        String cutName = resize.getOutput(0);
        List<String> outputs = graph.getOutputList().stream().map(ValueInfoProto::getName).toList();
        List<NodeProto> kept = neededFor(outputs, cutName, producers, graph.getNodeList());
        Set<String> used = new HashSet<>();
        kept.forEach(n -> used.addAll(n.getInputList()));

        GraphProto.Builder cut = GraphProto.newBuilder().addAllNode(kept);
        if (graph.hasName()) {
            cut.setName(graph.getName());
        }
        if (graph.hasDocString()) {
            cut.setDocString(graph.getDocString());
        }
        graph.getInitializerList().stream().filter(t -> used.contains(t.getName())).forEach(cut::addInitializer);
        cut.addInput(OnnxWriter.valueInfo(new OnnxGraph.ValueInfo(cutName, DataType.FLOAT, sizes, null)));
        cut.addAllOutput(graph.getOutputList());
        byte[] bytes = model.toBuilder().setGraph(cut).build().toByteArray();
        return Optional.of(new ResizeCut(bytes, cutName, (int) sizes[2], (int) sizes[3]));
    }

    private static boolean isImageAsFloatNchw(String tensor, String graphInput, Map<String, NodeProto> producers) {
        NodeProto first = producers.get(tensor);
        if (first == null || first.getInputCount() == 0) {
            return false;
        }
        NodeProto second = producers.get(first.getInput(0));
        if (second == null || second.getInputCount() == 0 || !second.getInput(0).equals(graphInput)) {
            return false;
        }
        return isToFloat(first) && isNhwcToNchw(second) || isNhwcToNchw(first) && isToFloat(second);
    }

    private static boolean isToFloat(NodeProto n) {
        AttributeProto to = attribute(n, "to");
        return n.getOpType().equals("Cast") && to != null && to.getI() == DataType.FLOAT.onnxCode();
    }

    private static boolean isNhwcToNchw(NodeProto n) {
        AttributeProto perm = attribute(n, "perm");
        return n.getOpType().equals("Transpose") && perm != null && perm.getIntsList().equals(List.of(0L, 3L, 1L, 2L));
    }

    private static AttributeProto attribute(NodeProto n, String name) {
        return n.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst().orElse(null);
    }

    private static String string(NodeProto n, String attributeName) {
        AttributeProto a = attribute(n, attributeName);
        return a == null || !a.hasS() ? null : a.getS().toStringUtf8();
    }

    private static Map<String, NodeProto> producers(List<NodeProto> nodes) {
        Map<String, NodeProto> producers = new HashMap<>();
        for (NodeProto n : nodes) {
            n.getOutputList().forEach(o -> producers.put(o, n));
        }
        return producers;
    }

    /** The nodes the outputs depend on when {@code cut} is given, in their original (topological) order. */
    private static List<NodeProto> neededFor(List<String> outputs, String cut, Map<String, NodeProto> producers,
            List<NodeProto> nodes) {
        Set<NodeProto> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<String> todo = new ArrayDeque<>(outputs);
        while (!todo.isEmpty()) {
            String t = todo.pop();
            NodeProto n = t.equals(cut) ? null : producers.get(t);
            if (n != null && needed.add(n)) {
                n.getInputList().stream().filter(i -> !i.isEmpty()).forEach(todo::push);
            }
        }
        return nodes.stream().filter(needed::contains).toList();
    }
}
