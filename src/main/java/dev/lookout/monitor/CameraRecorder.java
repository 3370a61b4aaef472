package dev.lookout.monitor;

import dev.lookout.capture.Frame;
import dev.lookout.detect.Detection;
import java.util.List;

/**
 * Something that writes a camera's frames to disk ({@link EventClips}, {@link ContinuousRecording}): fed every
 * frame by the camera's reading thread, never waiting on the disk; {@link #close()} finalizes what is open.
 */
interface CameraRecorder extends AutoCloseable {

    /** Takes one frame (shared: valid during the call) with the camera's tracked boxes. */
    void accept(Frame frame, List<Detection> tracked) throws InterruptedException;

    /** Finalizes the open file(s) and registers them; idempotent. */
    @Override
    void close();
}
