package dev.lookout.web;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * Lets a request through only if it presents the configured password: HTTP Basic (any user name, the password)
 * or {@code Authorization: Bearer <password>}. Others get 401 with a Basic challenge, so a browser asks for it.
 * The comparison takes the same time whatever the guess; the password is never logged or echoed.
 */
final class Credentials extends Filter {

    private final byte[] password;

    Credentials(String password) {
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            chain.doFilter(exchange);
            return;
        }
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Lookout\", charset=\"UTF-8\"");
        Responses.error(exchange, 401, "this Lookout needs its password: HTTP Basic (any user) or Bearer token");
    }

    @Override
    public String description() {
        return "password (Basic or Bearer)";
    }

    boolean accepts(String authorization) {
        if (authorization == null) {
            return false;
        }
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return false;
        }
        String scheme = authorization.substring(0, space).toLowerCase(Locale.ROOT);
        String value = authorization.substring(space + 1).trim();
        if (scheme.equals("bearer")) {
            return matches(value.getBytes(StandardCharsets.UTF_8));
        }
        if (scheme.equals("basic")) {
            try {
                String userAndPassword = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                int colon = userAndPassword.indexOf(':');
                return colon >= 0 && matches(userAndPassword.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }
        return false;
    }

    private boolean matches(byte[] guess) {
        return MessageDigest.isEqual(password, guess);
    }
}
