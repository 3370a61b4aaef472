package dev.lookout.config;

import java.util.List;

/**
 * A zone or motion mask: a closed polygon of at least three points.
 *
 * @param fractions true when the coordinates are fractions 0..1 of the frame (written so in the file when every
 *     coordinate is at most 1), false for pixels
 */
public record Polygon(List<Point> points, boolean fractions) {

    public Polygon {
        points = List.copyOf(points);
        if (points.size() < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 points, not " + points.size());
        }
    }

    /** The polygon in pixels of a {@code width} × {@code height} frame. */
    public Polygon inPixels(int width, int height) {
        return new Polygon(points.stream().map(p -> p.scaled(fractions, width, height)).toList(), false);
    }
}
