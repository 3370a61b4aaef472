package dev.lookout.config;

import dev.lookout.detect.Device;
import dev.lookout.detect.Precision;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Turns the text of a {@code lookout.yml} into a {@link LookoutConfig}, checking everything on the way and
 * collecting every problem before failing.
 */
final class ConfigReader {

    private static final String CAMERAS_EXPECTED = "a map of cameras by name, like: cameras: {gate: {source: 0}}";

    private final Problems problems;
    private final Collection<String> classNames;
    private final Path file;
    private final UnaryOperator<String> environment;

    private ConfigReader(Path file, Collection<String> classNames, UnaryOperator<String> environment) {
        this.problems = new Problems(file);
        this.classNames = classNames;
        this.file = file;
        this.environment = environment;
    }

    /**
     * Reads a configuration.
     *
     * @param text the YAML text
     * @param file the file it came from, as shown in messages; relative sources are resolved against its folder
     * @param classNames the class names the model knows (COCO's 80)
     * @throws ConfigException with every problem found
     */
    static LookoutConfig read(String text, Path file, Collection<String> classNames) throws ConfigException {
        return read(text, file, classNames, System::getenv);
    }

    /** As {@link #read(String, Path, Collection)}, with {@code ${VAR}} references read from {@code environment}. */
    static LookoutConfig read(String text, Path file, Collection<String> classNames,
            UnaryOperator<String> environment) throws ConfigException {
        return new ConfigReader(file, classNames, environment).read(text);
    }

    private LookoutConfig read(String text) throws ConfigException {
        YamlNode root = new YamlTreeReader(problems).read(text);
        if (root == null) {
            if (problems.isEmpty()) {
                problems.at(1, 1, "the file is empty: it needs at least 'cameras:' with one camera and its source");
            }
            throw new ConfigException(problems.sorted());
        }
        if (!(root instanceof YamlNode.Mapping)) {
            problems.at(root, "expected a map of keys like 'cameras:' at the top of the file, found "
                    + MapReader.found(root));
            throw new ConfigException(problems.sorted());
        }
        MapReader r = MapReader.of(root, "", problems);
        Path storage = storage(r);
        Device device = EnumValues.read(r, "device", Device.class).orElse(Device.AUTO);
        Precision precision = EnumValues.read(r, "precision", Precision.class).orElse(Precision.FP32);
        Retention retention = r.value("retention").map(this::retention).orElse(Retention.DEFAULTS);
        Map<String, CameraConfig> cameras = cameras(r);
        ServiceReader services = new ServiceReader(problems, new SecretReader(problems, file, environment));
        Optional<MqttConfig> mqtt = r.value("mqtt").flatMap(services::mqtt);
        Optional<HttpConfig> http = r.value("http").map(services::http);
        // webhooks may name any camera written in the file, even one with problems of its own
        List<String> cameraNames = r.value("cameras").filter(YamlNode.Mapping.class::isInstance)
                .map(m -> List.copyOf(((YamlNode.Mapping) m).entries().keySet())).orElse(List.of());
        List<WebhookConfig> webhooks = services.webhooks(r, cameraNames, classNames);
        r.finish();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.sorted());
        }
        return new LookoutConfig(storage, device, precision, retention, mqtt, http, webhooks, cameras);
    }

    private Path storage(MapReader r) {
        Optional<YamlNode.Scalar> s = r.scalar("storage", "a folder name");
        if (s.isEmpty()) {
            return Path.of(LookoutConfig.DEFAULT_STORAGE);
        }
        try {
            if (s.get().text().isBlank()) {
                throw new InvalidPathException(s.get().text(), "blank");
            }
            return Path.of(s.get().text().strip());
        } catch (InvalidPathException e) {
            problems.at(s.get(), "storage: expected a folder name (relative to this file's folder, or absolute), "
                    + "found " + MapReader.found(s.get()));
            return Path.of(LookoutConfig.DEFAULT_STORAGE);
        }
    }

    private Retention retention(YamlNode node) {
        MapReader m = MapReader.of(node, "retention", problems);
        Retention d = Retention.DEFAULTS;
        Retention retention = new Retention(m.size("max_size").or(d::maxSize), m.size("min_free").orElse(d.minFree()),
                m.duration("clips", false).orElse(d.clips()), m.duration("snapshots", false).orElse(d.snapshots()),
                m.duration("continuous", false).orElse(d.continuous()));
        m.finish();
        return retention;
    }

    private Map<String, CameraConfig> cameras(MapReader r) {
        Map<String, CameraConfig> cameras = new LinkedHashMap<>();
        Optional<YamlNode> node = r.required("cameras", CAMERAS_EXPECTED);
        if (node.isEmpty()) {
            return cameras;
        }
        MapReader c = MapReader.of(node.get(), "cameras", problems);
        if (node.get() instanceof YamlNode.Mapping m && m.entries().isEmpty()) {
            problems.at(m, "cameras: has no camera: expected " + CAMERAS_EXPECTED);
        }
        CameraReader reader = new CameraReader(problems, classNames, file);
        Map<String, YamlNode.Key> byFoldedName = new HashMap<>();
        for (YamlNode.Entry entry : c.node().entries().values()) {
            String name = entry.key().name();
            c.value(name);
            if (!NameLists.checkSafe(name, "camera", entry.key(), "cameras", problems)) {
                continue;
            }
            YamlNode.Key same = byFoldedName.putIfAbsent(CameraReader.folded(name), entry.key());
            if (same != null) {
                problems.at(entry.key(), "cameras: camera names '" + same.name() + "' (line " + same.line() + ") and '"
                        + name + "' differ only in case: their files would mix on some systems");
                continue;
            }
            CameraConfig camera = reader.read(name, entry.value(), "cameras." + name);
            if (camera != null) {
                cameras.put(name, camera);
            }
        }
        return cameras;
    }
}
