package dev.lookout.config;

import java.util.Objects;

/**
 * A counting line from {@code from} to {@code to}; objects crossing it count as "in" or "out" by direction.
 *
 * @param fractions true when the coordinates are fractions 0..1 of the frame (written so in the file when every
 *     coordinate is at most 1), false for pixels
 */
public record Line(Point from, Point to, boolean fractions) {

    public Line {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** The line in pixels of a {@code width} × {@code height} frame. */
    public Line inPixels(int width, int height) {
        return new Line(from.scaled(fractions, width, height), to.scaled(fractions, width, height), false);
    }
}
