package dev.lookout.ui;

import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;

/** Where a frame lands in a view: scaled to fit with its aspect ratio kept, centred (letterboxed). */
public final class VideoGeometry {

    private VideoGeometry() {
    }

    /** The rectangle a {@code frameWidth × frameHeight} frame occupies in a {@code viewWidth × viewHeight} view. */
    public static Rectangle2D.Double fit(int frameWidth, int frameHeight, int viewWidth, int viewHeight) {
        if (frameWidth <= 0 || frameHeight <= 0 || viewWidth <= 0 || viewHeight <= 0) {
            return new Rectangle2D.Double(0, 0, 0, 0);
        }
        double scale = Math.min((double) viewWidth / frameWidth, (double) viewHeight / frameHeight);
        double w = frameWidth * scale;
        double h = frameHeight * scale;
        return new Rectangle2D.Double((viewWidth - w) / 2, (viewHeight - h) / 2, w, h);
    }

    /** The transform from frame pixels to view pixels for {@link #fit}. */
    public static AffineTransform frameToView(int frameWidth, int frameHeight, int viewWidth, int viewHeight) {
        Rectangle2D.Double r = fit(frameWidth, frameHeight, viewWidth, viewHeight);
        AffineTransform t = AffineTransform.getTranslateInstance(r.x, r.y);
        if (frameWidth > 0 && frameHeight > 0) {
            t.scale(r.width / frameWidth, r.height / frameHeight);
        }
        return t;
    }
}
