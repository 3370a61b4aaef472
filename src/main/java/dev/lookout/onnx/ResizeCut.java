package dev.lookout.onnx;

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

    /** A node: where its encoding lies in the model's bytes, and what the cut needs to know of it. */
    private record Node(int[] span, String op, List<String> inputs, List<String> outputs,
            Map<String, Object> attributes) {
    }

    /** Finds the input resize in {@code model} (an ONNX file's bytes) and cuts the graph after it. */
    public static Optional<ResizeCut> of(byte[] model) {
        try {
            return cut(model);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    // The model is ~18 MB, almost all weights: fields are located as spans of the original bytes and copied once,
    // straight into the result, so the cut makes no large garbage (it would inflate the JVM's heap for good).
    private static Optional<ResizeCut> cut(byte[] model) {
        List<int[]> modelFields = new ArrayList<>();
        int[] graphSpan = null;
        int graphIndex = -1;
        ProtoReader r = new ProtoReader(model);
        while (r.next()) {
            if (r.field() == 7 && r.wireType() == 2 && graphSpan == null) {
                graphSpan = r.rawSpan();
                graphIndex = modelFields.size();
                modelFields.add(null);
            } else {
                modelFields.add(r.rawSpan());
            }
        }
        if (graphSpan == null) {
            return Optional.empty();
        }
        ProtoReader graph = ProtoReader.payloadOf(model, graphSpan);
        List<Node> nodes = new ArrayList<>();
        Map<String, int[]> initializers = new HashMap<>();
        Map<String, long[]> int64Initializers = new HashMap<>();
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        List<int[]> outputFields = new ArrayList<>();
        List<int[]> otherFields = new ArrayList<>();
        while (graph.next()) {
            switch (graph.field()) {
                case 1 -> nodes.add(node(model, graph.rawSpan()));
                case 5 -> {
                    int[] span = graph.rawSpan();
                    String name = initializer(ProtoReader.payloadOf(model, span), int64Initializers);
                    initializers.put(name, span);
                }
                case 11 -> inputs.add(valueInfoName(ProtoReader.payloadOf(model, graph.rawSpan())));
                case 12 -> {
                    int[] span = graph.rawSpan();
                    outputs.add(valueInfoName(ProtoReader.payloadOf(model, span)));
                    outputFields.add(span);
                }
                case 2, 10 -> otherFields.add(graph.rawSpan());
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
        Map<String, Node> producers = producers(nodes);
        if (!isImageAsFloatNchw(resize.inputs.get(0), inputs.get(0), producers)) {
            return Optional.empty();
        }
        String cutName = resize.outputs.get(0);
        List<Node> kept = neededFor(outputs, cutName, producers, nodes);
        Set<String> used = new HashSet<>();
        kept.forEach(n -> used.addAll(n.inputs));

        Pieces g = new Pieces(model);
        kept.forEach(n -> g.span(n.span));
        otherFields.forEach(g::span);
        initializers.forEach((name, span) -> {
            if (used.contains(name)) {
                g.span(span);
            }
        });
        g.bytes(new ProtoWriter().message(11, floatInput(cutName, sizes)).toByteArray());
        outputFields.forEach(g::span);

        Pieces m = new Pieces(model);
        for (int i = 0; i < modelFields.size(); i++) {
            if (i == graphIndex) {
                m.bytes(new ProtoWriter().lengthDelimitedHeader(7, g.length()).toByteArray());
                m.pieces(g);
            } else {
                m.span(modelFields.get(i));
            }
        }
        return Optional.of(new ResizeCut(m.toByteArray(), cutName, (int) sizes[2], (int) sizes[3]));
    }

    /** Output assembled from spans of the source bytes and small new pieces, copied once into an exact array. */
    private static final class Pieces {
        private final byte[] source;
        private final List<Object> parts = new ArrayList<>(); // int[] span of source, or byte[]
        private long length;

        Pieces(byte[] source) {
            this.source = source;
        }

        void span(int[] span) {
            parts.add(span);
            length += span[1] - span[0];
        }

        void bytes(byte[] b) {
            parts.add(b);
            length += b.length;
        }

        void pieces(Pieces other) {
            parts.addAll(other.parts);
            length += other.length;
        }

        long length() {
            return length;
        }

        byte[] toByteArray() {
            byte[] out = new byte[Math.toIntExact(length)];
            int at = 0;
            for (Object p : parts) {
                if (p instanceof int[] span) {
                    System.arraycopy(source, span[0], out, at, span[1] - span[0]);
                    at += span[1] - span[0];
                } else {
                    byte[] b = (byte[]) p;
                    System.arraycopy(b, 0, out, at, b.length);
                    at += b.length;
                }
            }
            return out;
        }
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

    private static Node node(byte[] model, int[] span) {
        ProtoReader n = ProtoReader.payloadOf(model, span);
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
        return new Node(span, op, in, out, attributes);
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

    /** An initializer's name; an int64 one's values go into {@code int64Values} (weights are not copied). */
    private static String initializer(ProtoReader t, Map<String, long[]> int64Values) {
        String name = "";
        long type = -1;
        List<Long> values = new ArrayList<>();
        ProtoReader rawData = null;
        while (t.next()) {
            switch (t.field()) {
                case 2 -> type = t.varint();
                case 7 -> t.varints(values::add);
                case 8 -> name = t.string();
                case 9 -> rawData = t.message();
                default -> t.skip();
            }
        }
        if (type == DataType.INT64.onnxCode()) {
            byte[] raw = rawData == null ? null : rawData.rest();
            int64Values.put(name, raw != null
                    ? new Tensor(DataType.INT64, new long[] {raw.length / 8}, raw).longs()
                    : values.stream().mapToLong(Long::longValue).toArray());
        }
        return name;
    }

    private static String valueInfoName(ProtoReader v) {
        while (v.next()) {
            if (v.field() == 1 && v.wireType() == 2) {
                return v.string();
            }
            v.skip();
        }
        return "";
    }
}
