package dev.lookout.overlay;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.util.function.Consumer;

/**
 * Painting in device pixels, so that strokes and text keep their size on screen whatever the video's scale: the
 * body gets the frame-to-device transform to place things, draws with an identity transform and antialiasing,
 * and the graphics' transform, stroke, font, composite and hints are restored afterwards.
 */
final class DeviceSpace {

    private DeviceSpace() {
    }

    static void paint(Graphics2D g, Consumer<AffineTransform> body) {
        AffineTransform frameToDevice = g.getTransform();
        var stroke = g.getStroke();
        var font = g.getFont();
        var composite = g.getComposite();
        var color = g.getColor();
        RenderingHints hints = (RenderingHints) g.getRenderingHints().clone();
        try {
            g.setTransform(new AffineTransform());
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            body.accept(frameToDevice);
        } finally {
            g.setTransform(frameToDevice);
            g.setStroke(stroke);
            g.setFont(font);
            g.setComposite(composite);
            g.setColor(color);
            g.setRenderingHints(hints);
        }
    }
}
