package dev.lookout.ui;

import dev.lookout.detect.Detection;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The window's S key and snapshot button: the hook the snapshot writer plugs into. */
public interface SnapshotControl {

    /**
     * Saves the frame on screen with its detections (drawn by the same overlay painter) and returns the file.
     *
     * @param frame the displayed frame's pixels; a copy the snapshot may keep
     * @param detections the detections on screen, in the frame's pixels
     * @param sourceDescription the source's name, credentials masked
     * @param frameNumber the frame's running number
     */
    Path save(BufferedImage frame, List<Detection> detections, String sourceDescription, long frameNumber)
            throws IOException;
}
