package dev.lookout.monitor;

import dev.lookout.capture.Frame;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.DetectionResult;

/** One camera as the {@link DetectionScheduler} sees it. Called on the scheduler's thread only. */
interface DetectionClient {

    /** The camera's newest waiting frame (the caller then owns it), or null when none waits. */
    Frame takeNewest();

    /** True when a frame waits (without taking it). */
    boolean hasFrame();

    /** How this camera's frames are detected (its classes, the tracker's low-score candidates). */
    DetectOptions detectOptions();

    /** The most detections per second for this camera, or 0 for no cap. */
    double maxRate();

    /**
     * The scheduler takes none of this camera's frames before {@code nanos} (its clock, that of {@link
     * Frame#capturedNanos}): told after each detection of a camera with a cap, for counting what the cap skips.
     */
    void holdUntil(long nanos);

    /** The detector's result for {@code frame} (still owned by the scheduler, valid during the call). */
    void detected(Frame frame, DetectionResult result);

    /** The detector failed on this camera's frame; the camera goes on. */
    void detectionFailed(RuntimeException e);
}
