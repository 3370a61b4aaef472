package dev.lookout.config;

/** A point of a line, zone or mask: pixels of the camera's frame, or fractions 0..1 of its width and height. */
public record Point(double x, double y) {

    /** This point in pixels of a {@code width} × {@code height} frame (unchanged if already in pixels). */
    Point scaled(boolean fractions, int width, int height) {
        return fractions ? new Point(x * width, y * height) : this;
    }
}
