package dev.lookout.convert.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The same model minus its input resize: for a graph whose only input, an RGB uint8 image {@code [1, H, W, 3]} of
 * any size, is transposed to NCHW, cast to float and resized to a fixed size with TF's legacy bilinear (ONNX
 * {@code Resize}, {@code linear}, {@code asymmetric}), this makes the graph that starts at the resized float image
 * {@code [1, 3, h, w]} instead. The caller then does that resize itself, straight from its camera frame (see
 * {@code dev.lookout.detect.ResizedRgbInput}): one pass over the bytes instead of a full-size transpose, cast
 * and resize inside ONNX Runtime.
 *
 * <p>Everything after the resize is copied byte for byte; nodes and initializers only the removed part used are
 * dropped. A graph of any other shape gives {@link Optional#empty()}, and the caller keeps the whole model.
 *
 * @param model the cut model, an ONNX file's bytes
 * @param input the name of its one input, the resized image {@code [1, 3, height, width]} float, RGB, 0–255
 * @param height the resized image's height
 * @param width the resized image's width
 */
public record ResizeCut(byte[] model, String input, int height, int width) {

    private record Node(byte[] raw, String op, List<String> inputs, List<String> outputs,
            Map<String, Object> attributes) {
    }

    /** Finds the input resize in {@code model} (an ONNX file's bytes) and cuts the graph after it. */
    public static Optional<ResizeCut> of(byte[] model) {
        try {
            return cut(model);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<ResizeCut> cut(byte[] model) {
        List<byte[]> modelFields = new ArrayList<>();
        ProtoReader graph = null;
        int graphIndex = -1;
        ProtoReader r = new ProtoReader(model);
        while (r.next()) {
            if (r.field() == 7 && r.wireType() == 2) {
                graph = r.message();
                graphIndex = modelFields.size();
                modelFields.add(null);
            } else {
                modelFields.add(r.rawField());
            }
        }
        if (graph == null) {
            return Optional.empty();
        }
        List<Node> nodes = new ArrayList<>();
        Map<String, byte[]> initializers = new HashMap<>();
        Map<String, long[]> int64Initializers = new HashMap<>();
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        List<byte[]> outputFields = new ArrayList<>();
        List<byte[]> otherFields = new ArrayList<>();
        while (graph.next()) {
            switch (graph.field()) {
                case 1 -> {
                    byte[] raw = graph.rawField();
                    nodes.add(node(raw));
                }
                case 5 -> {
                    byte[] raw = graph.rawField();
                    String name = tensorName(raw);
                    initializers.put(name, raw);
                    long[] values = int64Values(raw);
                    if (values != null) {
                        int64Initializers.put(name, values);
                    }
                }
                case 11 -> inputs.add(valueInfoName(graph.bytes()));
                case 12 -> {
                    byte[] raw = graph.rawField();
                    outputs.add(valueInfoName(fieldPayload(raw)));
                    outputFields.add(raw);
                }
                case 2, 10 -> otherFields.add(graph.rawField());
                default -> graph.skip(); // value_info and the rest: optional shape hints, not needed
            }
        }
        inputs.removeAll(initializers.keySet());
        if (inputs.size() != 1) {
            return Optional.empty();
        }
        List<Node> resizes = nodes.stream().filter(n -> n.op.equals("Resize")).toList();
        if (resizes.size() != 1) {
            return Optional.empty();
        }
        Node resize = resizes.get(0);
        if (!"linear".equals(resize.attributes.get("mode"))
                || !"asymmetric".equals(resize.attributes.get("coordinate_transformation_mode"))
                || resize.attributes.containsKey("antialias") && !Long.valueOf(0).equals(resize.attributes.get("antialias"))
                || resize.inputs.size() != 4) {
            return Optional.empty();
        }
        long[] sizes = int64Initializers.get(resize.inputs.get(3));
        if (sizes == null || sizes.length != 4 || sizes[0] != 1 || sizes[1] != 3 || sizes[2] <= 0 || sizes[3] <= 0) {
            return Optional.empty();
        }
        // What feeds the resize must be exactly the image as float NCHW: Transpose(0,3,1,2) and Cast to float, in
        // either order, of the graph's input.
        if (!isImageAsFloatNchw(resize.inputs.get(0), inputs.get(0), producers(nodes))) {
            return Optional.empty();
        }
        String cutName = resize.outputs.get(0);
        List<Node> kept = neededFor(outputs, cutName, producers(nodes), nodes);
        Set<String> used = new HashSet<>();
        kept.forEach(n -> used.addAll(n.inputs));

        ProtoWriter g = new ProtoWriter();
        for (Node n : kept) {
            g.raw(n.raw);
        }
        otherFields.forEach(g::raw);
        initializers.forEach((name, raw) -> {
            if (used.contains(name)) {
                g.raw(raw);
            }
        });
        g.message(11, floatInput(cutName, sizes));
        outputFields.forEach(g::raw);

        ProtoWriter m = new ProtoWriter();
        for (int i = 0; i < modelFields.size(); i++) {
            if (i == graphIndex) {
                m.message(7, g);
            } else {
                m.raw(modelFields.get(i));
            }
        }
        return Optional.of(new ResizeCut(m.toByteArray(), cutName, (int) sizes[2], (int) sizes[3]));
    }

    private static boolean isImageAsFloatNchw(String tensor, String graphInput, Map<String, Node> producers) {
        Node first = producers.get(tensor);
        if (first == null || first.inputs.isEmpty()) {
            return false;
        }
        Node second = producers.get(first.inputs.get(0));
        if (second == null || second.inputs.isEmpty() || !second.inputs.get(0).equals(graphInput)) {
            return false;
        }
        return isToFloat(first) && isNhwcToNchw(second) || isNhwcToNchw(first) && isToFloat(second);
    }

    private static boolean isToFloat(Node n) {
        return n.op.equals("Cast") && Long.valueOf(DataType.FLOAT.onnxCode()).equals(n.attributes.get("to"));
    }

    private static boolean isNhwcToNchw(Node n) {
        return n.op.equals("Transpose") && n.attributes.get("perm") instanceof long[] perm
                && Arrays.equals(perm, new long[] {0, 3, 1, 2});
    }

    private static Map<String, Node> producers(List<Node> nodes) {
        Map<String, Node> producers = new HashMap<>();
        for (Node n : nodes) {
            n.outputs.forEach(o -> producers.put(o, n));
        }
        return producers;
    }

    /** The nodes the outputs depend on when {@code cut} is given, in their original (topological) order. */
    private static List<Node> neededFor(List<String> outputs, String cut, Map<String, Node> producers,
            List<Node> nodes) {
        Set<Node> needed = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(outputs);
        while (!todo.isEmpty()) {
            String t = todo.pop();
            Node n = t.equals(cut) ? null : producers.get(t);
            if (n != null && needed.add(n)) {
                n.inputs.stream().filter(i -> !i.isEmpty()).forEach(todo::push);
            }
        }
        return nodes.stream().filter(needed::contains).toList();
    }

    private static ProtoWriter floatInput(String name, long[] sizes) {
        ProtoWriter shape = new ProtoWriter();
        for (long d : sizes) {
            shape.message(1, new ProtoWriter().varint(1, d));
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, DataType.FLOAT.onnxCode()).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }

    private static Node node(byte[] raw) {
        ProtoReader n = new ProtoReader(fieldPayload(raw));
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        String op = "";
        Map<String, Object> attributes = new HashMap<>();
        while (n.next()) {
            switch (n.field()) {
                case 1 -> in.add(n.string());
                case 2 -> out.add(n.string());
                case 4 -> op = n.string();
                case 5 -> attribute(n.message(), attributes);
                default -> n.skip();
            }
        }
        return new Node(raw, op, in, out, attributes);
    }

    private static void attribute(ProtoReader a, Map<String, Object> into) {
        String name = null;
        Object value = null;
        List<Long> ints = new ArrayList<>();
        while (a.next()) {
            switch (a.field()) {
                case 1 -> name = a.string();
                case 3 -> value = a.varint();
                case 4 -> value = new String(a.bytes(), StandardCharsets.UTF_8);
                case 8 -> a.varints(ints::add);
                default -> a.skip();
            }
        }
        if (value == null && !ints.isEmpty()) {
            value = ints.stream().mapToLong(Long::longValue).toArray();
        }
        if (name != null && value != null) {
            into.put(name, value);
        }
    }

    private static String tensorName(byte[] rawField) {
        ProtoReader t = new ProtoReader(fieldPayload(rawField));
        while (t.next()) {
            if (t.field() == 8 && t.wireType() == 2) {
                return t.string();
            }
            t.skip();
        }
        return "";
    }

    /** An int64 initializer's values, or null for any other type. */
    private static long[] int64Values(byte[] rawField) {
        ProtoReader t = new ProtoReader(fieldPayload(rawField));
        long type = -1;
        List<Long> dims = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        byte[] rawData = null;
        while (t.next()) {
            switch (t.field()) {
                case 1 -> t.varints(dims::add);
                case 2 -> type = t.varint();
                case 7 -> t.varints(values::add);
                case 9 -> rawData = t.bytes();
                default -> t.skip();
            }
        }
        if (type != DataType.INT64.onnxCode()) {
            return null;
        }
        if (rawData != null) {
            long[] v = new long[rawData.length / 8];
            ByteBuffer.wrap(rawData).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(v);
            return v;
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static String valueInfoName(byte[] payload) {
        ProtoReader v = new ProtoReader(payload);
        while (v.next()) {
            if (v.field() == 1 && v.wireType() == 2) {
                return v.string();
            }
            v.skip();
        }
        return "";
    }

    /** The payload of one encoded length-delimited field (tag and length stripped). */
    private static byte[] fieldPayload(byte[] rawField) {
        ProtoReader r = new ProtoReader(rawField);
        r.next();
        return r.bytes();
    }
}
