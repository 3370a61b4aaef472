package dev.lookout.web;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.lookout.config.HttpConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Against DNS rebinding: a loopback server answers only requests whose {@code Host} names this machine
 * ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}, the bound address, the machine's host name) or one of
 * {@code http: allowed_hosts:} (a reverse proxy's names). A page of attacker.example that gets its name to resolve to
 * 127.0.0.1 reaches the server from the victim's own browser, past any firewall, but the browser still sends
 * {@code Host: attacker.example}: that gets 421 and never a camera. The port in {@code Host} is ignored.
 *
 * <p>It runs before the password check, and also on a loopback server with a password: the password already keeps
 * a rebinding page out (the browser holds no credentials for attacker.example), but a loopback server has no
 * business answering foreign names, and a weak password would otherwise be guessable from any web page. On another
 * bind (which requires a password) every name is answered: the server is reached under LAN addresses and names that
 * it cannot know.
 */
final class HostCheck extends Filter {

    private final Set<String> names;

    HostCheck(HttpConfig http) {
        names = new LinkedHashSet<>();
        names.add("localhost");
        names.add("[::1]");
        String bound = http.host().toLowerCase(Locale.ROOT);
        names.add(bound.contains(":") ? "[" + bound + "]" : bound);
        try {
            names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException e) {
            // no resolvable host name: localhost and the addresses remain
        }
        names.addAll(http.allowedHosts());
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host != null && accepts(host)) {
            chain.doFilter(exchange);
            return;
        }
        String shown = host == null ? "no Host header" : "'" + (host.length() > 80 ? host.substring(0, 80) + "..." : host) + "'";
        Responses.error(exchange, 421, "this Lookout answers only this machine's names (" + String.join(", ", names)
                + "), not " + shown + ": behind a reverse proxy, add its host name to http: allowed_hosts: in "
                + "lookout.yml");
    }

    @Override
    public String description() {
        return "Host names of this machine";
    }

    /** {@code host} (a {@code Host} header value) without its port, in lower case, is one of the names. */
    boolean accepts(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            h = close < 0 ? h : h.substring(0, close + 1);
        } else if (h.indexOf(':') >= 0 && h.indexOf(':') == h.lastIndexOf(':')) {
            h = h.substring(0, h.indexOf(':'));
        }
        if (h.endsWith(".") && h.length() > 1) {
            h = h.substring(0, h.length() - 1);
        }
        return names.contains(h) || names.contains(h + ".") || h.matches("127(\\.\\d{1,3}){3}");
    }
}
