package dev.lookout.config;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and checks the ways out of a node: {@code mqtt:}, {@code http:} and {@code webhooks:}. */
final class ServiceReader {

    private static final Pattern BIND = Pattern.compile("(?:\\[([0-9A-Fa-f:.]+)]|([A-Za-z0-9.-]+)):(\\d{1,5})");
    /** A DNS name (RFC 1123 labels, an optional final dot), an IPv4 address or a bracketed IPv6 address. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?"
                    + "|\\[[0-9A-Fa-f:.]+]");
    private static final String BIND_EXPECTED = "ADDRESS:PORT like 127.0.0.1:8080 or 0.0.0.0:8080, or a port";

    private final Problems problems;
    private final SecretReader secrets;

    ServiceReader(Problems problems, SecretReader secrets) {
        this.problems = problems;
        this.secrets = secrets;
    }

    /** {@code mqtt:}; empty when absent or when its URL is missing or bad. */
    Optional<MqttConfig> mqtt(YamlNode node) {
        MapReader m = MapReader.of(node, "mqtt", problems);
        String expected = "a broker URL like tcp://127.0.0.1:1883 or ssl://broker:8883";
        URI url = m.required("url", expected)
                .flatMap(v -> MapReader.scalar(v, m.path("url"), expected, problems))
                .map(s -> SourceSpecs.checkUrl(s.text(), Set.of("tcp", "ssl"), expected, s, m.path("url"), problems))
                .orElse(null);
        String nodeName = m.scalar("node", "a node name").filter(s -> topicLevels(s, m.path("node"), false))
                .map(YamlNode.Scalar::text).orElse(MqttConfig.DEFAULT_NAME);
        String prefix = m.scalar("prefix", "a topic prefix").filter(s -> topicLevels(s, m.path("prefix"), true))
                .map(YamlNode.Scalar::text).orElse(MqttConfig.DEFAULT_NAME);
        Optional<String> username = m.text("username", "a user name");
        Optional<Secret> password = secrets.read(m, "password");
        if (password.isPresent() && username.isEmpty()) {
            problems.at(SecretReader.where(m, "password"), m.path("password") + ": a password needs a username: "
                    + "add username:");
        }
        MqttVersion protocol = m.scalar("protocol", "3 (MQTT 3.1.1) or 5").flatMap(s -> switch (s.text().strip()) {
            case "3", "3.1.1" -> Optional.of(MqttVersion.V3_1_1);
            case "5" -> Optional.of(MqttVersion.V5);
            default -> {
                problems.at(s, m.path("protocol") + ": expected 3 (MQTT 3.1.1) or 5, found " + MapReader.found(s));
                yield Optional.empty();
            }
        }).orElse(MqttVersion.byDefault());
        boolean homeAssistant = m.bool("home_assistant").orElse(false);
        m.finish();
        return url == null ? Optional.empty() : Optional.of(new MqttConfig(url, nodeName, prefix, username, password,
                protocol, homeAssistant));
    }

    /** Topic levels of safe names, one ({@code node}) or several separated by '/' ({@code prefix}). */
    private boolean topicLevels(YamlNode.Scalar s, String path, boolean several) {
        String[] levels = several ? s.text().split("/", -1) : new String[] {s.text()};
        for (String level : levels) {
            if (!NameLists.SAFE_NAME.matcher(level).matches()) {
                problems.at(s, path + ": '" + s.text() + "' may hold only letters, digits, '_' and '-'"
                        + (several ? ", in levels separated by '/'" : "") + ": it is part of MQTT topics");
                return false;
            }
        }
        return true;
    }

    /** {@code http:}; a non-loopback bind without a password is reported. */
    HttpConfig http(YamlNode node) {
        MapReader h = MapReader.of(node, "http", problems);
        HttpConfig bind = h.scalar("bind", BIND_EXPECTED).flatMap(s -> bind(s, h.path("bind")))
                .orElse(HttpConfig.DEFAULTS);
        Optional<Secret> password = secrets.read(h, "password");
        if (password.isPresent() && password.get().reveal().isBlank()) {
            problems.at(SecretReader.where(h, "password"), h.path("password") + ": is empty: set a password, or "
                    + "remove the key");
            password = Optional.empty();
        }
        if (password.isEmpty() && !bind.loopback() && h.value("bind").isPresent()) {
            problems.at(h.value("bind").orElseThrow(), h.path("bind") + ": " + bind.bind() + " can be reached from "
                    + "other machines, so http.password is required (or bind to 127.0.0.1)");
        }
        List<String> allowedHosts = allowedHosts(h, bind);
        h.finish();
        return new HttpConfig(bind.host(), bind.port(), password, allowedHosts);
    }

    /**
     * {@code http.allowed_hosts}: the names a reverse proxy forwards under (the {@code Host} the browser sends),
     * answered besides this machine's own. Only a loopback bind checks {@code Host}, so on another bind the key is
     * reported rather than silently ignored: it would look like a restriction it is not.
     */
    private List<String> allowedHosts(MapReader h, HttpConfig bind) {
        Set<String> seen = new java.util.HashSet<>();
        List<String> hosts = h.list("allowed_hosts", "[cam.example.org]", (node, path) -> {
            Optional<YamlNode.Scalar> s = MapReader.scalar(node, path, "a host name like cam.example.org", problems);
            if (s.isEmpty()) {
                return null;
            }
            String name = s.get().text().strip().toLowerCase(java.util.Locale.ROOT);
            if (!HOST_NAME.matcher(name).matches()) {
                problems.at(node, path + ": '" + s.get().text() + "' is not a host name: write the name alone, "
                        + "like cam.example.org (no scheme, port or path)");
                return null;
            }
            if (!seen.add(name)) {
                problems.at(node, path + ": '" + name + "' is listed twice");
                return null;
            }
            return name;
        }).orElse(List.of());
        if (!hosts.isEmpty() && !bind.loopback()) {
            problems.at(h.value("allowed_hosts").orElseThrow(), h.path("allowed_hosts") + ": applies to a loopback "
                    + "bind only; " + bind.bind() + " answers every host name and relies on http.password: remove it");
        }
        return hosts;
    }

    private Optional<HttpConfig> bind(YamlNode.Scalar s, String path) {
        String text = s.text().strip();
        String host = "127.0.0.1";
        String port = text;
        Matcher m = BIND.matcher(text);
        if (m.matches()) {
            host = m.group(1) != null ? m.group(1) : m.group(2);
            port = m.group(3);
        }
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            problems.at(s, path + ": expected " + BIND_EXPECTED + " (port 1..65535), found " + MapReader.found(s));
            return Optional.empty();
        }
        return Optional.of(new HttpConfig(host, Integer.parseInt(port), Optional.empty()));
    }

    /** {@code webhooks:}, a list; {@code cameras} are the names a webhook may refer to. */
    List<WebhookConfig> webhooks(MapReader root, Collection<String> cameras, Collection<String> classNames) {
        return root.list("webhooks", "[{url: http://127.0.0.1:8090/topic}]", (node, path) -> {
            MapReader w = MapReader.of(node, path, problems);
            String expected = "an http:// or https:// URL";
            URI url = w.required("url", expected)
                    .flatMap(v -> MapReader.scalar(v, w.path("url"), expected, problems))
                    .map(s -> SourceSpecs.checkUrl(s.text(), Set.of("http", "https"), expected, s, w.path("url"),
                            problems))
                    .orElse(null);
            List<String> forCameras = NameLists.read(w, "cameras", "camera", cameras, problems);
            List<String> classes = NameLists.classes(w, "classes", classNames, problems);
            var cooldown = w.duration("cooldown", true).orElse(WebhookConfig.DEFAULT_COOLDOWN);
            WebhookFormat format = EnumValues.read(w, "format", WebhookFormat.class).orElse(WebhookFormat.JSON);
            Optional<String> username = w.text("username", "a user name");
            Optional<Secret> password = secrets.read(w, "password");
            Optional<Secret> token = secrets.read(w, "token");
            webhookCredentials(w, url, username, password, token);
            w.finish();
            return url == null ? null : new WebhookConfig(url, forCameras, classes, cooldown, format, username,
                    password, token);
        }).orElse(List.of());
    }

    /** Basic credentials need both halves, and one way each: the URL's user-info, or the keys; not with a token. */
    private void webhookCredentials(MapReader w, URI url, Optional<String> username, Optional<Secret> password,
            Optional<Secret> token) {
        if (password.isPresent() && username.isEmpty()) {
            problems.at(SecretReader.where(w, "password"), w.path("password") + ": a password needs a username: "
                    + "add username:");
        } else if (username.isPresent() && password.isEmpty() && w.value("password").isEmpty()
                && w.value("password_file").isEmpty()) {
            problems.at(w.value("username").orElseThrow(), w.path("username") + ": a username needs a password: "
                    + "add password: or password_file:");
        }
        if (username.isPresent() && url != null && url.getRawUserInfo() != null) {
            problems.at(w.value("username").orElseThrow(), w.path("username") + ": the url holds credentials too: "
                    + "remove them from the url (keep username: and password:)");
        }
        if (token.isPresent() && (username.isPresent() || url != null && url.getRawUserInfo() != null)) {
            problems.at(SecretReader.where(w, "token"), w.path("token") + ": give a token or a username and "
                    + "password, not both (both are sent as the Authorization header)");
        }
    }
}
