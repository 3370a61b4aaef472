package dev.lookout.convert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.onnx.DataType;

/** TensorFlow's {@code DataType} enum, as far as the converter needs it, with the matching ONNX type. */
public enum TfDataType {
    /** DT_FLOAT. */
    FLOAT(1, DataType.FLOAT),
    /** DT_DOUBLE: computed as float. */
    DOUBLE(2, DataType.FLOAT),
    /** DT_INT32. */
    INT32(3, DataType.INT32),
    /** DT_UINT8. */
    UINT8(4, DataType.UINT8),
    /** DT_INT64. */
    INT64(9, DataType.INT64),
    /** DT_BOOL. */
    BOOL(10, DataType.BOOL),
    /** Any other type: not convertible. */
    UNSUPPORTED(-1, null);

    private final int code;
    private final DataType onnx;

    TfDataType(int code, DataType onnx) {
        this.code = code;
        this.onnx = onnx;
    }

    /** The ONNX element type, or null for {@link #UNSUPPORTED}. */
    public DataType onnx() {
        return onnx;
    }

    /** Reads {@code 1} or {@code "DT_FLOAT"}. */
    static TfDataType fromJson(JsonNode type) {
        if (type.isNumber()) {
            int c = type.asInt();
            for (TfDataType t : values()) {
                if (t.code == c) {
                    return t;
                }
            }
            return UNSUPPORTED;
        }
        return switch (type.asText()) {
            case "DT_FLOAT" -> FLOAT;
            case "DT_DOUBLE" -> DOUBLE;
            case "DT_INT32" -> INT32;
            case "DT_UINT8" -> UINT8;
            case "DT_INT64" -> INT64;
            case "DT_BOOL" -> BOOL;
            default -> UNSUPPORTED;
        };
    }
}
