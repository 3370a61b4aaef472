package dev.lookout.monitor;

import dev.lookout.config.CameraConfig;
import dev.lookout.config.LookoutConfig;
import dev.lookout.config.MqttConfig;
import dev.lookout.config.Retention;
import dev.lookout.config.WebhookConfig;
import dev.lookout.notify.mqtt.MqttSettings;
import dev.lookout.notify.webhook.WebhookSettings;
import dev.lookout.store.RecordingKind;
import dev.lookout.store.RetentionPolicy;

/**
 * The settings of the store and the notifiers as {@code lookout.yml} gives them: the one place where the
 * configuration's records become the {@code store}'s and {@code notify}'s own.
 */
final class ConfiguredSettings {

    private ConfiguredSettings() {
    }

    /** The store's retention: the global ages and size limits, and each camera's own ages. */
    static RetentionPolicy retention(LookoutConfig config) {
        Retention r = config.retention();
        RetentionPolicy p = new RetentionPolicy(java.util.Map.of(), java.util.Map.of(),
                r.maxSize().map(s -> s.bytes()).orElse(0L), r.minFree().bytes(),
                RetentionPolicy.KEEP_ALL.interval(), RetentionPolicy.KEEP_ALL.settle())
                .maxAge(RecordingKind.CLIP, r.clips()).maxAge(RecordingKind.SNAPSHOT, r.snapshots())
                .maxAge(RecordingKind.CONTINUOUS, r.continuous());
        for (CameraConfig c : config.cameras().values()) {
            Retention own = r.forCamera(c.retention());
            if (!own.equals(r)) {
                p = p.maxAge(c.name(), RecordingKind.CLIP, own.clips())
                        .maxAge(c.name(), RecordingKind.SNAPSHOT, own.snapshots())
                        .maxAge(c.name(), RecordingKind.CONTINUOUS, own.continuous());
            }
        }
        return p;
    }

    static MqttSettings mqtt(MqttConfig m) {
        return MqttSettings.from(m);
    }

    static WebhookSettings webhook(WebhookConfig w) {
        return WebhookSettings.from(w);
    }
}
