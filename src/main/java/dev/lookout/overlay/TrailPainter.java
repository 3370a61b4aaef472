package dev.lookout.overlay;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.util.List;

/**
 * Paints the recent paths of tracked objects: a line in the class colour through each object's reference points,
 * fading from opaque (now) to transparent ({@code fadeSeconds} ago). Strokes keep their width on screen whatever
 * the scale, as {@link DetectionPainter}'s do.
 */
public final class TrailPainter {

    /**
     * One object's path, oldest point first.
     *
     * @param className for the colour
     * @param xs the points' x in frame pixels
     * @param ys the points' y in frame pixels
     * @param ages each point's age in seconds (0 = now)
     */
    public record Trail(String className, double[] xs, double[] ys, double[] ages) {
    }

    private final float strokeWidth;
    private final double fadeSeconds;

    /** A 3 px trail that fades out over {@code fadeSeconds}. */
    public TrailPainter(double fadeSeconds) {
        this(3f, fadeSeconds);
    }

    public TrailPainter(float strokeWidth, double fadeSeconds) {
        this.strokeWidth = strokeWidth;
        this.fadeSeconds = fadeSeconds;
    }

    /** Paints the trails; {@code g}'s transform maps frame pixels onto the device. */
    public void paint(Graphics2D g, List<Trail> trails) {
        DeviceSpace.paint(g, frameToDevice -> {
            g.setStroke(new BasicStroke(strokeWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (Trail t : trails) {
                g.setColor(ClassColors.of(t.className()));
                for (int i = 1; i < t.xs().length; i++) {
                    float alpha = (float) Math.max(0, Math.min(1, 1 - t.ages()[i] / fadeSeconds));
                    if (alpha <= 0) {
                        continue;
                    }
                    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
                    Point2D a = frameToDevice.transform(new Point2D.Double(t.xs()[i - 1], t.ys()[i - 1]), null);
                    Point2D b = frameToDevice.transform(new Point2D.Double(t.xs()[i], t.ys()[i]), null);
                    g.draw(new Line2D.Double(a, b));
                }
            }
        });
    }
}
