package dev.lookout.detect;

import java.util.Locale;

/**
 * Which of the model folder's two graphs the detector runs: the float one, TF.js-exact (the default), or the int8
 * one made by {@code lookout quantize}, faster on CPUs at a measured cost in accuracy (docs/PERFORMANCE.md).
 */
public enum Precision {
    /** {@code model.onnx}: float32, the same numbers as TF.js. */
    FP32("model.onnx"),
    /** {@code model-int8.onnx}: int8 weights and activations in QDQ form, fused by ONNX Runtime into integer kernels. */
    INT8("model-int8.onnx");

    private final String modelFile;

    Precision(String modelFile) {
        this.modelFile = modelFile;
    }

    /** The model file's name in the model folder. */
    public String modelFile() {
        return modelFile;
    }

    /** {@code fp32} or {@code int8}, as the command line and the configuration file spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code fp32} or {@code int8} (any case). */
    public static Precision parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown precision '" + text + "': use fp32 or int8", e);
        }
    }
}
