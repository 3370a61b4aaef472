package dev.lookout.overlay;

import dev.lookout.detect.Detection;
import java.awt.Graphics2D;
import java.util.List;

/**
 * Paints what is drawn over a video frame, like webcam-capture's {@code WebcamPanel.Painter}: the live overlay,
 * annotated images, recordings and snapshots all call the same painter, so they look the same.
 */
public interface OverlayPainter {

    /**
     * Paints {@code detections}, given in the pixels of a {@code frameWidth × frameHeight} frame, onto {@code g}.
     * The caller sets {@code g}'s transform so that frame pixels land where the frame is shown; the painter
     * clips to the frame and keeps strokes and text the same size on screen whatever the scale.
     */
    void paint(Graphics2D g, List<Detection> detections, int frameWidth, int frameHeight);
}
