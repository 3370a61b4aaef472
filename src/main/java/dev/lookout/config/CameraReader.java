package dev.lookout.config;

import dev.lookout.capture.FrameSize;
import dev.lookout.track.events.EventGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads and checks one camera of {@code cameras:} (see {@link CameraConfig} for the keys' meaning). */
final class CameraReader {

    /** The longest pre-roll: the frames before an event are held in memory. */
    static final Duration MAX_PRE_ROLL = Duration.ofSeconds(60);
    private static final String SOURCE = "a camera index (0), a video file, a folder or a stream URL "
            + "(rtsp://, http://, ...)";

    private final Problems problems;
    private final Collection<String> classNames;
    private final Path configFile;

    CameraReader(Problems problems, Collection<String> classNames, Path configFile) {
        this.problems = problems;
        this.classNames = classNames;
        this.configFile = configFile;
    }

    /** The camera, or null when its source is missing or bad (every other problem is reported too). */
    CameraConfig read(String name, YamlNode node, String path) {
        MapReader c = MapReader.of(node, path, problems);
        CameraConfig d = CameraConfig.of(name, "0");
        String source = source(c);
        boolean loop = c.bool("loop").orElse(d.loop());
        Optional<FrameSize> size = size(c);
        Optional<Double> detectFps = c.number("detect_fps", 0.01, 1000);
        List<String> classes = NameLists.classes(c, "classes", classNames, problems);
        double minScore = c.number("min_score", 0, 1).orElse(d.minScore());
        List<String> watch = NameLists.classes(c, "watch", classNames, problems);
        if (!classes.isEmpty()) {
            notDetected(c, watch, classes);
        }
        GeometryReader geometry = new GeometryReader(problems, size);
        Map<String, Polygon> zones = geometry.zones(c);
        Map<String, Line> lines = geometry.lines(c);
        List<String> requiredZones = NameLists.read(c, "required_zones", "zone", zones.keySet(), problems);
        Duration preRoll = c.duration("pre_roll", true).orElse(d.preRoll());
        if (preRoll.compareTo(MAX_PRE_ROLL) > 0) {
            problems.at(c.value("pre_roll").orElseThrow(), c.path("pre_roll") + ": at most "
                    + DurationText.format(MAX_PRE_ROLL) + " (the frames before an event are kept in memory), found "
                    + DurationText.format(preRoll));
            preRoll = MAX_PRE_ROLL;
        }
        Duration postRoll = c.duration("post_roll", true).orElse(d.postRoll());
        boolean snapshots = c.bool("snapshots").orElse(d.snapshots());
        RecordMode record = EnumValues.read(c, "record", RecordMode.class).orElse(d.record());
        MotionConfig motion = c.value("motion").map(m -> motion(m, c.path("motion"), geometry)).orElse(d.motion());
        CameraRetention retention = c.value("retention").map(r -> retention(r, c.path("retention")))
                .orElse(d.retention());
        EventGate events = c.value("events").map(e -> events(e, c.path("events"))).orElse(d.events());
        ObjectFilters filters = c.value("filters").map(f -> new FilterReader(problems, classNames, geometry)
                .read(f, c.path("filters"), classes)).orElse(d.filters());
        events = threshold(c, events, filters);
        if (source != null) {
            checkSourceOptions(c, source, loop, size);
        }
        c.finish();
        return source == null ? null : new CameraConfig(name, source, loop, size, detectFps, classes, minScore, watch,
                requiredZones, preRoll, postRoll, snapshots, record, motion, lines, zones, retention, events,
                filters);
    }

    /** A watched class that {@code classes:} leaves out would never make an event. */
    private void notDetected(MapReader c, List<String> watch, List<String> classes) {
        if (!(c.value("watch").orElse(null) instanceof YamlNode.Sequence items)) {
            return; // no watch list (or not a list, reported where it is read)
        }
        for (int i = 0; i < items.items().size(); i++) {
            YamlNode item = items.items().get(i);
            String name = item instanceof YamlNode.Scalar s ? s.text().strip().toLowerCase(Locale.ROOT) : "";
            if (watch.contains(name) && !classes.contains(name)) {
                problems.at(item, c.path("watch") + "[" + i + "]: '" + name + "' is never detected: classes: "
                        + "lists only " + String.join(", ", classes) + " (add it there, or remove it here)");
            }
        }
    }

    private String source(MapReader c) {
        Optional<YamlNode> node = c.required("source", SOURCE);
        if (node.isEmpty()) {
            return null;
        }
        Optional<YamlNode.Scalar> s = MapReader.scalar(node.get(), c.path("source"), SOURCE, problems);
        if (s.isEmpty() || s.get().text().isBlank()) {
            s.ifPresent(v -> problems.at(v, c.path("source") + ": is empty: expected " + SOURCE));
            return null;
        }
        String spec = s.get().text().strip();
        if (SourceSpecs.isCamera(spec)) {
            return spec;
        }
        if (SourceSpecs.isUrl(spec)) {
            return SourceSpecs.checkUrl(spec, SourceSpecs.STREAM_SCHEMES, "a stream URL (rtsp://, rtsps://, "
                    + "http://, https://, rtmp://, udp://, tcp:// or srt://)", s.get(), c.path("source"), problems)
                    == null ? null : spec;
        }
        Path file;
        try {
            file = SourceSpecs.resolve(spec, configFile);
        } catch (IllegalArgumentException e) { // InvalidPathException, or a bad file: URL
            problems.at(s.get(), c.path("source") + ": not a valid file name: expected " + SOURCE);
            return null;
        }
        if (!Files.exists(file)) {
            problems.at(s.get(), c.path("source") + ": no such file or folder: " + file
                    + " (relative paths start at the configuration file's folder)");
            return null;
        }
        return spec;
    }

    private Optional<FrameSize> size(MapReader c) {
        Optional<YamlNode.Scalar> s = c.scalar("size", "a size like 640x480");
        try {
            return s.map(v -> FrameSize.parse(v.text()));
        } catch (IllegalArgumentException e) {
            problems.at(s.get(), c.path("size") + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code loop} is for files, {@code size} for cameras: said rather than silently ignored. */
    private void checkSourceOptions(MapReader c, String source, boolean loop, Optional<FrameSize> size) {
        if (loop && !SourceSpecs.isFile(source)) {
            problems.at(c.value("loop").orElseThrow(), c.path("loop") + ": applies to a video file or folder only, "
                    + "not to a " + (SourceSpecs.isCamera(source) ? "camera" : "stream") + ": remove it");
        }
        if (size.isPresent() && !SourceSpecs.isCamera(source)) {
            problems.at(c.value("size").orElseThrow(), c.path("size") + ": applies to a camera (a camera index) "
                    + "only; a file or stream has its own size: remove it");
        }
    }

    private MotionConfig motion(YamlNode node, String path, GeometryReader geometry) {
        MapReader m = MapReader.of(node, path, problems);
        MotionConfig d = MotionConfig.DEFAULTS;
        boolean enabled = m.bool("enabled").orElse(d.enabled());
        int threshold = wholeNumber(m, "threshold", 1, 255).orElse(d.threshold());
        double minArea = m.number("min_area", 0, 1).orElse(d.minArea());
        List<Polygon> masks = geometry.masks(m);
        m.finish();
        return new MotionConfig(enabled, threshold, minArea, masks);
    }

    /** {@code events:}: when a tracked object becomes an event; unset keys keep their defaults. */
    private EventGate events(YamlNode node, String path) {
        MapReader e = MapReader.of(node, path, problems);
        EventGate d = EventGate.DEFAULTS;
        double minAge = e.duration("min_age", true).map(t -> t.toMillis() / 1000.0).orElse(d.minSeconds());
        int minDetections = wholeNumber(e, "min_detections", 1, 1000).orElse(d.minDetections());
        double threshold = e.number("threshold", 0, 1).orElse(d.threshold());
        e.finish();
        return new EventGate(minAge, Math.max(1, minDetections), threshold);
    }

    /**
     * {@code filters.threshold} is {@code events.threshold} under Frigate's name: it becomes the gate's threshold,
     * and writing both is reported (two values for one setting).
     */
    private EventGate threshold(MapReader c, EventGate events, ObjectFilters filters) {
        if (filters.camera().threshold().isEmpty()) {
            return events;
        }
        Optional<YamlNode> written = c.value("events").filter(YamlNode.Mapping.class::isInstance)
                .map(e -> ((YamlNode.Mapping) e).entries().get("threshold")).map(YamlNode.Entry::value)
                .filter(v -> !MapReader.isNothing(v));
        if (written.isPresent()) {
            YamlNode at = ((YamlNode.Mapping) c.value("filters").orElseThrow()).entries().get("threshold").value();
            problems.at(at, c.path("filters.threshold") + ": is events.threshold under another name, and "
                    + "events.threshold is given too: keep one");
            return events;
        }
        return new EventGate(events.minSeconds(), events.minDetections(), filters.camera().threshold().get());
    }

    /** A whole number from {@code min} to {@code max}; a fraction is reported (and rounded). */
    private Optional<Integer> wholeNumber(MapReader m, String key, int min, int max) {
        return m.number(key, min, max).map(n -> {
            if (n != Math.rint(n)) {
                problems.at(m.value(key).orElseThrow(), m.path(key) + ": expected a whole number from " + min
                        + " to " + max + ", found " + n);
            }
            return (int) Math.round(n);
        });
    }

    private CameraRetention retention(YamlNode node, String path) {
        MapReader r = MapReader.of(node, path, problems);
        CameraRetention own = new CameraRetention(r.duration("clips", false), r.duration("snapshots", false),
                r.duration("continuous", false));
        for (String global : List.of("max_size", "min_free")) {
            r.value(global).ifPresent(v -> problems.at(v, r.path(global) + ": is a limit of the whole storage "
                    + "folder: set it under the top-level retention:"));
        }
        r.finish();
        return own;
    }

    /** The lowercase spelling of a camera name, for finding names that differ only in case. */
    static String folded(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
