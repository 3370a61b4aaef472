package dev.lookout.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import onnx.Onnx.ModelProto;
import onnx.Onnx.TensorProto;

/** Reading ONNX files into the classes generated from ONNX's {@code onnx.proto} ({@code onnx.Onnx}). */
public final class OnnxProtos {

    private OnnxProtos() {
    }

    /**
     * Parses an ONNX file's bytes. The weights ({@code raw_data}) are not copied: they share {@code model}'s array,
     * which the caller must therefore not change afterwards. Bytes that are no protobuf message fail with
     * {@link IllegalArgumentException}; whether the message has a graph is the caller's to check.
     */
    public static ModelProto parse(byte[] model) {
        try {
            CodedInputStream in = UnsafeByteOperations.unsafeWrap(model).newCodedInput();
            in.enableAliasing(true);
            return ModelProto.parseFrom(in);
        } catch (IOException e) { // InvalidProtocolBufferException: an array has no other I/O
            throw new IllegalArgumentException("not an ONNX model: " + e.getMessage(), e);
        }
    }

    /** The values of an int64 tensor, from {@code raw_data} or {@code int64_data}, whichever it uses. */
    public static long[] int64s(TensorProto t) {
        if (t.getDataType() != DataType.INT64.onnxCode()) {
            throw new IllegalArgumentException("tensor " + t.getName() + " is not int64");
        }
        if (!t.hasRawData()) {
            return t.getInt64DataList().stream().mapToLong(Long::longValue).toArray();
        }
        LongBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        long[] values = new long[raw.remaining()];
        raw.get(values);
        return values;
    }
}
