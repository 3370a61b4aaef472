package dev.lookout.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The page: a fixed set of files from the jar's {@code web/} folder (no file system access, no listing). */
final class StaticFiles {

    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/app.js", "app.js",
            "/style.css", "style.css");

    private StaticFiles() {
    }

    static boolean has(String path) {
        return FILES.containsKey(path);
    }

    static void send(HttpExchange exchange, String path) throws IOException, HttpProblem {
        String name = FILES.get(path);
        try (InputStream in = StaticFiles.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new HttpProblem(500, "the page's file " + name + " is missing from this build");
            }
            Responses.bytes(exchange, 200, type(name), in.readAllBytes());
        }
    }

    private static String type(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        return "text/css; charset=utf-8";
    }
}
