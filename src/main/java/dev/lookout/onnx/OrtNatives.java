package dev.lookout.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import java.io.IOException;

/**
 * The one place ONNX Runtime's native library is loaded. Its Java binding unpacks the library into
 * {@code java.io.tmpdir} and loads it from there, so a read-only temporary folder (an
 * {@code ExceptionInInitializerError}) or one mounted {@code noexec} ("failed to map segment") would otherwise end
 * the program with a stack trace: here they become a message that says how to point Lookout elsewhere.
 */
public final class OrtNatives {

    private OrtNatives() {
    }

    /**
     * ONNX Runtime's environment (logging errors only), loading the native library on first use and removing the
     * binding's temporary folder at exit ({@link OrtTempFolder}).
     */
    public static OrtEnvironment environment() throws IOException {
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "lookout");
            OrtTempFolder.removeOnExit();
            return env;
        } catch (LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String tmp = System.getProperty("java.io.tmpdir");
            throw new IOException("ONNX Runtime's native library could not be loaded (" + cause.getClass()
                    .getSimpleName() + ": " + firstLine(cause.getMessage()) + "). It is unpacked into the temporary "
                    + "folder " + tmp + ", which must be writable and allow running programs (not mounted noexec): "
                    + "point Lookout at another folder with java -Djava.io.tmpdir=DIR -jar lookout.jar ...", e);
        }
    }

    private static String firstLine(String text) {
        return text == null ? "no details" : text.lines().findFirst().orElse("no details");
    }
}
