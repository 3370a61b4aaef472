package dev.lookout.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code cameras.<name>.filters:} ({@link ObjectFilters}): the limits, the masks and {@code classes:} with
 * each class's own limits. A class must be a model class the camera detects; a minimum above its maximum (in the
 * same units) is reported, since it would drop everything.
 */
final class FilterReader {

    /** The largest area or ratio accepted: beyond any real frame. */
    private static final double MAX_VALUE = 100_000_000;

    private final Problems problems;
    private final Collection<String> classNames;
    private final GeometryReader geometry;

    FilterReader(Problems problems, Collection<String> classNames, GeometryReader geometry) {
        this.problems = problems;
        this.classNames = classNames;
        this.geometry = geometry;
    }

    /** The filters of {@code node} at {@code path}; {@code detected} are the camera's classes (empty: all). */
    ObjectFilters read(YamlNode node, String path, List<String> detected) {
        MapReader f = MapReader.of(node, path, problems);
        ObjectFilters.Limits camera = limits(f);
        List<Polygon> masks = masks(f);
        Map<String, ObjectFilters.Limits> classes = new LinkedHashMap<>();
        f.value("classes").ifPresent(c -> {
            MapReader byClass = MapReader.of(c, f.path("classes"), problems);
            for (YamlNode.Entry entry : byClass.node().entries().values()) {
                String written = entry.key().name();
                byClass.value(written);
                String name = written.strip().toLowerCase(Locale.ROOT);
                String at = byClass.path(written);
                if (!classNames.contains(name)) {
                    problems.at(entry.key(), f.path("classes") + ": unknown COCO class '" + written + "'"
                            + Suggestions.closest(name, classNames).map(k -> ": did you mean '" + k + "'?")
                                    .orElse(""));
                } else if (!detected.isEmpty() && !detected.contains(name)) {
                    problems.at(entry.key(), at + ": '" + name + "' is never detected: classes: lists only "
                            + String.join(", ", detected) + " (add it there, or remove it here)");
                } else if (classes.containsKey(name)) {
                    problems.at(entry.key(), at + ": '" + name + "' is given twice");
                } else {
                    MapReader limits = MapReader.of(entry.value(), at, problems);
                    ObjectFilters.Limits own = limits(limits);
                    limits.finish();
                    if (!own.equals(ObjectFilters.Limits.NONE)) { // {} changes nothing: not kept
                        classes.put(name, own);
                    }
                }
            }
        });
        f.finish();
        return new ObjectFilters(camera, masks, classes);
    }

    private ObjectFilters.Limits limits(MapReader m) {
        Optional<Double> minArea = m.number("min_area", 0, MAX_VALUE);
        Optional<Double> maxArea = m.number("max_area", 0, MAX_VALUE);
        Optional<Double> minRatio = m.number("min_ratio", 0, MAX_VALUE);
        Optional<Double> maxRatio = m.number("max_ratio", 0, MAX_VALUE);
        Optional<Double> minScore = m.number("min_score", 0, 1);
        Optional<Double> threshold = m.number("threshold", 0, 1);
        if (minArea.isPresent() && maxArea.isPresent() && (minArea.get() > 1) == (maxArea.get() > 1)
                && minArea.get() > maxArea.get()) {
            problems.at(m.value("min_area").orElseThrow(), m.path("min_area") + ": " + plain(minArea.get())
                    + " is more than max_area " + plain(maxArea.get()) + ": no object would pass");
            minArea = Optional.empty();
        }
        if (minRatio.isPresent() && maxRatio.isPresent() && minRatio.get() > maxRatio.get()) {
            problems.at(m.value("min_ratio").orElseThrow(), m.path("min_ratio") + ": " + plain(minRatio.get())
                    + " is more than max_ratio " + plain(maxRatio.get()) + ": no object would pass");
            minRatio = Optional.empty();
        }
        return new ObjectFilters.Limits(minArea, maxArea, minRatio, maxRatio, minScore, threshold);
    }

    /** One polygon ({@code [[x, y], ...]}) or a list of them, as motion masks. */
    private List<Polygon> masks(MapReader f) {
        Optional<YamlNode> node = f.value("mask");
        if (node.isPresent() && node.get() instanceof YamlNode.Sequence seq && !seq.items().isEmpty()
                && seq.items().get(0) instanceof YamlNode.Sequence first && !first.items().isEmpty()
                && first.items().get(0) instanceof YamlNode.Scalar) {
            Polygon one = geometry.polygon(seq, f.path("mask"));
            return one == null ? List.of() : List.of(one);
        }
        return geometry.polygons(f, "mask");
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
