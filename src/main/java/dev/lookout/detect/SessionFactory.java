package dev.lookout.detect;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.nio.file.Path;

/** ONNX Runtime sessions for the detector, with the options measured to be fastest here (docs/PERFORMANCE.md). */
final class SessionFactory {

    private SessionFactory() {
    }

    /** A CPU session: one intra-op thread per core, all graph optimisations. */
    static OrtSession cpu(OrtEnvironment env, Path model) throws OrtException {
        try (SessionOptions options = baseOptions()) {
            return env.createSession(model.toString(), options);
        }
    }

    /** A CUDA session (device 0); CPU runs the few nodes CUDA does not support. */
    static OrtSession cuda(OrtEnvironment env, Path model) throws OrtException {
        try (SessionOptions options = baseOptions()) {
            options.addCUDA(0);
            return env.createSession(model.toString(), options);
        }
    }

    private static SessionOptions baseOptions() throws OrtException {
        SessionOptions options = new SessionOptions();
        try {
            options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
            options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
            options.setInterOpNumThreads(1);
            options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }
}
