package dev.lookout.onnx;

/** The tensor element types the converter handles, with their ONNX {@code TensorProto.DataType} codes. */
public enum DataType {
    /** 32-bit IEEE float. */
    FLOAT(1, 4),
    /** Unsigned byte. */
    UINT8(2, 1),
    /** 32-bit signed integer. */
    INT32(6, 4),
    /** 64-bit signed integer. */
    INT64(7, 8),
    /** Boolean, one byte per element. */
    BOOL(9, 1),
    /** 64-bit IEEE float (exact integer division of int32 values). */
    DOUBLE(11, 8);

    private final int onnxCode;
    private final int size;

    DataType(int onnxCode, int size) {
        this.onnxCode = onnxCode;
        this.size = size;
    }

    /** The ONNX {@code TensorProto.DataType} code. */
    public int onnxCode() {
        return onnxCode;
    }

    /** Bytes per element. */
    public int size() {
        return size;
    }

    /** The type with ONNX code {@code code}, or null when the converter does not handle it. */
    public static DataType fromOnnx(int code) {
        for (DataType t : values()) {
            if (t.onnxCode == code) {
                return t;
            }
        }
        return null;
    }
}
