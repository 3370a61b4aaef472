package dev.lookout.onnx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.ValueInfoProto;

/**
 * What {@code lookout inspect} reports of an ONNX file: inputs and outputs, the op histogram, parameter count and
 * weight bytes.
 *
 * @param inputs graph inputs that are not initializers
 * @param outputs graph outputs
 * @param opHistogram op type → node count, sorted by op
 * @param parameters number of initializer elements
 * @param weightBytes bytes of initializer data
 * @param opset the default domain's opset
 */
public record OnnxModelInfo(List<Port> inputs, List<Port> outputs, Map<String, Integer> opHistogram, long parameters,
        long weightBytes, long opset) {

    /**
     * One input or output.
     *
     * @param name its name
     * @param dtype element type, lower case (e.g. {@code uint8})
     * @param shape dims, {@code -1} where unknown or symbolic
     */
    public record Port(String name, String dtype, long[] shape) {
    }

    /** Parses an ONNX model; a file that is not one fails with {@link IllegalArgumentException}. */
    public static OnnxModelInfo read(byte[] model) {
        ModelProto m = OnnxProtos.parse(model);
        if (!m.hasGraph()) {
            throw new IllegalArgumentException("not an ONNX model: no graph");
        }
        long opset = -1;
        for (OperatorSetIdProto op : m.getOpsetImportList()) {
            if (op.getDomain().isEmpty() || op.getDomain().equals("ai.onnx")) {
                opset = op.hasVersion() ? op.getVersion() : -1;
            }
        }
        GraphProto graph = m.getGraph();
        Map<String, Integer> histogram = new TreeMap<>();
        for (NodeProto node : graph.getNodeList()) {
            if (node.hasOpType()) {
                histogram.merge(node.getOpType(), 1, Integer::sum);
            }
        }
        Set<String> initializerNames = new HashSet<>();
        long parameters = 0;
        long bytes = 0;
        for (TensorProto t : graph.getInitializerList()) {
            long count = 1;
            for (long d : t.getDimsList()) {
                count *= d;
            }
            initializerNames.add(t.getName());
            parameters += count;
            bytes += t.getRawData().size() > 0 ? t.getRawData().size() : count * elementSize(t.getDataType());
        }
        List<Port> inputs = new ArrayList<>();
        for (ValueInfoProto v : graph.getInputList()) {
            if (!initializerNames.contains(v.getName())) {
                inputs.add(port(v));
            }
        }
        List<Port> outputs = graph.getOutputList().stream().map(OnnxModelInfo::port).toList();
        return new OnnxModelInfo(inputs, new ArrayList<>(outputs), histogram, parameters, bytes, opset);
    }

    private static int elementSize(int onnxType) {
        return switch (onnxType) {
            case 2, 3, 9 -> 1;
            case 4, 5, 10 -> 2;
            case 7, 11, 13 -> 8;
            default -> 4;
        };
    }

    private static Port port(ValueInfoProto valueInfo) {
        String dtype = "unknown";
        long[] shape = new long[0];
        if (valueInfo.getType().hasTensorType()) {
            var tensor = valueInfo.getType().getTensorType();
            if (tensor.hasElemType()) {
                DataType t = DataType.fromOnnx(tensor.getElemType());
                dtype = t == null ? "other" : t.name().toLowerCase(Locale.ROOT);
            }
            shape = tensor.getShape().getDimList().stream()
                    .mapToLong(d -> d.hasDimValue() ? d.getDimValue() : -1)
                    .toArray();
        }
        return new Port(valueInfo.getName(), dtype, shape);
    }
}
