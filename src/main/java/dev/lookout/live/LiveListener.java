package dev.lookout.live;

/**
 * Receives the pipeline's news. Methods are called on the pipeline's threads: implementations hand the news to
 * their own thread (the Swing event thread) and return at once.
 */
public interface LiveListener {

    /** A new frame is waiting in {@link LivePipeline#display()}; called when the display had taken every earlier frame (otherwise its pending take finds the new one). */
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
