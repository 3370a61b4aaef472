package dev.lookout.ui;

import dev.lookout.live.FrameTap;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The window's R key and record button: the hook the recording package plugs into. While recording, the window
 * installs {@link #frameTap()} in the pipeline, so the recorder sees every captured frame with the newest
 * detections on the capture thread (it must copy frames and never block).
 */
public interface RecordingControl {

    /**
     * Starts recording the current source; returns the file being written.
     *
     * @param frameRate the source's measured or nominal rate, for the encoder's rate control (the timing comes
     *     from the frames; the size from the first frame)
     */
    Path start(double frameRate) throws IOException;

    /** Stops and finalises the recording; returns the finished file, or {@code null} if none was running. */
    Path stop() throws IOException;

    /** True while recording. */
    boolean isRecording();

    /** Receives the frames while recording. */
    FrameTap frameTap();

    /** Draws the boxes of recordings started from now on with {@code painter} (the overlay's: ids, trails). */
    default void setPainter(dev.lookout.overlay.OverlayPainter painter) {
    }

    /** Registers who hears that a running recording failed (any thread); by default nobody. */
    default void onProblem(java.util.function.Consumer<String> listener) {
    }

    /** The running recording's container and codec, e.g. {@code MP4 / H.264}; empty when unknown. */
    default String format() {
        return "";
    }

    /** Frames the running recording had to drop because the writer could not keep up. */
    default long framesDropped() {
        return 0;
    }
}
