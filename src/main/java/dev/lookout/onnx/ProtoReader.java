package dev.lookout.onnx;

import java.nio.charset.StandardCharsets;

/** A minimal protocol-buffers decoder over a byte array: iterate fields, read varints and nested messages. */
public final class ProtoReader {

    private final byte[] data;
    private int pos;
    private final int end;
    private int field;
    private int wireType;
    private int fieldStart;

    public ProtoReader(byte[] data) {
        this(data, 0, data.length);
    }

    private ProtoReader(byte[] data, int offset, int end) {
        this.data = data;
        this.pos = offset;
        this.end = end;
    }

    /** Advances to the next field; false at the end of the message. */
    public boolean next() {
        if (pos >= end) {
            return false;
        }
        fieldStart = pos;
        long tag = varint();
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        return true;
    }

    /** The current field's number. */
    public int field() {
        return field;
    }

    /** The current field's wire type (0 varint, 1 64-bit, 2 length-delimited, 5 32-bit). */
    public int wireType() {
        return wireType;
    }

    /** Reads the current varint field. */
    public long varint() {
        long result = 0;
        int shift = 0;
        while (true) {
            if (pos >= end) {
                throw new IllegalArgumentException("truncated protobuf varint");
            }
            int b = data[pos++] & 0xFF;
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
            if (shift > 63) {
                throw new IllegalArgumentException("malformed protobuf varint");
            }
        }
    }

    /** Reads the current length-delimited field as a nested reader. */
    public ProtoReader message() {
        int length = length();
        ProtoReader nested = new ProtoReader(data, pos, pos + length);
        pos += length;
        return nested;
    }

    /** Reads the current length-delimited field as UTF-8 text. */
    public String string() {
        int length = length();
        String s = new String(data, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }

    /** Reads the current length-delimited field's size and skips its bytes. */
    public int skipBytes() {
        int length = length();
        pos += length;
        return length;
    }

    /** Reads a packed or single varint field into {@code sink}. */
    public void varints(java.util.function.LongConsumer sink) {
        if (wireType == 2) {
            ProtoReader packed = message();
            while (packed.pos < packed.end) {
                sink.accept(packed.varint());
            }
        } else {
            sink.accept(varint());
        }
    }

    /** Reads the current length-delimited field's bytes. */
    public byte[] bytes() {
        int length = length();
        byte[] b = java.util.Arrays.copyOfRange(data, pos, pos + length);
        pos += length;
        return b;
    }

    /**
     * Skips the current field and returns where its whole encoding lies in the underlying array:
     * {@code {start, end}}, tag included (no copy, for large fields).
     */
    public int[] rawSpan() {
        skip();
        return new int[] {fieldStart, pos};
    }

    /** The bytes from the current position to the end of this message. */
    public byte[] rest() {
        return java.util.Arrays.copyOfRange(data, pos, end);
    }

    /** A reader over the payload of the length-delimited field encoded at {@code span} of {@code data}. */
    public static ProtoReader payloadOf(byte[] data, int[] span) {
        ProtoReader r = new ProtoReader(data, span[0], span[1]);
        r.next();
        return r.message();
    }

    /** Skips the current field, whatever its type. */
    public void skip() {
        switch (wireType) {
            case 0 -> varint();
            case 1 -> pos += 8;
            case 2 -> skipBytes();
            case 5 -> pos += 4;
            default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wireType);
        }
        if (pos > end) {
            throw new IllegalArgumentException("truncated protobuf message");
        }
    }

    private int length() {
        long length = varint();
        if (length < 0 || pos + length > end) {
            throw new IllegalArgumentException("truncated protobuf field");
        }
        return (int) length;
    }
}
