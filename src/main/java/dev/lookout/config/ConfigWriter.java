package dev.lookout.config;

import dev.lookout.track.events.EventGate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link LookoutConfig} as YAML that {@link ConfigReader} reads back to an equal record. Settings at
 * their default are left out, so a saved file stays as short as a hand-written one. Comments are not kept.
 */
final class ConfigWriter {

    private ConfigWriter() {
    }

    /** The YAML text of {@code config}, inline passwords included (it is the file that holds them). */
    static String write(LookoutConfig config) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("storage", config.storage().toString());
        root.put("device", EnumValues.name(config.device()));
        root.put("precision", EnumValues.name(config.precision()));
        Map<String, Object> retention = new LinkedHashMap<>();
        Retention r = config.retention();
        Retention d = Retention.DEFAULTS;
        r.maxSize().ifPresent(s -> retention.put("max_size", s.toString()));
        putIfNot(retention, "min_free", r.minFree(), d.minFree());
        putIfNot(retention, "clips", r.clips(), d.clips());
        putIfNot(retention, "snapshots", r.snapshots(), d.snapshots());
        putIfNot(retention, "continuous", r.continuous(), d.continuous());
        putIfNotEmpty(root, "retention", retention);
        config.mqtt().ifPresent(m -> root.put("mqtt", mqtt(m)));
        config.http().ifPresent(h -> {
            Map<String, Object> http = new LinkedHashMap<>();
            http.put("bind", h.bind());
            h.password().ifPresent(p -> password(http, p));
            if (!h.allowedHosts().isEmpty()) {
                http.put("allowed_hosts", h.allowedHosts());
            }
            root.put("http", http);
        });
        if (!config.webhooks().isEmpty()) {
            root.put("webhooks", config.webhooks().stream().map(ConfigWriter::webhook).toList());
        }
        Map<String, Object> cameras = new LinkedHashMap<>();
        config.cameras().values().forEach(c -> cameras.put(c.name(), camera(c)));
        root.put("cameras", cameras);
        return YamlEmitter.write(root);
    }

    private static Map<String, Object> mqtt(MqttConfig m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", m.url().toString());
        out.put("node", m.node());
        putIfNot(out, "prefix", m.prefix(), MqttConfig.DEFAULT_NAME);
        m.username().ifPresent(u -> out.put("username", u));
        m.password().ifPresent(p -> password(out, p));
        out.put("protocol", m.protocol().number());
        putIfNot(out, "home_assistant", m.homeAssistant(), false);
        return out;
    }

    /** A password as the file gave it: a {@code password_file:} or {@code ${VAR}} stays that, never its secret. */
    private static void password(Map<String, Object> out, Secret p) {
        p.file().ifPresentOrElse(f -> out.put("password_file", f), () -> out.put("password", p.written()));
    }

    private static Map<String, Object> webhook(WebhookConfig w) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", w.url().toString());
        putIfNotEmpty(out, "cameras", w.cameras());
        putIfNotEmpty(out, "classes", w.classes());
        putIfNot(out, "cooldown", w.cooldown(), WebhookConfig.DEFAULT_COOLDOWN);
        putIfNot(out, "format", EnumValues.name(w.format()), EnumValues.name(WebhookFormat.JSON));
        w.username().ifPresent(u -> out.put("username", u));
        w.password().ifPresent(p -> password(out, p));
        w.token().ifPresent(t -> t.file().ifPresentOrElse(f -> out.put("token_file", f),
                () -> out.put("token", t.written())));
        return out;
    }

    private static Map<String, Object> camera(CameraConfig c) {
        CameraConfig d = CameraConfig.of(c.name(), c.source());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", SourceSpecs.isCamera(c.source()) && c.source().matches("\\d+")
                ? (Object) Long.valueOf(c.source()) : c.source()); // a camera index reads best as a number
        putIfNot(out, "loop", c.loop(), d.loop());
        c.size().ifPresent(s -> out.put("size", s.toString()));
        c.detectFps().ifPresent(f -> out.put("detect_fps", number(f)));
        putIfNotEmpty(out, "classes", c.classes());
        putIfNot(out, "min_score", number(c.minScore()), number(d.minScore()));
        putIfNotEmpty(out, "watch", c.watch());
        putIfNotEmpty(out, "required_zones", c.requiredZones());
        putIfNot(out, "pre_roll", c.preRoll(), d.preRoll());
        putIfNot(out, "post_roll", c.postRoll(), d.postRoll());
        putIfNot(out, "snapshots", c.snapshots(), d.snapshots());
        putIfNot(out, "record", EnumValues.name(c.record()), EnumValues.name(d.record()));
        if (!c.motion().equals(d.motion())) {
            Map<String, Object> motion = new LinkedHashMap<>();
            MotionConfig m = c.motion();
            putIfNot(motion, "enabled", m.enabled(), MotionConfig.DEFAULTS.enabled());
            putIfNot(motion, "threshold", m.threshold(), MotionConfig.DEFAULTS.threshold());
            putIfNot(motion, "min_area", number(m.minArea()), number(MotionConfig.DEFAULTS.minArea()));
            putIfNotEmpty(motion, "masks", m.masks().stream().map(ConfigWriter::points).toList());
            out.put("motion", motion);
        }
        if (!c.events().equals(d.events())) {
            Map<String, Object> events = new LinkedHashMap<>();
            EventGate g = c.events();
            EventGate dg = d.events();
            putIfNot(events, "min_age", java.time.Duration.ofMillis(Math.round(g.minSeconds() * 1000)),
                    java.time.Duration.ofMillis(Math.round(dg.minSeconds() * 1000)));
            putIfNot(events, "min_detections", g.minDetections(), dg.minDetections());
            if (c.filters().camera().threshold().isEmpty()) { // else written as filters.threshold
                putIfNot(events, "threshold", number(g.threshold()), number(dg.threshold()));
            }
            putIfNotEmpty(out, "events", events);
        }
        if (!c.filters().equals(ObjectFilters.NONE)) {
            out.put("filters", filters(c.filters()));
        }
        Map<String, Object> lines = new LinkedHashMap<>();
        c.lines().forEach((name, l) -> lines.put(name, List.of(number(l.from().x()), number(l.from().y()),
                number(l.to().x()), number(l.to().y()))));
        putIfNotEmpty(out, "lines", lines);
        Map<String, Object> zones = new LinkedHashMap<>();
        c.zones().forEach((name, z) -> zones.put(name, points(z)));
        putIfNotEmpty(out, "zones", zones);
        Map<String, Object> retention = new LinkedHashMap<>();
        c.retention().clips().ifPresent(t -> retention.put("clips", DurationText.format(t)));
        c.retention().snapshots().ifPresent(t -> retention.put("snapshots", DurationText.format(t)));
        c.retention().continuous().ifPresent(t -> retention.put("continuous", DurationText.format(t)));
        putIfNotEmpty(out, "retention", retention);
        return out;
    }

    private static Map<String, Object> filters(ObjectFilters f) {
        Map<String, Object> out = limits(f.camera());
        if (f.masks().size() == 1) {
            out.put("mask", points(f.masks().get(0))); // one polygon reads best as written: [[x, y], ...]
        } else {
            putIfNotEmpty(out, "mask", f.masks().stream().map(ConfigWriter::points).toList());
        }
        Map<String, Object> classes = new LinkedHashMap<>();
        f.classes().forEach((name, limits) -> classes.put(name, limits(limits)));
        putIfNotEmpty(out, "classes", classes);
        return out;
    }

    private static Map<String, Object> limits(ObjectFilters.Limits l) {
        Map<String, Object> out = new LinkedHashMap<>();
        l.minArea().ifPresent(v -> out.put("min_area", number(v)));
        l.maxArea().ifPresent(v -> out.put("max_area", number(v)));
        l.minRatio().ifPresent(v -> out.put("min_ratio", number(v)));
        l.maxRatio().ifPresent(v -> out.put("max_ratio", number(v)));
        l.minScore().ifPresent(v -> out.put("min_score", number(v)));
        l.threshold().ifPresent(v -> out.put("threshold", number(v)));
        return out;
    }

    private static List<List<Number>> points(Polygon polygon) {
        List<List<Number>> out = new ArrayList<>();
        polygon.points().forEach(p -> out.add(List.of(number(p.x()), number(p.y()))));
        return out;
    }

    /** A whole number without ".0", so pixels read back as written. */
    private static Number number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Number) (long) d : (Number) d;
    }

    private static void putIfNot(Map<String, Object> out, String key, Object value, Object defaultValue) {
        if (!value.equals(defaultValue)) {
            out.put(key, value instanceof java.time.Duration t ? DurationText.format(t)
                    : value instanceof DataSize s ? s.toString() : value);
        }
    }

    private static void putIfNotEmpty(Map<String, Object> out, String key, Object value) {
        boolean empty = value instanceof Map<?, ?> m ? m.isEmpty() : ((List<?>) value).isEmpty();
        if (!empty) {
            out.put(key, value);
        }
    }
}
