package dev.lookout.config;

import dev.lookout.capture.UrlRedaction;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An HTTP endpoint that receives a POST per event.
 *
 * @param url {@code http://} or {@code https://}; credentials in it are never shown
 * @param cameras the cameras whose events are sent; empty for all
 * @param classes the classes whose events are sent; empty for every watched class
 * @param cooldown the least time between two posts for the same camera and class
 * @param format the shape of the POST
 */
public record WebhookConfig(URI url, List<String> cameras, List<String> classes, Duration cooldown,
        WebhookFormat format) {

    /** The cool-down when none is written. */
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(60);

    public WebhookConfig {
        Objects.requireNonNull(url, "url");
        cameras = List.copyOf(cameras);
        classes = List.copyOf(classes);
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(format, "format");
    }

    @Override
    public String toString() {
        return "WebhookConfig[url=" + UrlRedaction.redact(url.toString()) + ", cameras=" + cameras + ", classes="
                + classes + ", cooldown=" + DurationText.format(cooldown) + ", format=" + format + "]";
    }
}
