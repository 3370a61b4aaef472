package dev.lookout.ui.wall;

import dev.lookout.config.CameraConfig;
import dev.lookout.config.HttpConfig;
import dev.lookout.config.MqttConfig;
import dev.lookout.config.ConfigException;
import dev.lookout.config.ConfigFile;
import dev.lookout.config.LookoutConfig;
import dev.lookout.config.WebhookConfig;
import dev.lookout.monitor.CameraRegions;
import dev.lookout.track.zones.Regions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration the camera wall runs, as the user edits it with the mouse: cameras added, removed, given
 * another source, other watched classes or other counting lines and zones. Every edit is written to YAML and read back by {@link ConfigFile}, so
 * an edit is accepted only if the same file would pass {@code check-config}, and what {@link #save} writes is what
 * {@code monitor --config} runs. Immutable steps: each edit returns the checked configuration and keeps it.
 * Not thread-safe (the event thread owns it).
 */
final class WallSetup {

    private final Collection<String> classNames;
    private Path file;
    private LookoutConfig config;
    private boolean changed;

    /**
     * @param file where the configuration is saved; relative sources are relative to its folder
     * @param classNames the model's classes, which {@code classes:} and {@code watch:} must name
     */
    WallSetup(Path file, LookoutConfig config, Collection<String> classNames) {
        this.file = file.toAbsolutePath();
        this.config = Objects.requireNonNull(config);
        this.classNames = List.copyOf(classNames);
    }

    Path file() {
        return file;
    }

    LookoutConfig config() {
        return config;
    }

    /** True when there are edits not yet saved. */
    boolean changed() {
        return changed;
    }

    /**
     * Adds a camera at the end.
     *
     * @throws ConfigException naming what is wrong (a taken or bad name, a bad source, an unknown class)
     */
    LookoutConfig add(String name, String source, boolean loop, List<String> watch) throws ConfigException {
        Map<String, CameraConfig> cameras = new LinkedHashMap<>(config.cameras());
        if (cameras.containsKey(name)) {
            throw problem("there is already a camera named '" + name + "': choose another name");
        }
        cameras.put(name, edited(CameraConfig.of(name, source), source, loop, watch));
        return accept(cameras);
    }

    /** Gives camera {@code name} another source, loop and watched classes; its other settings stay. */
    LookoutConfig edit(String name, String source, boolean loop, List<String> watch) throws ConfigException {
        CameraConfig old = camera(name);
        Map<String, CameraConfig> cameras = new LinkedHashMap<>(config.cameras());
        cameras.put(name, edited(old, source, loop, watch));
        return accept(cameras);
    }

    /** Watches {@code classes} on camera {@code name} (empty: stop making events there). */
    LookoutConfig watch(String name, List<String> classes) throws ConfigException {
        CameraConfig old = camera(name);
        return edit(name, old.source(), old.loop(), classes);
    }

    /**
     * Gives camera {@code name} these counting lines and zones (drawn on its tile); its other settings stay.
     *
     * @throws ConfigException when the file would be refused (e.g. a zone in its {@code required_zones} is gone)
     */
    LookoutConfig regions(String name, Regions regions) throws ConfigException {
        CameraConfig c = camera(name);
        Map<String, CameraConfig> cameras = new LinkedHashMap<>(config.cameras());
        cameras.put(name, c.withRegions(CameraRegions.lines(regions), CameraRegions.zones(regions)));
        return accept(cameras);
    }

    /** Removes camera {@code name}; the last camera cannot be removed (a configuration needs one). */
    LookoutConfig remove(String name) throws ConfigException {
        camera(name);
        if (config.cameras().size() == 1) {
            throw problem("'" + name + "' is the only camera: add another before removing it");
        }
        Map<String, CameraConfig> cameras = new LinkedHashMap<>(config.cameras());
        cameras.remove(name);
        return accept(cameras);
    }

    /** Writes the configuration to its file (atomically; readable by its owner only). */
    void save() throws IOException {
        ConfigFile.save(config, file);
        changed = false;
    }

    /**
     * Writes the configuration to {@code target}, which becomes its file. Relative sources are rewritten as
     * absolute paths when the folder changes, so they still name the same files; so are relative
     * {@code password_file:}s.
     */
    void saveAs(Path target) throws IOException, ConfigException {
        Path absolute = target.toAbsolutePath();
        if (!Objects.equals(absolute.getParent(), file.getParent())) {
            Map<String, CameraConfig> cameras = new LinkedHashMap<>();
            config.cameras().forEach((name, c) -> cameras.put(name,
                    edited(c, c.sourceIn(file), c.loop(), c.watch())));
            config = new LookoutConfig(config.storage(), config.device(), config.precision(), config.retention(),
                    config.mqtt().map(m -> new MqttConfig(m.url(), m.node(), m.prefix(), m.username(),
                            m.password().map(p -> p.withFileFrom(file)), m.protocol(), m.homeAssistant())),
                    config.http().map(h -> new HttpConfig(h.host(), h.port(),
                            h.password().map(p -> p.withFileFrom(file)), h.allowedHosts())),
                    config.webhooks().stream().map(w -> new WebhookConfig(w.url(), w.cameras(), w.classes(),
                            w.cooldown(), w.format(), w.username(), w.password().map(p -> p.withFileFrom(file)),
                            w.token().map(t -> t.withFileFrom(file)))).toList(),
                    config.cameras());
            config = check(cameras, absolute);
        }
        file = absolute;
        save();
    }

    private CameraConfig camera(String name) throws ConfigException {
        CameraConfig c = config.cameras().get(name);
        if (c == null) {
            throw problem("there is no camera named '" + name + "'");
        }
        return c;
    }

    private LookoutConfig accept(Map<String, CameraConfig> cameras) throws ConfigException {
        config = check(cameras, file);
        changed = true;
        return config;
    }

    /** The configuration with {@code cameras}, as {@code check-config} reads it back from its YAML. */
    private LookoutConfig check(Map<String, CameraConfig> cameras, Path at) throws ConfigException {
        LookoutConfig candidate = new LookoutConfig(config.storage(), config.device(), config.precision(),
                config.retention(), config.mqtt(), config.http(), config.webhooks(), cameras);
        return ConfigFile.parse(ConfigFile.toYaml(candidate), at, classNames);
    }

    /** {@code c} with another source, loop and watched classes; its other settings kept. */
    static CameraConfig edited(CameraConfig c, String source, boolean loop, List<String> watch) {
        return c.withSource(source.trim(), loop, watch);
    }

    private ConfigException problem(String message) {
        return new ConfigException(List.of(new dev.lookout.config.ConfigProblem(file, 0, 0, message)));
    }
}
