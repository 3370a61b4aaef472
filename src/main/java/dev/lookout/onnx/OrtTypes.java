package dev.lookout.onnx;

import ai.onnxruntime.OnnxJavaType;

/** The element types Lookout handles, as ONNX Runtime's Java binding names them. */
public final class OrtTypes {

    private OrtTypes() {
    }

    /** Our type for ONNX Runtime's, or null when Lookout does not handle it. */
    public static DataType of(OnnxJavaType t) {
        return switch (t) {
            case FLOAT -> DataType.FLOAT;
            case DOUBLE -> DataType.DOUBLE;
            case INT32 -> DataType.INT32;
            case INT64 -> DataType.INT64;
            case UINT8 -> DataType.UINT8;
            case BOOL -> DataType.BOOL;
            default -> null;
        };
    }

    /** ONNX Runtime's type for ours. */
    public static OnnxJavaType of(DataType t) {
        return switch (t) {
            case FLOAT -> OnnxJavaType.FLOAT;
            case DOUBLE -> OnnxJavaType.DOUBLE;
            case INT32 -> OnnxJavaType.INT32;
            case INT64 -> OnnxJavaType.INT64;
            case UINT8 -> OnnxJavaType.UINT8;
            case BOOL -> OnnxJavaType.BOOL;
        };
    }
}
