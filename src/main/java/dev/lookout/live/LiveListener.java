package dev.lookout.live;

import dev.lookout.capture.SourceState;

/**
 * Receives the pipeline's news. Methods are called on the pipeline's threads: implementations hand the news to
 * their own thread (the Swing event thread) and return at once.
 */
public interface LiveListener {

    /**
     * A new frame is waiting in {@link LivePipeline#display()}, on the capture thread. Frames queue there in order:
     * show each one taken before taking the next, while {@code hasPending()} says more are waiting.
     */
    default void frameReady() {
    }

    /** New detections, on the detection thread. */
    default void detectionsReady(LiveDetections detections) {
    }

    /** The source's state changed. */
    default void sourceStateChanged(SourceState state) {
    }

    /** The detector is loaded and detecting. */
    default void detectorReady(String provider) {
    }

    /** The detector could not be loaded or failed; the video goes on without boxes. */
    default void detectorFailed(String message) {
    }
}
