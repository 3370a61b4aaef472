package dev.lookout.config;

import dev.lookout.capture.UrlRedaction;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The MQTT broker this node publishes to. Topics are {@code <prefix>/<node>/...}.
 *
 * @param url {@code tcp://host[:port]} or {@code ssl://host[:port]} (TLS)
 * @param node this node's name in topics (letters, digits, {@code _}, {@code -}); several nodes share a broker
 * @param prefix the first topic level(s), default {@code lookout}
 * @param username the user to log in as, if the broker needs one
 * @param password the user's password
 * @param protocol MQTT 3.1.1 or 5
 * @param homeAssistant whether to publish Home Assistant discovery messages
 */
public record MqttConfig(URI url, String node, String prefix, Optional<String> username, Optional<Secret> password,
        MqttVersion protocol, boolean homeAssistant) {

    /** The default node name and topic prefix. */
    public static final String DEFAULT_NAME = "lookout";

    public MqttConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(protocol, "protocol");
    }

    /** True for {@code ssl://}. */
    public boolean tls() {
        return "ssl".equalsIgnoreCase(url.getScheme());
    }

    /** The broker's port: the URL's, else 8883 with TLS and 1883 without. */
    public int port() {
        return url.getPort() > 0 ? url.getPort() : tls() ? 8883 : 1883;
    }

    /** With the URL's credentials and the password masked. */
    @Override
    public String toString() {
        return "MqttConfig[url=" + UrlRedaction.redact(url.toString()) + ", node=" + node + ", prefix=" + prefix
                + ", username=" + username.orElse("") + ", password=" + password.map(Secret::toString).orElse("")
                + ", protocol=" + protocol + ", homeAssistant=" + homeAssistant + "]";
    }
}
