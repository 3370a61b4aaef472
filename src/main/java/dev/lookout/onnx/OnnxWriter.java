package dev.lookout.onnx;

import java.util.Map;

/** Serialises an {@link OnnxGraph} as an ONNX {@code ModelProto} (IR version 8, default domain opset 17). */
public final class OnnxWriter {

    /** The ONNX IR version written (ONNX 1.12, the first with opset 17). */
    public static final int IR_VERSION = 8;
    /** The opset of the default domain. */
    public static final int OPSET = 17;

    private OnnxWriter() {
    }

    /**
     * Encodes a model.
     *
     * @param metadata {@code metadata_props} entries, written in iteration order
     */
    public static byte[] write(OnnxGraph graph, String producerName, String producerVersion,
            Map<String, String> metadata) {
        ProtoWriter model = new ProtoWriter();
        model.varint(1, IR_VERSION);
        model.string(2, producerName);
        model.string(3, producerVersion);
        model.message(7, graph(graph));
        model.message(8, new ProtoWriter().string(1, "").varint(2, OPSET));
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            model.message(14, new ProtoWriter().string(1, e.getKey()).string(2, e.getValue()));
        }
        return model.toByteArray();
    }

    private static ProtoWriter graph(OnnxGraph g) {
        ProtoWriter w = new ProtoWriter();
        for (OnnxGraph.Node n : g.nodes()) {
            w.message(1, node(n));
        }
        w.string(2, g.name());
        for (Map.Entry<String, Tensor> e : g.initializers().entrySet()) {
            w.message(5, tensor(e.getKey(), e.getValue()));
        }
        for (OnnxGraph.ValueInfo v : g.inputs()) {
            w.message(11, valueInfo(v));
        }
        for (OnnxGraph.ValueInfo v : g.outputs()) {
            w.message(12, valueInfo(v));
        }
        return w;
    }

    private static ProtoWriter node(OnnxGraph.Node n) {
        ProtoWriter w = new ProtoWriter();
        for (String in : n.inputs) {
            w.string(1, in);
        }
        for (String out : n.outputs) {
            w.string(2, out);
        }
        w.string(3, n.name);
        w.string(4, n.opType);
        for (OnnxGraph.Attribute a : n.attributes) {
            w.message(5, attribute(a));
        }
        return w;
    }

    private static ProtoWriter attribute(OnnxGraph.Attribute a) {
        ProtoWriter w = new ProtoWriter().string(1, a.name());
        Object v = a.value();
        if (v instanceof Long l) {
            w.varint(3, l).varint(20, 2);
        } else if (v instanceof Integer i) {
            w.varint(3, i).varint(20, 2);
        } else if (v instanceof Float f) {
            w.float32(2, f).varint(20, 1);
        } else if (v instanceof String s) {
            w.string(4, s).varint(20, 3);
        } else if (v instanceof Tensor t) {
            w.message(5, tensor("", t)).varint(20, 4);
        } else if (v instanceof OnnxGraph g) {
            w.message(6, graph(g)).varint(20, 5); // a subgraph, e.g. a Loop's body
        } else if (v instanceof long[] ls) {
            for (long l : ls) {
                w.varint(8, l);
            }
            w.varint(20, 7);
        } else if (v instanceof float[] fs) {
            for (float f : fs) {
                w.float32(7, f);
            }
            w.varint(20, 6);
        } else {
            throw new IllegalArgumentException("unsupported attribute value for " + a.name() + ": " + v);
        }
        return w;
    }

    static ProtoWriter tensor(String name, Tensor t) {
        ProtoWriter w = new ProtoWriter();
        for (long d : t.shape()) {
            w.varint(1, d);
        }
        w.varint(2, t.type().onnxCode());
        if (!name.isEmpty()) {
            w.string(8, name);
        }
        w.bytes(9, t.rawBytes());
        return w;
    }

    private static ProtoWriter valueInfo(OnnxGraph.ValueInfo v) {
        if (v.dims() == null) {
            ProtoWriter tensorType = new ProtoWriter().varint(1, v.type().onnxCode());
            return new ProtoWriter().string(1, v.name()).message(2, new ProtoWriter().message(1, tensorType));
        }
        ProtoWriter shape = new ProtoWriter();
        for (int i = 0; i < v.dims().length; i++) {
            ProtoWriter dim = new ProtoWriter();
            if (v.dims()[i] >= 0) {
                dim.varint(1, v.dims()[i]);
            } else {
                dim.string(2, v.dimNames() != null && v.dimNames()[i] != null ? v.dimNames()[i] : "d" + i);
            }
            shape.message(1, dim);
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, v.type().onnxCode()).message(2, shape);
        return new ProtoWriter().string(1, v.name()).message(2, new ProtoWriter().message(1, tensorType));
    }
}
