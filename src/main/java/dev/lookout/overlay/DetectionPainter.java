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
import java.util.ArrayList;
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

    /**
     * Where a label goes: above its box, else just inside its top edge, else below it — the first of these that
     * stays in the frame and covers no label placed before; the first that fits the frame when all overlap.
     */
    private Rectangle2D placeLabel(Rectangle2D box, double w, double h, Rectangle2D frame, List<Rectangle2D> placed) {
        double half = strokeWidth / 2;
        double x = Math.max(frame.getX(), Math.min(box.getX() - half, frame.getMaxX() - w));
        double[] ys = {box.getY() - half - h, box.getY() + half, box.getMaxY() + half};
        Rectangle2D firstInFrame = null;
        for (double y : ys) {
            Rectangle2D r = new Rectangle2D.Double(x, Math.max(frame.getY(), Math.min(y, frame.getMaxY() - h)), w, h);
            if (y < frame.getY() || y + h > frame.getMaxY()) {
                if (firstInFrame == null && y >= frame.getY()) {
                    firstInFrame = r;
                }
                continue;
            }
            if (firstInFrame == null) {
                firstInFrame = r;
            }
            if (placed.stream().noneMatch(r::intersects)) {
                return r;
            }
        }
        return firstInFrame != null ? firstInFrame
                : new Rectangle2D.Double(x, Math.max(frame.getY(), box.getY() + half), w, h);
    }

    /** The label text for a detection: its class and its score in whole percent, e.g. {@code dog 87%}. */
    public static String label(Detection d) {
        return d.className() + " " + String.format(Locale.ROOT, "%d%%", Math.round(d.score() * 100));
    }

    @Override
    public void paint(Graphics2D g, List<Detection> detections, int frameWidth, int frameHeight) {
        paint(g, detections, detections.stream().map(DetectionPainter::label).toList(), frameWidth, frameHeight);
    }

    /**
     * Paints {@code detections} as {@link #paint(Graphics2D, List, int, int)} does, each with its own label text
     * ({@code labels.get(i)} for {@code detections.get(i)}), e.g. with a track number.
     */
    public void paint(Graphics2D g, List<Detection> detections, List<String> labels, int frameWidth,
            int frameHeight) {
        if (labels.size() != detections.size()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + detections.size() + " detections");
        }
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
            List<Rectangle2D> boxes = new ArrayList<>();
            for (Detection d : detections) {
                Point2D topLeft = frameToDevice.transform(new Point2D.Double(d.x(), d.y()), null);
                Point2D bottomRight = frameToDevice.transform(new Point2D.Double(d.right(), d.bottom()), null);
                Rectangle2D box = new Rectangle2D.Double(topLeft.getX(), topLeft.getY(),
                        bottomRight.getX() - topLeft.getX(), bottomRight.getY() - topLeft.getY());
                boxes.add(box);
                g.setColor(ClassColors.of(d.className()));
                g.draw(box);
            }
            // Labels after every box, so no outline crosses a label, and placed so that they do not cover each other.
            List<Rectangle2D> placed = new ArrayList<>();
            for (int i = 0; i < detections.size(); i++) {
                Detection d = detections.get(i);
                Rectangle2D box = boxes.get(i);
                String text = labels.get(i);
                int pad = 3;
                double labelW = fm.stringWidth(text) + 2.0 * pad;
                double labelH = fm.getAscent() + fm.getDescent() + 2.0 * pad;
                Rectangle2D place = placeLabel(box, labelW, labelH, frameBounds, placed);
                placed.add(place);
                Color color = ClassColors.of(d.className());
                g.setColor(color);
                g.fill(place);
                g.setColor(ClassColors.textOn(color));
                g.drawString(text, (float) (place.getX() + pad), (float) (place.getY() + pad + fm.getAscent()));
            }
        } finally {
            g.setTransform(frameToDevice);
            g.setClip(oldClip);
            g.setRenderingHints(oldHints);
        }
    }
}
