package dev.lookout.notify.webhook;

import dev.lookout.capture.UrlRedaction;
import dev.lookout.config.WebhookConfig;
import dev.lookout.config.WebhookFormat;
import dev.lookout.event.EventType;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One webhook, as {@code lookout.yml}'s {@code webhooks:} list gives it: {@code url}, {@code cameras} and
 * {@code classes} (empty: all), {@code cooldown} (at most one notification per camera and class in that time),
 * {@code format} ({@link WebhookFormat}: json, multipart, ntfy, gotify), {@code on} (which changes notify; default only {@code new}),
 * {@code priority} (ntfy 1–5, Gotify 0–10; null: the service's default), extra {@code headers} (e.g. an
 * {@code Authorization} token) and {@code snapshot_url} (a link to the snapshot with {@code {id}} for the event's id,
 * e.g. the HTTP API's). {@link #toString()} masks credentials in the URL and every header value.
 */
public record WebhookSettings(String url, Set<String> cameras, Set<String> classes, Duration cooldown,
        WebhookFormat format, Set<EventType> on, Integer priority, Map<String, String> headers, String snapshotUrl) {

    /** The cool-down when none is configured. */
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(60);

    public WebhookSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("webhook url is missing: give the receiver as http(s)://HOST/PATH");
        }
        url = url.strip();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook url " + UrlRedaction.redact(url) + " is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("webhook url " + UrlRedaction.redact(url)
                    + " must be http://HOST/... or https://HOST/...");
        }
        cameras = Set.copyOf(cameras == null ? Set.of() : cameras);
        classes = Set.copyOf(classes == null ? Set.of() : classes);
        cooldown = cooldown == null ? DEFAULT_COOLDOWN : cooldown;
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("webhook cooldown cannot be negative: " + cooldown);
        }
        format = format == null ? WebhookFormat.JSON : format;
        on = Set.copyOf(on == null || on.isEmpty() ? Set.of(EventType.NEW) : on);
        headers = Map.copyOf(headers == null ? Map.of() : headers);
    }

    /** The webhook {@code lookout.yml} describes (notifying on {@code new}, the services' default priorities). */
    public static WebhookSettings from(WebhookConfig config) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        config.password().ifPresent(p -> headers.put("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((config.username().orElse("") + ":" + p.reveal())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        config.token().ifPresent(t -> {
            if (config.format() == WebhookFormat.GOTIFY) {
                headers.put("X-Gotify-Key", t.reveal());
            } else {
                headers.put("Authorization", "Bearer " + t.reveal());
            }
        });
        return new WebhookSettings(config.url().toString(), Set.copyOf(config.cameras()), Set.copyOf(config.classes()),
                config.cooldown(), config.format(), null, null, headers, null);
    }

    /** A JSON webhook for every camera and class with the default cool-down. */
    public static WebhookSettings of(String url) {
        return new WebhookSettings(url, null, null, null, WebhookFormat.JSON, null, null, null, null);
    }

    /** A copy in another format. */
    public WebhookSettings withFormat(WebhookFormat f) {
        return new WebhookSettings(url, cameras, classes, cooldown, f, on, priority, headers, snapshotUrl);
    }

    /** A copy for only these cameras and classes (empty: all). */
    public WebhookSettings only(Set<String> cameraNames, Set<String> classNames) {
        return new WebhookSettings(url, cameraNames, classNames, cooldown, format, on, priority, headers, snapshotUrl);
    }

    /** A copy with another cool-down. */
    public WebhookSettings withCooldown(Duration d) {
        return new WebhookSettings(url, cameras, classes, d, format, on, priority, headers, snapshotUrl);
    }

    /** A copy notifying on these changes. */
    public WebhookSettings on(Set<EventType> types) {
        return new WebhookSettings(url, cameras, classes, cooldown, format, types, priority, headers, snapshotUrl);
    }

    /** A copy with a snapshot link template ({@code {id}} is replaced by the event's id). */
    public WebhookSettings withSnapshotUrl(String template) {
        return new WebhookSettings(url, cameras, classes, cooldown, format, on, priority, headers, template);
    }

    /** True if events of {@code className} on {@code camera} concern this webhook (whatever {@link #on} says). */
    public boolean covers(String camera, String className) {
        return (cameras.isEmpty() || cameras.contains(camera)) && (classes.isEmpty() || classes.contains(className));
    }

    /** The URL with credentials masked, for logs and messages. */
    public String redactedUrl() {
        return UrlRedaction.redact(url);
    }

    @Override
    public String toString() {
        return "WebhookSettings[url=" + redactedUrl() + ", cameras=" + cameras + ", classes=" + classes
                + ", cooldown=" + cooldown + ", format=" + format + ", on=" + on + ", priority=" + priority
                + ", headers=" + headers.keySet() + ", snapshotUrl=" + UrlRedaction.redact(snapshotUrl) + "]";
    }

    /** "ntfy webhook https://***@host/topic", for logs. */
    String describe() {
        return format.name().toLowerCase(Locale.ROOT) + " webhook " + redactedUrl();
    }
}
