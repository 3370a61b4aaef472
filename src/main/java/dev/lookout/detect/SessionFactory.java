package dev.lookout.detect;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;

/** ONNX Runtime sessions for the detector, with the options measured to be fastest here (docs/PERFORMANCE.md). */
final class SessionFactory {

    // These knobs exist for measuring (lookout bench); the defaults are the measured best.
    /** {@code -Dlookout.ort.spin=true} lets ONNX Runtime's workers spin (lower latency on an otherwise idle CPU). */
    private static final boolean SPIN = Boolean.getBoolean("lookout.ort.spin");
    /** {@code -Dlookout.ort.config=key=value;key=value}: extra ONNX Runtime session config entries, for measuring. */
    private static final String EXTRA_CONFIG = System.getProperty("lookout.ort.config", "");
    /** {@code -Dlookout.ort.profile=PREFIX}: ONNX Runtime writes a per-node profile, PREFIX_DATE.json (measuring). */
    private static final String PROFILE = System.getProperty("lookout.ort.profile", "");

    private SessionFactory() {
    }

    /**
     * A CPU session: one intra-op thread per core, all graph optimisations, and worker threads that sleep
     * instead of spinning between runs: on a small machine the capture and display threads share the cores with
     * inference, and spinning workers measurably slowed everything down (docs/PERFORMANCE.md).
     */
    static OrtSession cpu(OrtEnvironment env, byte[] model) throws OrtException {
        try (SessionOptions options = baseOptions()) {
            return env.createSession(model, options);
        }
    }

    /** A CUDA session (device 0); CPU runs the few nodes CUDA does not support. */
    static OrtSession cuda(OrtEnvironment env, byte[] model) throws OrtException {
        try (SessionOptions options = baseOptions()) {
            options.addCUDA(0);
            return env.createSession(model, options);
        }
    }

    private static SessionOptions baseOptions() throws OrtException {
        SessionOptions options = new SessionOptions();
        try {
            options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
            options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setIntraOpNumThreads(Integer.getInteger("lookout.ort.threads",
                    Runtime.getRuntime().availableProcessors()));
            options.setInterOpNumThreads(1);
            options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            options.addConfigEntry("session.intra_op.allow_spinning", SPIN ? "1" : "0");
            if (!PROFILE.isEmpty()) {
                options.enableProfiling(PROFILE);
            }
            for (String entry : EXTRA_CONFIG.split(";")) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    options.addConfigEntry(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
                }
            }
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }
}
