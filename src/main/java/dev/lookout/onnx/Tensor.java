package dev.lookout.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A constant tensor known at conversion time: element type, shape and little-endian bytes (ONNX's
 * {@code raw_data} layout). Immutable: the byte array is never handed out for writing.
 */
public final class Tensor {

    private final DataType type;
    private final long[] shape;
    private final byte[] data;

    /** Wraps little-endian {@code data}; its length must match the shape. */
    public Tensor(DataType type, long[] shape, byte[] data) {
        long count = count(shape);
        if (count > Integer.MAX_VALUE || count * type.size() != data.length) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " and type " + type
                    + " needs " + count * type.size() + " bytes, got " + data.length);
        }
        this.type = type;
        this.shape = shape.clone();
        this.data = data;
    }

    /** A float tensor. */
    public static Tensor ofFloats(long[] shape, float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return new Tensor(DataType.FLOAT, shape, b.array());
    }

    /** An int32 tensor. */
    public static Tensor ofInts(long[] shape, int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        return new Tensor(DataType.INT32, shape, b.array());
    }

    /** An int64 tensor. */
    public static Tensor ofLongs(long[] shape, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return new Tensor(DataType.INT64, shape, b.array());
    }

    /** A 1-D int64 tensor, as ONNX wants for shapes and axes. */
    public static Tensor vector(long... values) {
        return ofLongs(new long[] {values.length}, values);
    }

    /**
     * The number of elements of a concrete shape.
     *
     * @throws IllegalArgumentException when a dim is negative or the count overflows 64 bits (a product that
     *     wrapped could match any data length, even none)
     */
    public static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative dimension");
            }
        }
        for (long d : shape) {
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException overflow) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more elements than 64 "
                        + "bits can count");
            }
        }
        return n;
    }

    /** The element type. */
    public DataType type() {
        return type;
    }

    /** A copy of the shape. */
    public long[] shape() {
        return shape.clone();
    }

    /** The rank. */
    public int rank() {
        return shape.length;
    }

    /** The element count. */
    public int size() {
        return (int) count(shape);
    }

    /** A copy of the little-endian bytes. */
    public byte[] bytes() {
        return data.clone();
    }

    /** The number of data bytes. */
    public int byteSize() {
        return data.length;
    }

    byte[] rawBytes() {
        return data;
    }

    /** The elements as floats (any numeric type is converted). */
    public float[] floats() {
        int n = size();
        float[] out = new float[n];
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            out[i] = switch (type) {
                case FLOAT -> b.getFloat(i * 4);
                case INT32 -> b.getInt(i * 4);
                case INT64 -> b.getLong(i * 8);
                case DOUBLE -> (float) b.getDouble(i * 8);
                case UINT8, BOOL -> data[i] & 0xFF;
            };
        }
        return out;
    }

    /** The elements as longs (floats are truncated). */
    public long[] longs() {
        int n = size();
        long[] out = new long[n];
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            out[i] = switch (type) {
                case FLOAT -> (long) b.getFloat(i * 4);
                case INT32 -> b.getInt(i * 4);
                case INT64 -> b.getLong(i * 8);
                case DOUBLE -> (long) b.getDouble(i * 8);
                case UINT8, BOOL -> data[i] & 0xFF;
            };
        }
        return out;
    }

    /** The same data under another shape with the same element count. */
    public Tensor reshape(long... newShape) {
        return new Tensor(type, newShape, data);
    }

    @Override
    public String toString() {
        return type + Arrays.toString(shape);
    }
}
