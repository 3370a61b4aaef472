package dev.lookout.convert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * The checks every size a model file declares passes before the converter allocates anything for it: a weight's
 * {@code shape} in the manifest, an inline constant's {@code tensorShape}, a constant the converter computes. A
 * model file is input like any other: a shape may be negative, may overflow 64 bits when multiplied out (2^62 × 4
 * floats is 2^66 bytes, which wraps to 0 and so "matches" an empty shard), or may be tiny on disk and enormous in
 * memory (one inline value repeated to fill [100000, 100000]).
 *
 * <p>Counts are multiplied with {@link Math#multiplyExact}; a tensor may hold at most {@link #MAX_BYTES}, the
 * largest Java array and about the 2 GB protobuf limit of the ONNX file it must be written into.
 */
public final class DeclaredShape {

    /** The most bytes one tensor may hold: a Java array, and what a single-file ONNX model can carry. */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private DeclaredShape() {
    }

    /**
     * One dimension as written in the model file: a JSON integer or a decimal string (TF writes int64 as text).
     *
     * @param what names the tensor in the message, e.g. {@code "weight conv/w"}
     * @throws ConversionException for a fraction, a value beyond 64 bits or anything else
     */
    public static long dim(JsonNode value, String what) throws ConversionException {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.textValue().strip());
            } catch (NumberFormatException notALong) {
                // fall through to the message
            }
        }
        throw new ConversionException(what + " declares the dimension " + value + ", which is not a whole number "
                + "of at most 64 bits; the model file is damaged");
    }

    /**
     * The element count of a concrete shape (no unknown dims).
     *
     * @throws ConversionException naming {@code what} and the shape when a dim is negative or the count
     *     overflows 64 bits
     */
    public static long elements(long[] shape, String what) throws ConversionException {
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new ConversionException(what + " declares the shape " + Arrays.toString(shape)
                        + ", with a negative dimension; the model file is damaged");
            }
        }
        for (long d : shape) {
            try {
                count = Math.multiplyExact(count, d);
            } catch (ArithmeticException overflow) {
                throw new ConversionException(what + " declares the shape " + Arrays.toString(shape)
                        + ", more elements than 64 bits can count; the model file is damaged or hostile");
            }
        }
        return count;
    }

    /**
     * The bytes a concrete shape of {@code elementSize}-byte elements takes, checked as {@link #elements} does and
     * against {@link #MAX_BYTES}.
     *
     * @throws ConversionException naming {@code what}, the shape and the limit
     */
    public static long bytes(long[] shape, int elementSize, String what) throws ConversionException {
        long count = elements(shape, what);
        if (count > MAX_BYTES / elementSize) {
            throw new ConversionException(String.format(java.util.Locale.ROOT, "%s declares the shape %s (%,d "
                    + "elements of %d bytes), more than the 2 GB one tensor of an ONNX file can hold; the model "
                    + "file is damaged or hostile", what, Arrays.toString(shape), count, elementSize));
        }
        return count * elementSize;
    }
}
