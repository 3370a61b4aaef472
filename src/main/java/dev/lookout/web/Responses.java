package dev.lookout.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes whole responses: JSON documents, JSON errors ({@code {"error": "..."}}, never a stack trace), bytes. */
final class Responses {

    private Responses() {
    }

    static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        bytes(exchange, status, "application/json; charset=utf-8", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, JsonNodeFactory.instance.objectNode().put("error", message));
    }

    /** The whole body; none for {@code HEAD}. */
    static void bytes(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(body.length));
        }
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}
