package dev.lookout.notify.mqtt;

import dev.lookout.capture.UrlRedaction;
import dev.lookout.config.MqttConfig;
import dev.lookout.config.MqttVersion;
import dev.lookout.config.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where and as whom to publish, as {@code lookout.yml}'s {@code mqtt:} section gives it: {@code url}
 * ({@code tcp://host[:1883]} or {@code ssl://host[:8883]}), {@code node} (this node's name in topics),
 * {@code prefix} (default {@code lookout}), {@code username}/{@code password} (both optional), {@code protocol}
 * ({@code 3} for MQTT 3.1.1, {@code 5}) and {@code home_assistant} (send discovery). {@link #toString()} never shows
 * the password.
 */
public record MqttSettings(String url, String node, String prefix, String username, String password, int protocol,
        boolean homeAssistant) {

    /** The topic prefix when none is configured. */
    public static final String DEFAULT_PREFIX = "lookout";
    /** The protocol when none is given: {@link MqttVersion#DEFAULT_NUMBER}, the one default. */
    public static final int DEFAULT_PROTOCOL = MqttVersion.DEFAULT_NUMBER;
    /** What the reason for a refused login asks the user to check, in lookout.yml's words. */
    public static final String FILE_LOGIN_HINT = "check mqtt.username and mqtt.password";

    /**
     * {@code problem} (a connection's reason) asking to check {@code hint} instead of lookout.yml's keys, for
     * settings that came from elsewhere (the command line, a dialog); null stays null.
     */
    public static String withLoginHint(String problem, String hint) {
        return problem == null ? null : problem.replace(FILE_LOGIN_HINT, hint);
    }

    /**
     * Checks every field; an {@link IllegalArgumentException} names the {@code mqtt.*} key at fault and what to
     * write instead. A blank prefix becomes {@code lookout}; protocol 0 means the default.
     */
    public MqttSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("mqtt.url is missing: give the broker as tcp://HOST:1883 or ssl://HOST:8883");
        }
        url = url.strip();
        parse(url);
        node = requireTopicLevel("mqtt.node", node);
        prefix = prefix == null || prefix.isBlank() ? DEFAULT_PREFIX : prefix.strip();
        for (String level : prefix.split("/", -1)) {
            requireTopicLevel("mqtt.prefix", level);
        }
        if (protocol == 0) {
            protocol = DEFAULT_PROTOCOL;
        }
        if (protocol != 3 && protocol != 5) {
            throw new IllegalArgumentException("mqtt.protocol must be 3 (MQTT 3.1.1) or 5, got " + protocol);
        }
        if (password != null && (username == null || username.isEmpty())) {
            throw new IllegalArgumentException("mqtt.password is set without mqtt.username: give both");
        }
    }

    /**
     * The settings {@code lookout.yml}'s {@code mqtt:} section describes; credentials written in its URL
     * ({@code tcp://user:pass@host}) become the user name and password unless those keys are given.
     */
    public static MqttSettings from(MqttConfig config) {
        BrokerLogin login = BrokerLogin.of(config.url().toString());
        String user = config.username().orElse(null);
        String pass = config.password().map(Secret::reveal).orElse(null);
        if (user == null && login.user() != null) {
            user = login.user();
            pass = pass != null ? pass : login.password();
        }
        return new MqttSettings(login.url(), config.node(), config.prefix(), user, pass,
                config.protocol().number(), config.homeAssistant());
    }

    /** Settings with the default prefix and protocol, no credentials and no Home Assistant discovery. */
    public static MqttSettings of(String url, String node) {
        return new MqttSettings(url, node, null, null, null, 0, false);
    }

    /** A copy with another user name and password. */
    public MqttSettings withCredentials(String user, String pass) {
        return new MqttSettings(url, node, prefix, user, pass, protocol, homeAssistant);
    }

    /** A copy with another protocol (3 or 5). */
    public MqttSettings withProtocol(int version) {
        return new MqttSettings(url, node, prefix, username, password, version, homeAssistant);
    }

    /** A copy with another prefix. */
    public MqttSettings withPrefix(String topicPrefix) {
        return new MqttSettings(url, node, topicPrefix, username, password, protocol, homeAssistant);
    }

    /** A copy with another node name. */
    public MqttSettings withNode(String nodeName) {
        return new MqttSettings(url, nodeName, prefix, username, password, protocol, homeAssistant);
    }

    /** A copy with Home Assistant discovery on or off. */
    public MqttSettings withHomeAssistant(boolean on) {
        return new MqttSettings(url, node, prefix, username, password, protocol, on);
    }

    /** The broker's host name. */
    public String host() {
        return parse(url).getHost();
    }

    /** The broker's port: the URL's, else 1883 for {@code tcp://} and 8883 for {@code ssl://}. */
    public int port() {
        URI uri = parse(url);
        return uri.getPort() > 0 ? uri.getPort() : tls() ? 8883 : 1883;
    }

    /** True for {@code ssl://} (also {@code mqtts://}): TLS with the JVM's trusted certificates. */
    public boolean tls() {
        String scheme = parse(url).getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("ssl") || scheme.equals("mqtts");
    }

    /** The broker's URL with any credentials in it masked, for messages. */
    public String redactedUrl() {
        return UrlRedaction.redact(url);
    }

    @Override
    public String toString() {
        return "MqttSettings[url=" + redactedUrl() + ", node=" + node + ", prefix=" + prefix + ", username="
                + username + ", password=" + (password == null ? "none" : UrlRedaction.MASK) + ", protocol="
                + protocol + ", homeAssistant=" + homeAssistant + "]";
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("mqtt.url " + UrlRedaction.redact(url)
                    + " is not a URL: write tcp://HOST:1883 or ssl://HOST:8883");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("tcp") && !scheme.equals("ssl") && !scheme.equals("mqtt") && !scheme.equals("mqtts")) {
            throw new IllegalArgumentException("mqtt.url " + UrlRedaction.redact(url)
                    + " must start with tcp:// or ssl:// (mqtt:// and mqtts:// are accepted too)");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("mqtt.url " + UrlRedaction.redact(url)
                    + " names no host: write tcp://HOST:1883");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("mqtt.url " + UrlRedaction.redact(url)
                    + " holds credentials: put them in mqtt.username and mqtt.password instead");
        }
        return uri;
    }

    private static String requireTopicLevel(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is missing or empty: give a name such as 'garage'");
        }
        String v = value.strip();
        if (v.contains("/") && !key.equals("mqtt.prefix") || v.contains("+") || v.contains("#") || v.contains("\0")) {
            throw new IllegalArgumentException(key + " '" + v + "' may not contain '/', '+', '#' (MQTT topic"
                    + " separators and wildcards)");
        }
        return v;
    }
}
