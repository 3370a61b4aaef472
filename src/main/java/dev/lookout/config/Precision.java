package dev.lookout.config;

/** The detector's number format: full-precision floats, or the 8-bit quantized model where one exists. */
public enum Precision {
    /** 32-bit floats: exactly TF.js's answers. */
    FP32,
    /** 8-bit integers: faster on a CPU, answers differ slightly. */
    INT8
}
