package dev.lookout.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Sends each request to its endpoint and turns every failure into a JSON error with a status: a {@link HttpProblem}
 * as it says, anything unexpected as a 500 whose details go to the log, never to the client.
 */
final class Routes implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(Routes.class.getName());

    private final CameraApi cameras;
    private final EventApi events;

    Routes(CameraApi cameras, EventApi events) {
        this.cameras = cameras;
        this.events = events;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                throw new HttpProblem(405, "only GET and HEAD are served here, not " + method);
            }
            route(exchange, exchange.getRequestURI().getRawPath());
        } catch (HttpProblem p) {
            reply(exchange, p.status(), p.getMessage());
        } catch (IOException clientGone) {
            exchange.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "web: {0} {1} failed: {2}", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e.toString());
            reply(exchange, 500, "internal error: see the monitor's log");
        }
    }

    private void route(HttpExchange exchange, String rawPath) throws IOException, HttpProblem {
        if (StaticFiles.has(rawPath)) {
            StaticFiles.send(exchange, rawPath);
            return;
        }
        String[] p = segments(rawPath);
        if (p.length < 2 || !p[0].equals("api")) {
            throw HttpProblem.notFound("nothing at " + rawPath + ": the page is at /, the API under /api/");
        }
        switch (p[1] + "/" + p.length) {
            case "node/2" -> cameras.node(exchange);
            case "cameras/2" -> cameras.cameras(exchange);
            case "cameras/4" -> camera(exchange, p[2], p[3]);
            case "events/2" -> events.list(exchange);
            case "events/3" -> events.one(exchange, p[2]);
            case "events/4" -> events.file(exchange, p[2], p[3]);
            case "counts/2" -> events.counts(exchange);
            default -> throw HttpProblem.notFound("no API endpoint at " + rawPath);
        }
    }

    private void camera(HttpExchange exchange, String name, String what) throws IOException, HttpProblem {
        switch (what) {
            case "latest.jpg" -> cameras.latest(exchange, name);
            case "stream.mjpg" -> cameras.stream(exchange, name);
            default -> throw HttpProblem.notFound("a camera has latest.jpg and stream.mjpg, not '" + what + "'");
        }
    }

    /** The decoded path segments after the leading slash; a segment that decodes to a slash stays one segment. */
    private static String[] segments(String rawPath) throws HttpProblem {
        String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        String[] parts = trimmed.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            try {
                parts[i] = URLDecoder.decode(parts[i].replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw HttpProblem.badRequest("the path is not URL-encoded properly");
            }
            if (parts[i].isEmpty()) {
                throw HttpProblem.notFound("nothing at " + rawPath);
            }
        }
        return parts;
    }

    private static void reply(HttpExchange exchange, int status, String message) {
        try {
            Responses.error(exchange, status, message);
        } catch (IOException | RuntimeException alreadyStarted) {
            exchange.close();
        }
    }
}
