package dev.lookout.live;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one live session, updated by the capture, detection and display threads and read by the status bar
 * and by {@code live --duration}'s final JSON line.
 */
public final class LiveStats {

    private final long startNanos;
    private final AtomicLong captured = new AtomicLong();
    private final AtomicLong shown = new AtomicLong();
    private final AtomicLong notShown = new AtomicLong();
    private final AtomicLong detected = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong beforeModel = new AtomicLong();
    private final AtomicLong detectionErrors = new AtomicLong();
    private final AtomicLong inferenceNanosTotal = new AtomicLong();
    private final AtomicLong firstDetectionPaintedNanos = new AtomicLong(-1);
    private final AtomicLong firstDetectionNanos = new AtomicLong(-1);
    private volatile long lastInferenceNanos = -1;
    private final AtomicLong modelReadyNanos = new AtomicLong(-1);
    private final AtomicLong firstFramePaintedNanos = new AtomicLong(-1);
    private volatile String provider = "";
    private final LatencySamples paintLatency = new LatencySamples(20_000);
    private final LatencySamples detectLatency = new LatencySamples(20_000);

    /** Statistics counted from now. */
    public LiveStats() {
        this(System.nanoTime());
    }

    /** Statistics counted from {@code startNanos} ({@link System#nanoTime()}), e.g. the launch of the JVM. */
    public LiveStats(long startNanos) {
        this.startNanos = startNanos;
    }

    /** The time this session started, {@link System#nanoTime()}. */
    public long startNanos() {
        return startNanos;
    }

    void frameCaptured() {
        captured.incrementAndGet();
    }

    void frameNotShown() {
        notShown.incrementAndGet();
    }

    void framesNotShown(int count) {
        notShown.addAndGet(count);
    }

    void frameSkipped() {
        skipped.incrementAndGet();
    }

    void frameBeforeModel() {
        beforeModel.incrementAndGet();
    }

    void detectionError() {
        detectionErrors.incrementAndGet();
    }

    void frameDetected(long capturedNanos, long doneNanos, long inferenceNanos) {
        detected.incrementAndGet();
        inferenceNanosTotal.addAndGet(inferenceNanos);
        lastInferenceNanos = inferenceNanos;
        detectLatency.add(doneNanos - capturedNanos);
        firstDetectionNanos.compareAndSet(-1, doneNanos);
    }

    void provider(String value) {
        provider = value;
        modelReadyNanos.compareAndSet(-1, System.nanoTime());
    }

    /** The display painted a frame. */
    public void framePainted() {
        shown.incrementAndGet();
        if (firstFramePaintedNanos.get() < 0) {
            firstFramePaintedNanos.compareAndSet(-1, System.nanoTime());
        }
    }

    /**
     * The overlay painted detections for the first time; {@code capturedNanos} is their frame's capture time.
     */
    public void detectionsPainted(long capturedNanos, long paintedNanos) {
        paintLatency.add(paintedNanos - capturedNanos);
        firstDetectionPaintedNanos.compareAndSet(-1, paintedNanos);
    }

    /** Frames read from the source. */
    public long captured() {
        return captured.get();
    }

    /** Frames painted on screen. */
    public long shown() {
        return shown.get();
    }

    /** Frames replaced by a newer one before the display took them. */
    public long notShown() {
        return notShown.get();
    }

    /** Frames the detector ran on. */
    public long detected() {
        return detected.get();
    }

    /** Frames the detector skipped because it was busy with an earlier one. */
    public long skipped() {
        return skipped.get();
    }

    /** Frames captured while the model was still loading and replaced by newer ones before it was ready. */
    public long beforeModel() {
        return beforeModel.get();
    }

    /** The inference time of the latest detection in milliseconds, NaN before the first. */
    public double lastInferenceMillis() {
        long v = lastInferenceNanos;
        return v < 0 ? Double.NaN : v / 1e6;
    }

    /** The execution provider, empty until the model is loaded. */
    public String provider() {
        return provider;
    }

    /** Capture-to-paint latency of detections. */
    public LatencySamples paintLatency() {
        return paintLatency;
    }

    /** Capture-to-detected latency (without the display). */
    public LatencySamples detectLatency() {
        return detectLatency;
    }

    /**
     * The session's figures as an ordered map for one JSON line: counts, latency, rates, provider.
     *
     * @param nowNanos the end of the measured period
     */
    public Map<String, Object> summary(long nowNanos) {
        double seconds = (nowNanos - startNanos) / 1e9;
        long firstDetection = firstDetectionNanos.get();
        long firstPainted = firstDetectionPaintedNanos.get();
        double detectingSeconds = firstDetection < 0 ? 0 : (nowNanos - firstDetection) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", round(seconds, 2));
        m.put("framesCaptured", captured());
        m.put("framesShown", shown());
        m.put("framesNotShown", notShown());
        m.put("framesDetected", detected());
        m.put("framesSkipped", skipped());
        m.put("framesBeforeModel", beforeModel());
        m.put("detectionErrors", detectionErrors.get());
        m.put("latencyMeanMs", round(paintLatency.meanMillis(), 1));
        m.put("latencyMedianMs", round(paintLatency.percentileMillis(50), 1));
        m.put("latencyP95Ms", round(paintLatency.percentileMillis(95), 1));
        m.put("captureFps", round(seconds > 0 ? captured() / seconds : 0, 2));
        // Detections per second once the model was running: the load time says nothing about the detector's pace.
        m.put("detectionFps", round(detectingSeconds > 0 ? (detected() - 1) / detectingSeconds : 0, 2));
        m.put("inferenceMeanMs", round(detected() > 0 ? inferenceNanosTotal.get() / 1e6 / detected() : Double.NaN, 1));
        m.put("firstFramePaintedMs", sinceStart(firstFramePaintedNanos.get()));
        m.put("modelReadyMs", sinceStart(modelReadyNanos.get()));
        m.put("firstDetectionPaintedMs", sinceStart(firstPainted));
        m.put("provider", provider);
        return m;
    }

    private Object sinceStart(long nanos) {
        return nanos < 0 ? null : round((nanos - startNanos) / 1e6, 0);
    }

    private static Object round(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        double f = Math.pow(10, digits);
        return Math.round(value * f) / f;
    }
}
