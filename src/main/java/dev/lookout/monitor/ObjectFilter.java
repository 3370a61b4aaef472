package dev.lookout.monitor;

import dev.lookout.config.ObjectFilters;
import dev.lookout.config.Point;
import dev.lookout.config.Polygon;
import dev.lookout.detect.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drops the detections a camera's {@code filters:} rule out before they reach its tracker: boxes too small or too
 * large (a fraction of the frame, or pixels when the limit is more than 1), too narrow or too wide (width /
 * height), scoring too low, or standing in a mask (the box's bottom centre, where the object touches the ground,
 * inside one of its polygons). Each class uses its own limits where set, the camera's elsewhere. Pure: the same
 * detections and frame size give the same answer.
 */
final class ObjectFilter {

    private final ObjectFilters filters;

    ObjectFilter(ObjectFilters filters) {
        this.filters = filters;
    }

    /** The detections of a {@code width} × {@code height} frame that pass, in their order. */
    List<Detection> apply(List<Detection> detections, int width, int height) {
        if (filters.equals(ObjectFilters.NONE)) {
            return detections;
        }
        List<Polygon> masks = filters.masks().stream().map(m -> m.inPixels(width, height)).toList();
        List<Detection> out = new ArrayList<>(detections.size());
        for (Detection d : detections) {
            if (passes(d, filters.forClass(d.className()), width, height) && !masked(d, masks)) {
                out.add(d);
            }
        }
        return out;
    }

    private static boolean passes(Detection d, ObjectFilters.Limits l, int width, int height) {
        double frame = (double) width * height;
        double ratio = d.height() > 0 ? d.width() / d.height() : Double.POSITIVE_INFINITY;
        return atLeast(d.area(), area(l.minArea(), frame)) && atMost(d.area(), area(l.maxArea(), frame))
                && atLeast(ratio, l.minRatio()) && atMost(ratio, l.maxRatio()) && atLeast(d.score(), l.minScore());
    }

    /** An area limit in pixels: a value up to 1 is a fraction of the frame. */
    private static Optional<Double> area(Optional<Double> limit, double frame) {
        return limit.map(v -> v <= 1 ? v * frame : v);
    }

    private static boolean atLeast(double value, Optional<Double> min) {
        return min.isEmpty() || value >= min.get();
    }

    private static boolean atMost(double value, Optional<Double> max) {
        return max.isEmpty() || value <= max.get();
    }

    /** True when the box's bottom centre lies inside one of the masks (in pixels). */
    private static boolean masked(Detection d, List<Polygon> masks) {
        double x = d.x() + d.width() / 2;
        double y = d.bottom();
        for (Polygon mask : masks) {
            if (contains(mask.points(), x, y)) {
                return true;
            }
        }
        return false;
    }

    /** Even-odd rule, as zones use. */
    static boolean contains(List<Point> points, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = points.size() - 1; i < points.size(); j = i++) {
            Point a = points.get(i);
            Point b = points.get(j);
            if ((a.y() > y) != (b.y() > y) && x < (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
        }
        return inside;
    }
}
