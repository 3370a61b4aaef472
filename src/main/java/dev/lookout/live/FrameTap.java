package dev.lookout.live;

import dev.lookout.capture.Frame;

/**
 * Sees every captured frame on the capture thread, with the newest detections: the hook for recording. It must
 * return quickly and never block; it does not own {@code frame} and copies it ({@link Frame#copy()}) to keep it.
 */
@FunctionalInterface
public interface FrameTap {

    /**
     * Called once per captured frame.
     *
     * @param frame the frame, valid only during this call
     * @param latest the newest detections (possibly computed on an earlier frame), or {@code null} before the first
     */
    void onFrame(Frame frame, LiveDetections latest);
}
