package dev.lookout.overlay;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;

/**
 * Paints counting lines (with an arrow showing the {@code in} side) and zones (a translucent polygon), each with a
 * caption such as {@code gate in 3 · out 1}. Coordinates are frame pixels; sizes stay the same on screen.
 */
public final class RegionPainter {

    private static final Color LINE = new Color(255, 220, 0);
    private static final Color ZONE = new Color(255, 120, 40);

    /** A line from (x1, y1) to (x2, y2); its {@code in} side is to the right looking from the first point. */
    public void paintLine(Graphics2D g, double x1, double y1, double x2, double y2, String caption) {
        DeviceSpace.paint(g, frameToDevice -> {
            Point2D a = frameToDevice.transform(new Point2D.Double(x1, y1), null);
            Point2D b = frameToDevice.transform(new Point2D.Double(x2, y2), null);
            g.setColor(LINE);
            g.setStroke(new BasicStroke(3f));
            g.draw(new Line2D.Double(a, b));
            // arrow from the middle towards the "in" side
            double dx = b.getX() - a.getX();
            double dy = b.getY() - a.getY();
            double len = Math.hypot(dx, dy);
            double mx = (a.getX() + b.getX()) / 2;
            double my = (a.getY() + b.getY()) / 2;
            double nx = -dy / len * 18;
            double ny = dx / len * 18;
            g.draw(new Line2D.Double(mx, my, mx + nx, my + ny));
            g.draw(new Line2D.Double(mx + nx, my + ny, mx + nx * 0.6 + ny * 0.3, my + ny * 0.6 - nx * 0.3));
            g.draw(new Line2D.Double(mx + nx, my + ny, mx + nx * 0.6 - ny * 0.3, my + ny * 0.6 + nx * 0.3));
            caption(g, caption, b.getX(), b.getY() - 22, LINE);
        });
    }

    /** A zone through the given corners. */
    public void paintZone(Graphics2D g, double[] xs, double[] ys, String caption) {
        DeviceSpace.paint(g, frameToDevice -> {
            Path2D.Double polygon = new Path2D.Double();
            for (int i = 0; i < xs.length; i++) {
                Point2D p = frameToDevice.transform(new Point2D.Double(xs[i], ys[i]), null);
                if (i == 0) {
                    polygon.moveTo(p.getX(), p.getY());
                } else {
                    polygon.lineTo(p.getX(), p.getY());
                }
            }
            polygon.closePath();
            g.setColor(new Color(ZONE.getRed(), ZONE.getGreen(), ZONE.getBlue(), 50));
            g.fill(polygon);
            g.setColor(ZONE);
            g.setStroke(new BasicStroke(2f));
            g.draw(polygon);
            caption(g, caption, polygon.getBounds2D().getX() + 4, polygon.getBounds2D().getY() + 4, ZONE);
        });
    }

    private static void caption(Graphics2D g, String text, double x, double y, Color background) {
        g.setFont(g.getFont().deriveFont(Font.BOLD, 14f));
        FontMetrics fm = g.getFontMetrics();
        int w = fm.stringWidth(text) + 6;
        int h = fm.getAscent() + fm.getDescent() + 4;
        g.setColor(background);
        g.fillRect((int) x, (int) y, w, h);
        g.setColor(ClassColors.textOn(background));
        g.drawString(text, (float) x + 3, (float) y + 2 + fm.getAscent());
    }
}
