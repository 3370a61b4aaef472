package dev.lookout.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.util.Map;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.StringStringEntryProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;

/**
 * Serialises an {@link OnnxGraph} as an ONNX {@code ModelProto} (IR version 8, default domain opset 17) through the
 * classes generated from ONNX's {@code onnx.proto}. Repeated fields keep the order of the graph's calls and
 * protobuf writes fields in field-number order, so equal graphs give byte-identical files.
 */
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
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(producerName)
                .setProducerVersion(producerVersion)
                .setGraph(graph(graph))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET));
        metadata.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build().toByteArray();
    }

    /** The {@code GraphProto} of a graph (also what a node attribute holding a subgraph carries). */
    public static GraphProto graph(OnnxGraph g) {
        GraphProto.Builder w = GraphProto.newBuilder();
        for (OnnxGraph.Node n : g.nodes()) {
            w.addNode(node(n));
        }
        w.setName(g.name());
        g.initializers().forEach((name, t) -> w.addInitializer(tensor(name, t)));
        g.inputs().forEach(v -> w.addInput(valueInfo(v)));
        g.outputs().forEach(v -> w.addOutput(valueInfo(v)));
        return w.build();
    }

    private static NodeProto node(OnnxGraph.Node n) {
        NodeProto.Builder w = NodeProto.newBuilder()
                .addAllInput(n.inputs)
                .addAllOutput(n.outputs)
                .setName(n.name)
                .setOpType(n.opType);
        n.attributes.forEach(a -> w.addAttribute(attribute(a)));
        return w.build();
    }

    private static AttributeProto attribute(OnnxGraph.Attribute a) {
        AttributeProto.Builder w = AttributeProto.newBuilder().setName(a.name());
        Object v = a.value();
        if (v instanceof Long l) {
            w.setI(l).setType(AttributeProto.AttributeType.INT);
        } else if (v instanceof Integer i) {
            w.setI(i).setType(AttributeProto.AttributeType.INT);
        } else if (v instanceof Float f) {
            w.setF(f).setType(AttributeProto.AttributeType.FLOAT);
        } else if (v instanceof String s) {
            w.setS(ByteString.copyFromUtf8(s)).setType(AttributeProto.AttributeType.STRING);
        } else if (v instanceof Tensor t) {
            w.setT(tensor("", t)).setType(AttributeProto.AttributeType.TENSOR);
        } else if (v instanceof OnnxGraph g) {
            w.setG(graph(g)).setType(AttributeProto.AttributeType.GRAPH);
        } else if (v instanceof long[] ls) {
            for (long l : ls) {
                w.addInts(l);
            }
            w.setType(AttributeProto.AttributeType.INTS);
        } else if (v instanceof float[] fs) {
            for (float f : fs) {
                w.addFloats(f);
            }
            w.setType(AttributeProto.AttributeType.FLOATS);
        } else {
            throw new IllegalArgumentException("unsupported attribute value for " + a.name() + ": " + v);
        }
        return w.build();
    }

    /**
     * A {@code TensorProto} holding {@code t} as {@code raw_data} (shared with {@code t}, not copied: a Tensor is
     * immutable); {@code name} is left out when empty, as in a node attribute.
     */
    public static TensorProto tensor(String name, Tensor t) {
        TensorProto.Builder w = TensorProto.newBuilder();
        for (long d : t.shape()) {
            w.addDims(d);
        }
        w.setDataType(t.type().onnxCode());
        if (!name.isEmpty()) {
            w.setName(name);
        }
        return w.setRawData(UnsafeByteOperations.unsafeWrap(t.rawBytes())).build();
    }

    /**
     * A {@code ValueInfoProto}: a tensor of the value's type, with a shape when {@code dims} is not null (a
     * negative dim becomes its symbolic name, or {@code d<i>}).
     */
    public static ValueInfoProto valueInfo(OnnxGraph.ValueInfo v) {
        TypeProto.Tensor.Builder tensorType = TypeProto.Tensor.newBuilder().setElemType(v.type().onnxCode());
        if (v.dims() != null) {
            TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
            for (int i = 0; i < v.dims().length; i++) {
                TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
                if (v.dims()[i] >= 0) {
                    dim.setDimValue(v.dims()[i]);
                } else {
                    dim.setDimParam(v.dimNames() != null && v.dimNames()[i] != null ? v.dimNames()[i] : "d" + i);
                }
                shape.addDim(dim);
            }
            tensorType.setShape(shape);
        }
        return ValueInfoProto.newBuilder().setName(v.name())
                .setType(TypeProto.newBuilder().setTensorType(tensorType)).build();
    }
}
