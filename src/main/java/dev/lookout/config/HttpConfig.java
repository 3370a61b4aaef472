package dev.lookout.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The web page and HTTP API. A bind address other than the loopback requires a password (the configuration is
 * refused otherwise).
 *
 * @param host the address to listen on, e.g. {@code 127.0.0.1}, {@code 0.0.0.0}, {@code ::1}
 * @param port the port, 1..65535
 * @param password the password that every request must present; required unless {@link #loopback()}
 * @param allowedHosts host names (lower case, no port) that a loopback server without a password also answers in
 *     the request's {@code Host}, besides this machine's own names: those of a reverse proxy in front of it
 */
public record HttpConfig(String host, int port, Optional<Secret> password, List<String> allowedHosts) {

    /** {@code 127.0.0.1:8080} without a password. */
    public static final HttpConfig DEFAULTS = new HttpConfig("127.0.0.1", 8080, Optional.empty());

    public HttpConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(password, "password");
        allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
    }

    /** Without {@code allowed_hosts}. */
    public HttpConfig(String host, int port, Optional<Secret> password) {
        this(host, port, password, List.of());
    }

    /** True when a non-empty password is set. */
    public boolean hasPassword() {
        return password.map(s -> !s.reveal().isEmpty()).orElse(false);
    }

    /** True when only this machine can connect: {@code 127.x.x.x}, {@code ::1} or {@code localhost}. */
    public boolean loopback() {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.matches("127(\\.\\d{1,3}){3}");
    }

    /** {@code host:port}, with brackets around an IPv6 host; the form the file uses. */
    public String bind() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return "HttpConfig[bind=" + bind() + ", password=" + password.map(Secret::toString).orElse("")
                + (allowedHosts.isEmpty() ? "" : ", allowedHosts=" + allowedHosts) + "]";
    }
}
