package dev.lookout.convert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/** Values written inside a node's attributes rather than in the weight shards: inline tensors and shapes. */
public final class InlineTensor {

    private InlineTensor() {
    }

    /** The node's {@code shape} attribute as dims ({@code -1} unknown), or null when it has none. */
    public static long[] shapeAttr(TfNode node) {
        JsonNode shape = node.attrs().path("shape").path("shape");
        if (shape.isMissingNode()) {
            return null;
        }
        if (shape.path("unknownRank").asBoolean(false)) {
            return null;
        }
        return dims(shape);
    }

    /** The tensor in a Const node's {@code value} attribute when it holds values inline, else null. */
    public static Tensor read(TfNode node) {
        JsonNode t = node.attrs().path("value").path("tensor");
        if (t.isMissingNode()) {
            return null;
        }
        TfDataType tf = TfDataType.fromJson(t.path("dtype"));
        DataType type = tf.onnx();
        if (type == null) {
            return null;
        }
        long[] shape = dims(t.path("tensorShape"));
        int count = (int) Tensor.count(shape);
        if (t.hasNonNull("tensorContent")) {
            byte[] raw = Base64.getDecoder().decode(t.get("tensorContent").asText());
            if (tf == TfDataType.DOUBLE) {
                ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
                float[] f = new float[count];
                for (int i = 0; i < count; i++) {
                    f[i] = (float) b.getDouble(8 * i);
                }
                return Tensor.ofFloats(shape, f);
            }
            return new Tensor(type, shape, raw);
        }
        String field = switch (tf) {
            case FLOAT -> "floatVal";
            case DOUBLE -> "doubleVal";
            case INT64 -> "int64Val";
            case BOOL -> "boolVal";
            default -> "intVal";
        };
        JsonNode vals = t.path(field);
        if (vals.size() == 0) {
            return count == 0 ? new Tensor(type, shape, new byte[0]) : null;
        }
        // TF repeats the last value to fill the shape.
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            JsonNode e = vals.get(Math.min(i, vals.size() - 1));
            v[i] = e.isBoolean() ? (e.asBoolean() ? 1 : 0) : e.asDouble();
        }
        return switch (type) {
            case FLOAT -> {
                float[] f = new float[count];
                for (int i = 0; i < count; i++) {
                    f[i] = (float) v[i];
                }
                yield Tensor.ofFloats(shape, f);
            }
            case INT64 -> Tensor.ofLongs(shape, java.util.Arrays.stream(v).mapToLong(d -> (long) d).toArray());
            case INT32 -> Tensor.ofInts(shape, java.util.Arrays.stream(v).mapToInt(d -> (int) d).toArray());
            default -> {
                byte[] b = new byte[count];
                for (int i = 0; i < count; i++) {
                    b[i] = (byte) v[i];
                }
                yield new Tensor(type, shape, b);
            }
        };
    }

    private static long[] dims(JsonNode shape) {
        JsonNode dim = shape.path("dim");
        long[] out = new long[dim.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = dim.get(i).path("size").asLong(-1);
        }
        return out;
    }
}
