package dev.lookout.quantize;

import dev.lookout.onnx.ProtoReader;
import dev.lookout.onnx.ProtoWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX model opened for rewriting: its graph's nodes, initializers, inputs and outputs, plus every other field
 * kept as it was read. Writing an unchanged model gives back equivalent bytes (value_info shape hints are dropped:
 * ONNX Runtime infers them); fields are written in a fixed order, so equal models give byte-identical files.
 *
 * <p>Only the protobuf features ONNX models use outside tensors and attributes are decoded (varint and
 * length-delimited fields); attributes and tensors that are not rewritten are copied as opaque bytes.
 */
final class OnnxModelFile {

    /** An opaque field: its number and either a varint value or length-delimited payload bytes. */
    record Field(int number, long varint, byte[] payload) {
        void writeTo(ProtoWriter w) {
            if (payload == null) {
                w.varint(number, varint);
            } else {
                w.bytes(number, payload);
            }
        }

        static Field read(ProtoReader r) {
            return switch (r.wireType()) {
                case 0 -> new Field(r.field(), r.varint(), null);
                case 2 -> new Field(r.field(), 0, r.bytes());
                default -> throw new IllegalArgumentException("unexpected protobuf wire type " + r.wireType()
                        + " in field " + r.field());
            };
        }
    }

    /** A node; its input list is mutable so the rewriter can rewire it. */
    record Node(String op, String name, List<String> inputs, List<String> outputs, List<Field> rest) {
        static Node of(String op, String name, List<String> inputs, List<String> outputs, Field... attributes) {
            return new Node(op, name, new ArrayList<>(inputs), List.copyOf(outputs), List.of(attributes));
        }

        byte[] encode() {
            ProtoWriter w = new ProtoWriter();
            inputs.forEach(i -> w.string(1, i));
            outputs.forEach(o -> w.string(2, o));
            w.string(3, name);
            w.string(4, op);
            rest.forEach(f -> f.writeTo(w));
            return w.toByteArray();
        }
    }

    /** An initializer: ONNX data type code, dims and raw little-endian data (null when stored otherwise). */
    record Initializer(String name, int dataType, long[] dims, byte[] raw, byte[] encoded) {
        static Initializer of(String name, int dataType, long[] dims, byte[] raw) {
            ProtoWriter w = new ProtoWriter();
            for (long d : dims) {
                w.varint(1, d);
            }
            w.varint(2, dataType).string(8, name).bytes(9, raw);
            return new Initializer(name, dataType, dims, raw, w.toByteArray());
        }
    }

    /** ONNX {@code TensorProto.DataType} codes used here. */
    static final int FLOAT = 1;
    static final int UINT8 = 2;
    static final int INT8 = 3;
    static final int INT32 = 6;

    private final List<Field> modelFields = new ArrayList<>(); // graph's place marked by a null payload at field 7
    private final List<Field> graphFields = new ArrayList<>(); // name, doc string
    final List<Node> nodes = new ArrayList<>();
    final Map<String, Initializer> initializers = new LinkedHashMap<>();
    final List<byte[]> inputs = new ArrayList<>();
    final List<byte[]> outputs = new ArrayList<>();

    private OnnxModelFile() {
    }

    /** Parses a model file's bytes. */
    static OnnxModelFile read(byte[] model) {
        OnnxModelFile m = new OnnxModelFile();
        ProtoReader r = new ProtoReader(model);
        while (r.next()) {
            if (r.field() == 7 && r.wireType() == 2) {
                m.readGraph(r.message());
                m.modelFields.add(new Field(7, 0, null));
            } else {
                m.modelFields.add(Field.read(r));
            }
        }
        return m;
    }

    private void readGraph(ProtoReader g) {
        while (g.next()) {
            switch (g.field()) {
                case 1 -> nodes.add(readNode(g.message()));
                case 5 -> {
                    byte[] encoded = g.bytes();
                    Initializer i = readInitializer(encoded);
                    initializers.put(i.name(), i);
                }
                case 11 -> inputs.add(g.bytes());
                case 12 -> outputs.add(g.bytes());
                case 13 -> g.skip(); // value_info: shape hints only
                default -> graphFields.add(Field.read(g));
            }
        }
    }

    private static Node readNode(ProtoReader n) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        List<Field> rest = new ArrayList<>();
        String name = "";
        String op = "";
        while (n.next()) {
            switch (n.field()) {
                case 1 -> in.add(n.string());
                case 2 -> out.add(n.string());
                case 3 -> name = n.string();
                case 4 -> op = n.string();
                default -> rest.add(Field.read(n));
            }
        }
        return new Node(op, name, in, out, rest);
    }

    private static Initializer readInitializer(byte[] encoded) {
        ProtoReader t = new ProtoReader(encoded);
        List<Long> dims = new ArrayList<>();
        String name = "";
        int type = 0;
        byte[] raw = null;
        while (t.next()) {
            switch (t.field()) {
                case 1 -> t.varints(dims::add);
                case 2 -> type = (int) t.varint();
                case 8 -> name = t.string();
                case 9 -> raw = t.bytes();
                default -> t.skip();
            }
        }
        return new Initializer(name, type, dims.stream().mapToLong(Long::longValue).toArray(), raw, encoded);
    }

    /** The name of a graph input or output's {@code ValueInfoProto}. */
    static String valueName(byte[] valueInfo) {
        ProtoReader v = new ProtoReader(valueInfo);
        while (v.next()) {
            if (v.field() == 1 && v.wireType() == 2) {
                return v.string();
            }
            v.skip();
        }
        return "";
    }

    /** A {@code ValueInfoProto} for a float tensor of unspecified shape (for extra graph outputs). */
    static byte[] floatValue(String name) {
        ProtoWriter tensorType = new ProtoWriter().varint(1, FLOAT);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType)).toByteArray();
    }

    /** An attribute field holding one integer. */
    static Field intAttribute(String name, long value) {
        return new Field(5, 0, new ProtoWriter().string(1, name).varint(3, value).varint(20, 2).toByteArray());
    }

    /** An int attribute's value on a node, or {@code fallback}. */
    static long intAttribute(Node node, String name, long fallback) {
        for (Field f : node.rest()) {
            if (f.number() != 5 || f.payload() == null) {
                continue;
            }
            ProtoReader a = new ProtoReader(f.payload());
            String attrName = null;
            Long value = null;
            while (a.next()) {
                if (a.field() == 1) {
                    attrName = a.string();
                } else if (a.field() == 3) {
                    value = a.varint();
                } else {
                    a.skip();
                }
            }
            if (name.equals(attrName) && value != null) {
                return value;
            }
        }
        return fallback;
    }

    /** Encodes the model, adding {@code metadata} entries after the existing ones. */
    byte[] write(Map<String, String> metadata) {
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(n -> graph.bytes(1, n.encode()));
        graphFields.forEach(f -> f.writeTo(graph));
        initializers.values().forEach(i -> graph.bytes(5, i.encoded()));
        inputs.forEach(i -> graph.bytes(11, i));
        outputs.forEach(o -> graph.bytes(12, o));
        ProtoWriter model = new ProtoWriter();
        for (Field f : modelFields) {
            if (f.number() == 7 && f.payload() == null) {
                model.message(7, graph);
            } else {
                f.writeTo(model);
            }
        }
        metadata.forEach((k, v) -> model.message(14, new ProtoWriter().string(1, k).string(2, v)));
        return model.toByteArray();
    }
}
