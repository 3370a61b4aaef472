package dev.lookout.config;

import dev.lookout.detect.Device;
import dev.lookout.detect.Precision;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole {@code lookout.yml}: cameras by name and the settings they share. Immutable; read and written by
 * {@link ConfigFile}, where every value is checked (this record only refuses nulls). Its {@code toString()} never
 * shows a password.
 *
 * @param storage the folder of the event store, clips and snapshots, as written (relative to the file's folder,
 *     see {@link #storageIn})
 * @param device where the detector runs
 * @param precision the detector's number format
 * @param retention what is kept and for how long
 * @param mqtt the broker to publish to, if any
 * @param http the web page and API settings, if any
 * @param webhooks endpoints that receive events
 * @param cameras the cameras by name, in file order (at least one)
 */
public record LookoutConfig(Path storage, Device device, Precision precision, Retention retention,
        Optional<MqttConfig> mqtt, Optional<HttpConfig> http, List<WebhookConfig> webhooks,
        Map<String, CameraConfig> cameras) {

    /** The storage folder when the file names none. */
    public static final String DEFAULT_STORAGE = "lookout-data";

    public LookoutConfig {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(http, "http");
        webhooks = List.copyOf(webhooks);
        cameras = Collections.unmodifiableMap(new LinkedHashMap<>(cameras));
    }

    /** A configuration of these cameras with every other setting at its default. */
    public static LookoutConfig of(List<CameraConfig> cameras) {
        Map<String, CameraConfig> byName = new LinkedHashMap<>();
        cameras.forEach(c -> byName.put(c.name(), c));
        return new LookoutConfig(Path.of(DEFAULT_STORAGE), Device.AUTO, Precision.FP32, Retention.DEFAULTS,
                Optional.empty(), Optional.empty(), List.of(), byName);
    }

    /** The storage folder: {@link #storage} resolved against the folder of {@code configFile}. */
    public Path storageIn(Path configFile) {
        Path folder = configFile.toAbsolutePath().getParent();
        return folder.resolve(storage).normalize();
    }
}
