package dev.lookout.config;

import dev.lookout.capture.FrameSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a camera's counting lines, zones and motion masks. Coordinates are pixels, or fractions 0..1 of the
 * frame: a shape whose every coordinate is at most 1 is in fractions. Pixels must be inside the camera's
 * {@code size} when it has one.
 */
final class GeometryReader {

    private static final String LINE_EXAMPLE = "[x1, y1, x2, y2]";
    private static final String POLYGON_EXAMPLE = "[[x, y], [x, y], [x, y]]";

    private final Problems problems;
    private final Optional<FrameSize> size;

    GeometryReader(Problems problems, Optional<FrameSize> size) {
        this.problems = problems;
        this.size = size;
    }

    /** {@code lines: {name: [x1, y1, x2, y2]}}. */
    Map<String, Line> lines(MapReader camera) {
        Map<String, Line> lines = new LinkedHashMap<>();
        camera.value("lines").ifPresent(node -> named(node, camera.path("lines"), "line", (value, path) -> {
            List<YamlNode> numbers = coordinates(value, path, LINE_EXAMPLE, 4);
            double[] xy = numbers == null ? null : numbers(numbers, path);
            if (xy == null || !inFrame(xy, value, path)) {
                return null;
            }
            if (xy[0] == xy[2] && xy[1] == xy[3]) {
                problems.at(value, path + ": both ends of the line are the same point");
                return null;
            }
            return new Line(new Point(xy[0], xy[1]), new Point(xy[2], xy[3]), fractions(xy));
        }, lines));
        return lines;
    }

    /** {@code zones: {name: [[x, y], ...]}}. */
    Map<String, Polygon> zones(MapReader camera) {
        Map<String, Polygon> zones = new LinkedHashMap<>();
        camera.value("zones").ifPresent(node -> named(node, camera.path("zones"), "zone", this::polygon, zones));
        return zones;
    }

    /** {@code masks: [[[x, y], ...], ...]}. */
    List<Polygon> masks(MapReader motion) {
        return polygons(motion, "masks");
    }

    /** {@code key: [[[x, y], ...], ...]}: a list of polygons. */
    List<Polygon> polygons(MapReader map, String key) {
        return map.list(key, "[" + POLYGON_EXAMPLE + "]", this::polygon).orElse(List.of());
    }

    /** A polygon of at least 3 points, or null after reporting. */
    Polygon polygon(YamlNode node, String path) {
        if (!(node instanceof YamlNode.Sequence seq) || seq.items().size() < 3) {
            problems.at(node, path + ": expected a polygon of at least 3 points like " + POLYGON_EXAMPLE + ", found "
                    + (node instanceof YamlNode.Sequence s ? s.items().size() + " point(s)" : MapReader.found(node)));
            return null;
        }
        double[] xy = new double[seq.items().size() * 2];
        boolean ok = true;
        for (int i = 0; i < seq.items().size(); i++) {
            List<YamlNode> pair = coordinates(seq.items().get(i), path + "[" + i + "]", "[x, y]", 2);
            double[] p = pair == null ? null : numbers(pair, path + "[" + i + "]");
            if (p == null) {
                ok = false;
            } else {
                xy[2 * i] = p[0];
                xy[2 * i + 1] = p[1];
            }
        }
        if (!ok || !inFrame(xy, node, path)) {
            return null;
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            points.add(new Point(xy[i], xy[i + 1]));
        }
        return new Polygon(points, fractions(xy));
    }

    private <T> void named(YamlNode node, String path, String what, MapReader.ItemReader<T> reader,
            Map<String, T> out) {
        MapReader map = MapReader.of(node, path, problems);
        for (YamlNode.Entry entry : map.node().entries().values()) {
            String name = entry.key().name();
            map.value(name);
            if (NameLists.checkSafe(name, what, entry.key(), path, problems)) {
                T shape = reader.read(entry.value(), path + "." + name);
                if (shape != null) {
                    out.put(name, shape);
                }
            }
        }
    }

    private List<YamlNode> coordinates(YamlNode node, String path, String example, int count) {
        if (node instanceof YamlNode.Sequence seq && seq.items().size() == count) {
            return seq.items();
        }
        problems.at(node, path + ": expected " + count + " numbers like " + example + ", found "
                + (node instanceof YamlNode.Sequence s ? s.items().size() + " value(s)" : MapReader.found(node)));
        return null;
    }

    private double[] numbers(List<YamlNode> nodes, String path) {
        double[] out = new double[nodes.size()];
        boolean ok = true;
        for (int i = 0; i < out.length; i++) {
            Optional<Double> d = MapReader.number(nodes.get(i), path + "[" + i + "]", 0, 100_000, problems);
            ok &= d.isPresent();
            out[i] = d.orElse(0.0);
        }
        return ok ? out : null;
    }

    private static boolean fractions(double[] xy) {
        for (double v : xy) {
            if (v > 1) {
                return false;
            }
        }
        return true;
    }

    /** Pixel shapes: no fraction mixed in, and inside the frame when its size is known. */
    private boolean inFrame(double[] xy, YamlNode at, String path) {
        if (fractions(xy)) {
            return true;
        }
        for (double v : xy) {
            if (v > 0 && v < 1) {
                problems.at(at, path + ": mixes fractions (0..1) and pixels: write every coordinate as a fraction "
                        + "of the frame or every one in pixels");
                return false;
            }
        }
        if (size.isPresent()) {
            for (int i = 0; i < xy.length; i++) {
                int limit = i % 2 == 0 ? size.get().width() : size.get().height();
                if (xy[i] > limit) {
                    problems.at(at, path + ": " + (i % 2 == 0 ? "x " : "y ") + plain(xy[i]) + " is outside the "
                            + size.get() + " frame (size:)");
                    return false;
                }
            }
        }
        return true;
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
