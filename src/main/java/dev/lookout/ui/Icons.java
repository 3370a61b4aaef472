package dev.lookout.ui;

import java.awt.BasicStroke;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.function.BiConsumer;
import javax.swing.Icon;
import javax.swing.UIManager;

/**
 * Small vector icons for the toolbar, drawn in the current theme's text colour, so they are sharp at any scale and
 * need no image files or icon fonts.
 */
public final class Icons {

    private static final int SIZE = 16;

    private Icons() {
    }

    /** Two bars. */
    public static Icon pause() {
        return icon((g, c) -> {
            g.fill(new RoundRectangle2D.Double(3.5, 2.5, 3.2, 11, 1.2, 1.2));
            g.fill(new RoundRectangle2D.Double(9.3, 2.5, 3.2, 11, 1.2, 1.2));
        });
    }

    /** A triangle pointing right. */
    public static Icon play() {
        return icon((g, c) -> {
            Path2D p = new Path2D.Double();
            p.moveTo(4, 2.5);
            p.lineTo(13.5, 8);
            p.lineTo(4, 13.5);
            p.closePath();
            g.fill(p);
        });
    }

    /** A red dot. */
    public static Icon record() {
        return icon((g, c) -> {
            g.setColor(new java.awt.Color(0xE5484D));
            g.fill(new Ellipse2D.Double(2.5, 2.5, 11, 11));
        });
    }

    /** A square (stop recording). */
    public static Icon stop() {
        return icon((g, c) -> {
            g.setColor(new java.awt.Color(0xE5484D));
            g.fill(new RoundRectangle2D.Double(3, 3, 10, 10, 2, 2));
        });
    }

    /** A photo camera. */
    public static Icon snapshot() {
        return icon((g, c) -> {
            g.setStroke(new BasicStroke(1.4f));
            g.draw(new RoundRectangle2D.Double(1.5, 4.5, 13, 9, 2.5, 2.5));
            g.draw(new Ellipse2D.Double(5.3, 6.3, 5.4, 5.4));
            g.fill(new RoundRectangle2D.Double(5, 2.5, 6, 2.5, 1, 1));
        });
    }

    /** A video camera (the source menu). */
    public static Icon source() {
        return icon((g, c) -> {
            g.setStroke(new BasicStroke(1.4f));
            g.draw(new RoundRectangle2D.Double(1.5, 4, 9, 8, 2, 2));
            Path2D p = new Path2D.Double();
            p.moveTo(10.5, 7);
            p.lineTo(14.5, 4.5);
            p.lineTo(14.5, 11.5);
            p.lineTo(10.5, 9);
            p.closePath();
            g.fill(p);
        });
    }

    /** Four corners (full screen). */
    public static Icon fullscreen() {
        return icon((g, c) -> {
            g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D p = new Path2D.Double();
            p.moveTo(2, 6);
            p.lineTo(2, 2);
            p.lineTo(6, 2);
            p.moveTo(10, 2);
            p.lineTo(14, 2);
            p.lineTo(14, 6);
            p.moveTo(14, 10);
            p.lineTo(14, 14);
            p.lineTo(10, 14);
            p.moveTo(6, 14);
            p.lineTo(2, 14);
            p.lineTo(2, 10);
            g.draw(p);
        });
    }

    /** A half-filled circle (light/dark theme). */
    public static Icon theme() {
        return icon((g, c) -> {
            g.setStroke(new BasicStroke(1.4f));
            g.draw(new Ellipse2D.Double(2, 2, 12, 12));
            Path2D half = new Path2D.Double();
            half.append(new java.awt.geom.Arc2D.Double(2, 2, 12, 12, 90, 180, java.awt.geom.Arc2D.PIE), false);
            g.fill(half);
        });
    }

    private static Icon icon(BiConsumer<Graphics2D, Component> painter) {
        return new Icon() {
            @Override
            public void paintIcon(Component c, Graphics graphics, int x, int y) {
                Graphics2D g = (Graphics2D) graphics.create();
                try {
                    g.translate(x, y);
                    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                    java.awt.Color fg = c != null && c.isEnabled() ? UIManager.getColor("Label.foreground")
                            : UIManager.getColor("Label.disabledForeground");
                    g.setColor(fg != null ? fg : java.awt.Color.DARK_GRAY);
                    painter.accept(g, c);
                } finally {
                    g.dispose();
                }
            }

            @Override
            public int getIconWidth() {
                return SIZE;
            }

            @Override
            public int getIconHeight() {
                return SIZE;
            }
        };
    }
}
