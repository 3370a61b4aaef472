package dev.lookout.run;

import dev.lookout.onnx.DataType;
import dev.lookout.onnx.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format (versions 1–3, C order, little-endian) for the tensor types ONNX models here use:
 * float32, float64, int32, int64, uint8 and bool.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** Decodes a {@code .npy} file's bytes; {@code name} is for messages. */
    public static Tensor read(byte[] bytes, String name) throws IOException {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new IOException(name + " is not a .npy file");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6];
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : b.getInt(8);
        int start = major == 1 ? 10 : 12;
        if (headerLength < 0 || start + headerLength > bytes.length) {
            throw new IOException(name + ": the .npy header is cut short");
        }
        String header = new String(bytes, start, headerLength, StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, name);
        if (group(FORTRAN, header, name).equals("True")) {
            throw new IOException(name + " is stored in Fortran order; save it in C order");
        }
        DataType type = switch (descr) {
            case "<f4", "=f4" -> DataType.FLOAT;
            case "<i4", "=i4" -> DataType.INT32;
            case "<i8", "=i8" -> DataType.INT64;
            case "|u1" -> DataType.UINT8;
            case "|b1" -> DataType.BOOL;
            case "<f8", "=f8" -> DataType.DOUBLE;
            default -> throw new IOException(name + " holds " + descr + " values; use float32, float64, int32,"
                    + " int64, uint8 or bool");
        };
        String dims = group(SHAPE, header, name).trim();
        long[] shape = dims.isEmpty() ? new long[0] : Arrays.stream(dims.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        long count;
        try {
            count = Tensor.count(shape);
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": " + e.getMessage());
        }
        int offset = start + headerLength;
        if (count * type.size() != bytes.length - offset) {
            throw new IOException(name + " should hold " + count + " values of shape " + Arrays.toString(shape)
                    + " but has " + (bytes.length - offset) + " bytes of data");
        }
        return new Tensor(type, shape, Arrays.copyOfRange(bytes, offset, bytes.length));
    }

    /** Encodes a tensor as a version 1.0 {@code .npy} file. */
    public static byte[] write(Tensor t) {
        String descr = switch (t.type()) {
            case FLOAT -> "<f4";
            case INT32 -> "<i4";
            case INT64 -> "<i8";
            case UINT8 -> "|u1";
            case BOOL -> "|b1";
            case DOUBLE -> "<f8";
        };
        long[] shape = t.shape();
        StringBuilder dims = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            dims.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        if (shape.length == 1) {
            dims.append(',');
        }
        StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': ("
                + dims + "), }");
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.writeBytes(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(t.bytes());
        return out.toByteArray();
    }

    private static String group(Pattern p, String header, String name) throws IOException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IOException(name + ": the .npy header lacks " + p.pattern().split("'")[1]);
        }
        return m.group(1);
    }
}
