package dev.lookout.config;

import dev.lookout.capture.UrlRedaction;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP endpoint that receives a POST per event.
 *
 * @param url {@code http://} or {@code https://}; credentials in it are never shown
 * @param cameras the cameras whose events are sent; empty for all
 * @param classes the classes whose events are sent; empty for every watched class
 * @param cooldown the least time between two posts for the same camera and class
 * @param format the shape of the POST
 * @param username with {@code password}: HTTP Basic authentication (instead of credentials in the URL)
 * @param password the Basic password ({@code password:}, {@code password_file:} or {@code ${VAR}})
 * @param token a bearer token ({@code token:}, {@code token_file:} or {@code ${VAR}}): sent as
 *     {@code Authorization: Bearer}, or as Gotify's {@code X-Gotify-Key} for the {@code gotify} format
 */
public record WebhookConfig(URI url, List<String> cameras, List<String> classes, Duration cooldown,
        WebhookFormat format, Optional<String> username, Optional<Secret> password, Optional<Secret> token) {

    /** The cool-down when none is written. */
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(60);

    public WebhookConfig {
        Objects.requireNonNull(url, "url");
        cameras = List.copyOf(cameras);
        classes = List.copyOf(classes);
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(token, "token");
    }

    /** A webhook with no credentials beyond what its URL holds. */
    public WebhookConfig(URI url, List<String> cameras, List<String> classes, Duration cooldown,
            WebhookFormat format) {
        this(url, cameras, classes, cooldown, format, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "WebhookConfig[url=" + UrlRedaction.redact(url.toString()) + ", cameras=" + cameras + ", classes="
                + classes + ", cooldown=" + DurationText.format(cooldown) + ", format=" + format
                + username.map(u -> ", username=" + u).orElse("") + password.map(p -> ", password=" + p).orElse("")
                + token.map(t -> ", token=" + t).orElse("") + "]";
    }
}
