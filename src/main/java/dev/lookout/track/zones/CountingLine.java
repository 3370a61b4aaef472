package dev.lookout.track.zones;

import java.util.Objects;

/**
 * A named, directed counting segment from {@code (x1, y1)} to {@code (x2, y2)}, in source-frame pixels or, when
 * {@code fractions}, in fractions 0..1 of the frame's width and height. Crossing it from its left to its right
 * (as seen on the image, looking from the first point to the second) is {@code in}; the other way is {@code out}.
 * A line drawn left to right therefore counts objects moving down the picture as {@code in}.
 */
public record CountingLine(String name, double x1, double y1, double x2, double y2, boolean fractions) {

    public CountingLine {
        Objects.requireNonNull(name, "name");
        if (x1 == x2 && y1 == y2) {
            throw new IllegalArgumentException("line " + name + ": its two points are the same");
        }
    }

    /** The line in pixels of a {@code width × height} frame. */
    public CountingLine inPixels(int width, int height) {
        return fractions ? new CountingLine(name, x1 * width, y1 * height, x2 * width, y2 * height, false) : this;
    }

    /** Which side of the line {@code (x, y)} is on, as the signed distance in pixels (positive: right, "in"). */
    double side(double x, double y) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        return (dx * (y - y1) - dy * (x - x1)) / Math.hypot(dx, dy);
    }

    /**
     * True when the move from {@code (px, py)} to {@code (qx, qy)}, whose ends are on opposite sides of the
     * infinite line, passes between the segment's two ends.
     */
    boolean passesBetweenEnds(double px, double py, double qx, double qy) {
        double sp = side(px, py);
        double sq = side(qx, qy);
        double f = sp / (sp - sq); // where along the move the infinite line is met
        double cx = px + f * (qx - px);
        double cy = py + f * (qy - py);
        double dx = x2 - x1;
        double dy = y2 - y1;
        double u = ((cx - x1) * dx + (cy - y1) * dy) / (dx * dx + dy * dy);
        return u >= 0 && u <= 1;
    }
}
