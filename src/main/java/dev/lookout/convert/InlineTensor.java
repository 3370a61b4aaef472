package dev.lookout.convert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * Values written inside a node's attributes rather than in the weight shards: inline tensors and shapes. Their
 * declared shapes are checked by {@link DeclaredShape} before anything is allocated: an inline value may be one
 * number that TF's rule repeats to fill its whole shape, so a few bytes of model.json can ask for gigabytes.
 */
public final class InlineTensor {

    private InlineTensor() {
    }

    /** The node's {@code shape} attribute as dims ({@code -1} unknown), or null when it has none. */
    public static long[] shapeAttr(TfNode node) throws ConversionException {
        JsonNode shape = node.attrs().path("shape").path("shape");
        if (shape.isMissingNode()) {
            return null;
        }
        if (shape.path("unknownRank").asBoolean(false)) {
            return null;
        }
        String what = "input " + node.name();
        long[] dims = dims(shape, -1, what);
        long[] known = java.util.Arrays.stream(dims).map(d -> d == -1 ? 1 : d).toArray();
        DeclaredShape.bytes(known, 4, what); // -1 is unknown; anything else must be a size a tensor can have
        return dims;
    }

    /** The tensor in a Const node's {@code value} attribute when it holds values inline, else null. */
    public static Tensor read(TfNode node) throws ConversionException {
        JsonNode t = node.attrs().path("value").path("tensor");
        if (t.isMissingNode()) {
            return null;
        }
        TfDataType tf = TfDataType.fromJson(t.path("dtype"));
        DataType type = tf.onnx();
        if (type == null) {
            return null;
        }
        String what = "constant " + node.name();
        // protobuf's JSON leaves out a dim's size when it is 0
        long[] shape = dims(t.path("tensorShape"), 0, what);
        int stored = tf == TfDataType.DOUBLE ? 8 : type.size(); // doubles are read, then kept as floats
        int count = (int) (DeclaredShape.bytes(shape, stored, what) / stored);
        if (t.hasNonNull("tensorContent")) {
            byte[] raw = Base64.getDecoder().decode(t.get("tensorContent").asText());
            long expected = (long) count * stored;
            if (raw.length != expected) {
                throw new ConversionException(what + " declares the shape " + java.util.Arrays.toString(shape)
                        + " (" + expected + " bytes) but holds " + raw.length + " bytes; the model file is damaged");
            }
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
        // TF repeats the last value to fill the shape: written straight into the tensor, no wider copy first
        ByteBuffer b = ByteBuffer.allocate(count * type.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            JsonNode e = vals.get(Math.min(i, vals.size() - 1));
            double v = e.isBoolean() ? (e.asBoolean() ? 1 : 0) : e.asDouble();
            switch (type) {
                case FLOAT -> b.putFloat((float) v);
                case INT64 -> b.putLong((long) v);
                case INT32 -> b.putInt((int) v);
                default -> b.put((byte) v);
            }
        }
        return new Tensor(type, shape, b.array());
    }

    private static long[] dims(JsonNode shape, long missing, String what) throws ConversionException {
        JsonNode dim = shape.path("dim");
        long[] out = new long[dim.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode size = dim.get(i).path("size");
            out[i] = size.isMissingNode() || size.isNull() ? missing : DeclaredShape.dim(size, what);
        }
        return out;
    }
}
