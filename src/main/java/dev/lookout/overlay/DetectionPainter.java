package dev.lookout.overlay;

import dev.lookout.detect.Detection;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

/**
 * The default overlay: one rectangle per detection in its class colour, with a filled label {@code class 87%}
 * above it (inside the box when there is no room above). Everything is clipped to the frame.
 */
public final class DetectionPainter implements OverlayPainter {

    private final float strokeWidth;
    private final float fontSize;

    /** A painter with a 3 px outline and 14 px labels (in device pixels, whatever the scale). */
    public DetectionPainter() {
        this(3f, 14f);
    }

    /** A painter with the given outline width and label font size, both in device pixels. */
    public DetectionPainter(float strokeWidth, float fontSize) {
        this.strokeWidth = strokeWidth;
        this.fontSize = fontSize;
    }

    /** The label text for a detection: its class and its score in whole percent, e.g. {@code dog 87%}. */
    public static String label(Detection d) {
        return d.className() + " " + String.format(Locale.ROOT, "%d%%", Math.round(d.score() * 100));
    }

    @Override
    public void paint(Graphics2D g, List<Detection> detections, int frameWidth, int frameHeight) {
        if (detections.isEmpty()) {
            return;
        }
        AffineTransform frameToDevice = g.getTransform();
        Shape oldClip = g.getClip();
        RenderingHints oldHints = g.getRenderingHints();
        try {
            // Draw in device space so that lines and text keep their size whatever the video's scale.
            Shape frameOnDevice = frameToDevice.createTransformedShape(
                    new Rectangle2D.Double(0, 0, frameWidth, frameHeight));
            g.setTransform(new AffineTransform());
            g.clip(frameOnDevice);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setStroke(new BasicStroke(strokeWidth));
            Font font = g.getFont().deriveFont(Font.BOLD, fontSize);
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            Rectangle2D frameBounds = frameOnDevice.getBounds2D();
            for (Detection d : detections) {
                Point2D topLeft = frameToDevice.transform(new Point2D.Double(d.x(), d.y()), null);
                Point2D bottomRight = frameToDevice.transform(new Point2D.Double(d.right(), d.bottom()), null);
                double x = topLeft.getX();
                double y = topLeft.getY();
                double w = bottomRight.getX() - x;
                double h = bottomRight.getY() - y;
                Color color = ClassColors.of(d.className());
                g.setColor(color);
                g.draw(new Rectangle2D.Double(x, y, w, h));

                String text = label(d);
                int pad = 3;
                double labelW = fm.stringWidth(text) + 2.0 * pad;
                double labelH = fm.getAscent() + fm.getDescent() + 2.0 * pad;
                // Above the box when there is room inside the frame, else just inside its top edge.
                double lx = Math.max(frameBounds.getX(), Math.min(x - strokeWidth / 2, frameBounds.getMaxX() - labelW));
                double ly = y - strokeWidth / 2 - labelH;
                if (ly < frameBounds.getY()) {
                    ly = Math.max(frameBounds.getY(), y + strokeWidth / 2);
                }
                g.fill(new Rectangle2D.Double(lx, ly, labelW, labelH));
                g.setColor(ClassColors.textOn(color));
                g.drawString(text, (float) (lx + pad), (float) (ly + pad + fm.getAscent()));
            }
        } finally {
            g.setTransform(frameToDevice);
            g.setClip(oldClip);
            g.setRenderingHints(oldHints);
        }
    }
}
