package dev.lookout.web;

import dev.lookout.config.HttpConfig;

/**
 * Reads the {@code [ADDRESS:]PORT} of {@code monitor --http}: {@code 8080}, {@code 0.0.0.0:8080},
 * {@code [::1]:8080}. The address defaults to the configuration's ({@code 127.0.0.1} unless {@code http:} says
 * otherwise) and the password always comes from the configuration, never from the command line; a bind other
 * machines can reach without one is refused here, as a usage error, before the monitor starts anything.
 */
public final class HttpBind {

    private HttpBind() {
    }

    /**
     * {@code configured} with the address and port of {@code text}.
     *
     * @throws IllegalArgumentException with a one-line message naming the problem and the expected form, or
     *     saying that an address other machines can reach needs {@code http: password:} in the file
     */
    public static HttpConfig parse(String text, HttpConfig configured) {
        String t = text == null ? "" : text.strip();
        String host = configured.host();
        String port = t;
        int colon = t.lastIndexOf(':');
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0 || close + 1 >= t.length() || t.charAt(close + 1) != ':') {
                throw bad(text);
            }
            host = t.substring(1, close);
            port = t.substring(close + 2);
        } else if (colon >= 0) {
            if (t.indexOf(':') != colon) {
                throw bad(text);
            }
            host = t.substring(0, colon);
            port = t.substring(colon + 1);
        }
        if (host.isEmpty() || !port.matches("\\d{1,5}")) {
            throw bad(text);
        }
        int number = Integer.parseInt(port);
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("--http: port " + number + " is outside 1..65535");
        }
        HttpConfig bind = new HttpConfig(host, number, configured.password(), configured.allowedHosts());
        if (!bind.loopback() && !bind.hasPassword()) {
            // the same rule WebServer.start enforces, checked here so that it is a usage error before anything starts
            throw new IllegalArgumentException("--http: " + bind.bind() + " can be reached from other machines, "
                    + "so it needs a password: set http: password: in lookout.yml, or bind to 127.0.0.1");
        }
        return bind;
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("--http: '" + text + "' is not [ADDRESS:]PORT, e.g. 8080, "
                + "0.0.0.0:8080 or [::1]:8080");
    }
}
