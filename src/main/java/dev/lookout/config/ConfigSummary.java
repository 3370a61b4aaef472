package dev.lookout.config;

import dev.lookout.capture.UrlRedaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a checked configuration will do, in a few lines for {@code lookout check-config}: first
 * {@code OK: N cameras (...)}, then one line per camera. Credentials are masked.
 */
public final class ConfigSummary {

    private ConfigSummary() {
    }

    /** The summary of {@code config}, read from {@code file} (relative paths are shown resolved against it). */
    public static List<String> lines(LookoutConfig config, Path file) {
        List<String> lines = new ArrayList<>();
        int n = config.cameras().size();
        StringBuilder first = new StringBuilder("OK: " + n + (n == 1 ? " camera (" : " cameras (")
                + String.join(", ", config.cameras().keySet()) + "); storage " + config.storageIn(file)
                + "; device " + EnumValues.name(config.device()));
        config.mqtt().ifPresent(m -> first.append("; mqtt ").append(UrlRedaction.redact(m.url().toString()))
                .append(" as ").append(m.prefix()).append('/').append(m.node()));
        config.http().ifPresent(h -> first.append("; http ").append(h.bind())
                .append(h.password().isPresent() ? " with password" : ""));
        if (!config.webhooks().isEmpty()) {
            first.append("; ").append(config.webhooks().size())
                    .append(config.webhooks().size() == 1 ? " webhook" : " webhooks");
        }
        lines.add(first.toString());
        for (CameraConfig c : config.cameras().values()) {
            String watch = c.watch().isEmpty() ? "watches nothing" : "watches " + String.join(", ", c.watch());
            lines.add("  " + c.name() + ": " + UrlRedaction.redact(c.sourceIn(file)) + "; " + watch
                    + "; records " + EnumValues.name(c.record())
                    + (c.zones().isEmpty() ? "" : "; zones " + String.join(", ", c.zones().keySet()))
                    + (c.lines().isEmpty() ? "" : "; lines " + String.join(", ", c.lines().keySet())));
        }
        return lines;
    }
}
