package dev.lookout.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the keys of one YAML map with their expected types, reporting each wrong type or value at its place and,
 * in {@link #finish()}, each key that nobody asked for ("unknown key ... did you mean ...?"). A getter returns
 * empty both for an absent key (or {@code key:} with no value) and for a reported problem, so that reading goes on
 * and every problem is found.
 */
final class MapReader {

    private final YamlNode.Mapping map;
    private final String path;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();
    /** False for a value that is not a map (already reported): its "missing" keys are not reported again. */
    private final boolean isMap;

    private MapReader(YamlNode.Mapping map, String path, Problems problems, boolean isMap) {
        this.map = map;
        this.path = path;
        this.problems = problems;
        this.isMap = isMap;
    }

    /** A reader for {@code node}, which must be a map; otherwise the problem is reported and no key is found. */
    static MapReader of(YamlNode node, String path, Problems problems) {
        if (node instanceof YamlNode.Mapping m) {
            return new MapReader(m, path, problems, true);
        }
        problems.at(node, label(path) + "expected a map of keys (key: value lines), found " + found(node));
        return new MapReader(new YamlNode.Mapping(Map.of(), node.line(), node.column()), path, problems, false);
    }

    /** The dotted path of a key of this map, e.g. {@code cameras.gate.source}. */
    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Where problems go. */
    Problems problems() {
        return problems;
    }

    /** Where this map starts, for "missing key" problems. */
    YamlNode.Mapping node() {
        return map;
    }

    /** The value of {@code key}, empty when absent or null; marks the key as known. */
    Optional<YamlNode> value(String key) {
        known.add(key);
        YamlNode.Entry entry = map.entries().get(key);
        if (entry == null || isNothing(entry.value())) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** The value of a required key; reports "has no KEY: add KEY: (what)" at the map when it is absent. */
    Optional<YamlNode> required(String key, String what) {
        Optional<YamlNode> value = value(key);
        if (value.isEmpty() && isMap) {
            YamlNode.Entry entry = map.entries().get(key);
            if (entry != null) {
                problems.at(entry.value(), path(key) + ": has no value: expected " + what);
            } else {
                problems.at(map, label(path) + "missing '" + key + "': expected " + what);
            }
        }
        return value;
    }

    /** A scalar as text (a number or boolean as written); a list or map is reported. */
    Optional<YamlNode.Scalar> scalar(String key, String what) {
        return value(key).flatMap(v -> scalar(v, path(key), what, problems));
    }

    /** A scalar node as text, or the problem "expected WHAT, found a list". */
    static Optional<YamlNode.Scalar> scalar(YamlNode node, String path, String what, Problems problems) {
        if (node instanceof YamlNode.Scalar s && !isNothing(s)) {
            return Optional.of(s);
        }
        problems.at(node, label(path) + "expected " + what + ", found " + found(node));
        return Optional.empty();
    }

    /** A text value; numbers and booleans count as their text. */
    Optional<String> text(String key, String what) {
        return scalar(key, what).map(YamlNode.Scalar::text);
    }

    /** {@code true} or {@code false}. */
    Optional<Boolean> bool(String key) {
        return typed(key, "true or false", s -> s.type() == YamlNode.ScalarType.BOOLEAN
                ? Boolean.valueOf(s.text()) : null);
    }

    /** A number from {@code min} to {@code max} (inclusive). */
    Optional<Double> number(String key, double min, double max) {
        return value(key).flatMap(v -> number(v, path(key), min, max, problems));
    }

    /** A number node from {@code min} to {@code max}, or the problem. */
    static Optional<Double> number(YamlNode node, String path, double min, double max, Problems problems) {
        String range = "a number from " + plain(min) + " to " + plain(max);
        if (!(node instanceof YamlNode.Scalar s) || !isNumber(s)) {
            problems.at(node, label(path) + "expected " + range + ", found " + found(node));
            return Optional.empty();
        }
        double d = Double.parseDouble(s.text());
        if (!(d >= min && d <= max)) {
            problems.at(node, label(path) + "expected " + range + ", found " + s.text());
            return Optional.empty();
        }
        return Optional.of(d);
    }

    /** A duration ({@code 3s}); zero allowed only when {@code allowZero}. */
    Optional<Duration> duration(String key, boolean allowZero) {
        Optional<YamlNode.Scalar> s = scalar(key, DurationText.EXPECTED);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            Duration d = DurationText.parse(s.get().text());
            if (d.isZero() && !allowZero) {
                problems.at(s.get(), path(key) + ": must be longer than 0, found " + s.get().text());
                return Optional.empty();
            }
            return Optional.of(d);
        } catch (IllegalArgumentException e) {
            problems.at(s.get(), path(key) + ": " + e.getMessage() + ", found '" + s.get().text() + "'");
            return Optional.empty();
        }
    }

    /** A disk size ({@code 20GB}). */
    Optional<DataSize> size(String key) {
        Optional<YamlNode.Scalar> s = scalar(key, "a size like 500MB or 20GB");
        try {
            return s.map(v -> DataSize.parse(v.text()));
        } catch (IllegalArgumentException e) {
            problems.at(s.get(), path(key) + ": " + e.getMessage() + ", found '" + s.get().text() + "'");
            return Optional.empty();
        }
    }

    /** A list whose items are read by {@code item}; items it rejects (null) are left out. */
    <T> Optional<List<T>> list(String key, String example, ItemReader<T> item) {
        Optional<YamlNode> value = value(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof YamlNode.Sequence seq)) {
            problems.at(value.get(), path(key) + ": expected a list like " + example + ", found "
                    + found(value.get()));
            return Optional.empty();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            T t = item.read(seq.items().get(i), path(key) + "[" + i + "]");
            if (t != null) {
                out.add(t);
            }
        }
        return Optional.of(out);
    }

    /** Reads one list item at {@code path}; returns null after reporting a problem. */
    interface ItemReader<T> {
        T read(YamlNode node, String path);
    }

    /** Reports every key of the map that no getter asked for, with the closest known key when one is close. */
    void finish() {
        for (YamlNode.Entry entry : map.entries().values()) {
            String name = entry.key().name();
            if (known.contains(name)) {
                continue;
            }
            String hint = Suggestions.closest(name, known).map(k -> ": did you mean '" + k + "'?")
                    .orElse("; expected one of: " + String.join(", ", known));
            problems.at(entry.key(), label(path) + "unknown key '" + name + "'" + hint);
        }
    }

    private <T> Optional<T> typed(String key, String what, Function<YamlNode.Scalar, T> convert) {
        Optional<YamlNode> value = value(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        T t = value.get() instanceof YamlNode.Scalar s ? convert.apply(s) : null;
        if (t == null) {
            problems.at(value.get(), path(key) + ": expected " + what + ", found " + found(value.get()));
        }
        return Optional.ofNullable(t);
    }

    static boolean isNumber(YamlNode.Scalar s) {
        return (s.type() == YamlNode.ScalarType.INTEGER || s.type() == YamlNode.ScalarType.DECIMAL)
                && s.text().matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    }

    /** True for {@code key:} with no value, {@code ~}, {@code null} and {@code ""}: all mean "not set". */
    static boolean isNothing(YamlNode node) {
        return node instanceof YamlNode.Scalar s
                && (s.type() == YamlNode.ScalarType.NULL || s.type() == YamlNode.ScalarType.STRING && s.text().isEmpty());
    }

    /** What was found, for messages: a scalar's text quoted, else its kind. Never used for password fields. */
    static String found(YamlNode node) {
        if (isNothing(node)) {
            return "nothing";
        }
        if (node instanceof YamlNode.Scalar s) {
            return switch (s.type()) {
                case STRING -> "'" + s.text() + "'";
                default -> s.text();
            };
        }
        return node.describe();
    }

    static String label(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
