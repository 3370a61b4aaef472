package dev.lookout.detect;

import java.util.Locale;

/** Which ONNX Runtime execution provider the detector runs on. */
public enum Device {
    /** CUDA where an NVIDIA driver is present and CUDA starts, otherwise CPU (with one line saying why). */
    AUTO,
    /** CPU only. */
    CPU,
    /** CUDA, or a clear failure when it cannot start. */
    CUDA;

    /** Parses {@code auto}, {@code cpu} or {@code cuda} (any case). */
    public static Device parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown device '" + text + "': use auto, cpu or cuda", e);
        }
    }
}
