package dev.lookout.quantize;

import com.google.protobuf.UnsafeByteOperations;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.OnnxGraph;
import dev.lookout.onnx.OnnxProtos;
import dev.lookout.onnx.OnnxWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.StringStringEntryProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.ValueInfoProto;

/**
 * An ONNX model opened for rewriting: its graph's nodes, initializers, inputs and outputs, plus every other field
 * kept as it was read. Writing an unchanged model gives back an equivalent model (value_info shape hints are
 * dropped: ONNX Runtime infers them); protobuf writes fields in field-number order and repeated fields in list
 * order, so equal models give byte-identical files.
 */
final class OnnxModelFile {

    /**
     * A node; its input list is mutable so the rewriter can rewire it.
     *
     * @param rest the node's other fields (attributes, domain, doc string), as read
     */
    record Node(String op, String name, List<String> inputs, List<String> outputs, NodeProto rest) {
        static Node of(String op, String name, List<String> inputs, List<String> outputs,
                AttributeProto... attributes) {
            return new Node(op, name, new ArrayList<>(inputs), List.copyOf(outputs),
                    NodeProto.newBuilder().addAllAttribute(List.of(attributes)).build());
        }

        NodeProto encode() {
            return rest.toBuilder().clearInput().addAllInput(inputs).clearOutput().addAllOutput(outputs)
                    .setName(name).setOpType(op).build();
        }
    }

    /** An initializer, as read or made. */
    record Initializer(TensorProto proto) {
        /** An initializer holding {@code raw} little-endian data (not copied: the caller hands it over). */
        static Initializer of(String name, int dataType, long[] dims, byte[] raw) {
            TensorProto.Builder t = TensorProto.newBuilder();
            for (long d : dims) {
                t.addDims(d);
            }
            return new Initializer(t.setDataType(dataType).setName(name)
                    .setRawData(UnsafeByteOperations.unsafeWrap(raw)).build());
        }

        String name() {
            return proto.getName();
        }

        /** The ONNX {@code TensorProto.DataType} code. */
        int dataType() {
            return proto.getDataType();
        }

        long[] dims() {
            return proto.getDimsList().stream().mapToLong(Long::longValue).toArray();
        }

        /** A copy of the raw little-endian data, or null when the tensor stores its values otherwise. */
        byte[] raw() {
            return proto.hasRawData() ? proto.getRawData().toByteArray() : null;
        }
    }

    /** ONNX {@code TensorProto.DataType} codes used here. */
    static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
    static final int UINT8 = TensorProto.DataType.UINT8_VALUE;
    static final int INT8 = TensorProto.DataType.INT8_VALUE;
    static final int INT32 = TensorProto.DataType.INT32_VALUE;

    private final ModelProto rest; // everything but the graph's nodes, initializers, inputs, outputs and value_info
    final List<Node> nodes = new ArrayList<>();
    final Map<String, Initializer> initializers = new LinkedHashMap<>();
    final List<ValueInfoProto> inputs = new ArrayList<>();
    final List<ValueInfoProto> outputs = new ArrayList<>();

    private OnnxModelFile(ModelProto model) {
        GraphProto g = model.getGraph();
        for (NodeProto n : g.getNodeList()) {
            nodes.add(new Node(n.getOpType(), n.getName(), new ArrayList<>(n.getInputList()),
                    new ArrayList<>(n.getOutputList()), n.toBuilder().clearInput().clearOutput().clearName()
                            .clearOpType().build()));
        }
        g.getInitializerList().forEach(t -> initializers.put(t.getName(), new Initializer(t)));
        inputs.addAll(g.getInputList());
        outputs.addAll(g.getOutputList());
        rest = model.toBuilder().setGraph(g.toBuilder().clearNode().clearInitializer().clearInput().clearOutput()
                .clearValueInfo()).build();
    }

    /** Parses a model file's bytes (which must not change afterwards: the weights are shared, not copied). */
    static OnnxModelFile read(byte[] model) {
        return new OnnxModelFile(OnnxProtos.parse(model));
    }

    /** A {@code ValueInfoProto} for a float tensor of unspecified shape (for extra graph outputs). */
    static ValueInfoProto floatValue(String name) {
        return OnnxWriter.valueInfo(new OnnxGraph.ValueInfo(name, DataType.FLOAT, null, null));
    }

    /** An attribute holding one integer. */
    static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setI(value).setType(AttributeProto.AttributeType.INT)
                .build();
    }

    /** Encodes the model, adding {@code metadata} entries after the existing ones. */
    byte[] write(Map<String, String> metadata) {
        GraphProto.Builder graph = rest.getGraph().toBuilder();
        nodes.forEach(n -> graph.addNode(n.encode()));
        initializers.values().forEach(i -> graph.addInitializer(i.proto()));
        graph.addAllInput(inputs).addAllOutput(outputs);
        ModelProto.Builder model = rest.toBuilder().setGraph(graph);
        metadata.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build().toByteArray();
    }
}
