package dev.lookout.monitor;

import dev.lookout.capture.Frame;
import dev.lookout.detect.Detection;
import dev.lookout.overlay.OverlayPainter;
import java.util.List;

/**
 * Hears every frame a monitored camera reads, with what its overlay shows: the read side a window (the camera
 * wall) paints from, so that it shows the monitor's own frames and tracks instead of running a second pipeline.
 * Called on the camera's reading thread for each frame: it must return at once (copy what it keeps, hand slow
 * work to its own bounded queue), and it must not keep {@code frame}, which is closed after the call.
 */
@FunctionalInterface
public interface CameraFrameListener {

    /**
     * @param frame the frame just read (borrowed for the call)
     * @param tracked the boxes of the objects tracked in the camera's last detected frame, in frame pixels
     * @param overlay the camera's overlay painter (boxes, track ids, trails, lines and zones); thread-safe
     */
    void frame(Frame frame, List<Detection> tracked, OverlayPainter overlay);
}
