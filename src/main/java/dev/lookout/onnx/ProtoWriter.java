package dev.lookout.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal protocol-buffers encoder: just the wire types ONNX needs (varint, 32-bit, length-delimited). Fields are
 * written in the order they are called, so equal models give byte-identical files.
 */
public final class ProtoWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Writes a varint field ({@code int32}, {@code int64}, enums). */
    public ProtoWriter varint(int field, long value) {
        tag(field, 0);
        rawVarint(value);
        return this;
    }

    /** Writes a 32-bit float field. */
    public ProtoWriter float32(int field, float value) {
        tag(field, 5);
        int bits = Float.floatToRawIntBits(value);
        for (int i = 0; i < 4; i++) {
            out.write((bits >>> (8 * i)) & 0xFF);
        }
        return this;
    }

    /** Writes a string field in UTF-8. */
    public ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a bytes field. */
    public ProtoWriter bytes(int field, byte[] value) {
        tag(field, 2);
        rawVarint(value.length);
        out.write(value, 0, value.length);
        return this;
    }

    /**
     * Writes only the tag and length of a length-delimited field whose {@code length} payload bytes the caller
     * writes after it (for payloads assembled elsewhere, too large to copy twice).
     */
    public ProtoWriter lengthDelimitedHeader(int field, long length) {
        tag(field, 2);
        rawVarint(length);
        return this;
    }

    /** Writes an embedded message field. */
    public ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    /** Writes a packed repeated varint field. */
    public ProtoWriter packedVarints(int field, long[] values) {
        ProtoWriter packed = new ProtoWriter();
        for (long v : values) {
            packed.rawVarint(v);
        }
        return bytes(field, packed.toByteArray());
    }

    /** Writes a packed repeated float field. */
    public ProtoWriter packedFloats(int field, float[] values) {
        ProtoWriter packed = new ProtoWriter();
        for (float v : values) {
            int bits = Float.floatToRawIntBits(v);
            for (int i = 0; i < 4; i++) {
                packed.out.write((bits >>> (8 * i)) & 0xFF);
            }
        }
        return bytes(field, packed.toByteArray());
    }

    /** The encoded message. */
    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    private void rawVarint(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
