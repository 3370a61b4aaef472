package dev.lookout.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code lookout inspect} reports of an ONNX file, read straight from its protobuf: inputs and outputs, the
 * op histogram, parameter count and weight bytes.
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
        ProtoReader r = new ProtoReader(model);
        ProtoReader graph = null;
        long opset = -1;
        while (r.next()) {
            if (r.field() == 7 && r.wireType() == 2) {
                graph = r.message();
            } else if (r.field() == 8 && r.wireType() == 2) {
                ProtoReader op = r.message();
                String domain = "";
                long version = -1;
                while (op.next()) {
                    if (op.field() == 1 && op.wireType() == 2) {
                        domain = op.string();
                    } else if (op.field() == 2 && op.wireType() == 0) {
                        version = op.varint();
                    } else {
                        op.skip();
                    }
                }
                if (domain.isEmpty() || domain.equals("ai.onnx")) {
                    opset = version;
                }
            } else {
                r.skip();
            }
        }
        if (graph == null) {
            throw new IllegalArgumentException("not an ONNX model: no graph");
        }
        Map<String, Integer> histogram = new TreeMap<>();
        List<Port> inputs = new ArrayList<>();
        List<Port> outputs = new ArrayList<>();
        List<String> initializerNames = new ArrayList<>();
        long parameters = 0;
        long bytes = 0;
        while (graph.next()) {
            switch (graph.field()) {
                case 1 -> {
                    ProtoReader node = graph.message();
                    while (node.next()) {
                        if (node.field() == 4 && node.wireType() == 2) {
                            histogram.merge(node.string(), 1, Integer::sum);
                        } else {
                            node.skip();
                        }
                    }
                }
                case 5 -> {
                    ProtoReader t = graph.message();
                    long[] count = {1};
                    int type = 0;
                    long dataBytes = 0;
                    while (t.next()) {
                        switch (t.field()) {
                            case 1 -> t.varints(d -> count[0] *= d);
                            case 2 -> type = (int) t.varint();
                            case 8 -> initializerNames.add(t.string());
                            case 9 -> dataBytes += t.skipBytes();
                            default -> t.skip();
                        }
                    }
                    parameters += count[0];
                    bytes += dataBytes > 0 ? dataBytes : count[0] * elementSize(type);
                }
                case 11 -> inputs.add(port(graph.message()));
                case 12 -> outputs.add(port(graph.message()));
                default -> graph.skip();
            }
        }
        inputs.removeIf(p -> initializerNames.contains(p.name()));
        return new OnnxModelInfo(inputs, outputs, histogram, parameters, bytes, opset);
    }

    private static int elementSize(int onnxType) {
        return switch (onnxType) {
            case 2, 3, 9 -> 1;
            case 4, 5, 10 -> 2;
            case 7, 11, 13 -> 8;
            default -> 4;
        };
    }

    private static Port port(ProtoReader valueInfo) {
        String name = "";
        String dtype = "unknown";
        List<Long> shape = new ArrayList<>();
        while (valueInfo.next()) {
            if (valueInfo.field() == 1 && valueInfo.wireType() == 2) {
                name = valueInfo.string();
            } else if (valueInfo.field() == 2 && valueInfo.wireType() == 2) {
                ProtoReader type = valueInfo.message();
                while (type.next()) {
                    if (type.field() == 1 && type.wireType() == 2) {
                        ProtoReader tensor = type.message();
                        while (tensor.next()) {
                            if (tensor.field() == 1) {
                                DataType t = DataType.fromOnnx((int) tensor.varint());
                                dtype = t == null ? "other" : t.name().toLowerCase(java.util.Locale.ROOT);
                            } else if (tensor.field() == 2 && tensor.wireType() == 2) {
                                ProtoReader s = tensor.message();
                                while (s.next()) {
                                    if (s.field() == 1 && s.wireType() == 2) {
                                        ProtoReader dim = s.message();
                                        long value = -1;
                                        while (dim.next()) {
                                            if (dim.field() == 1 && dim.wireType() == 0) {
                                                value = dim.varint();
                                            } else {
                                                dim.skip();
                                            }
                                        }
                                        shape.add(value);
                                    } else {
                                        s.skip();
                                    }
                                }
                            } else {
                                tensor.skip();
                            }
                        }
                    } else {
                        type.skip();
                    }
                }
            } else {
                valueInfo.skip();
            }
        }
        return new Port(name, dtype, shape.stream().mapToLong(Long::longValue).toArray());
    }
}
