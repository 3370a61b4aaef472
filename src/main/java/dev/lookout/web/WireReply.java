package dev.lookout.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A JSON error ({@code {"error": "..."}}, the same as {@link Responses#error}) written straight to a connection by
 * {@link Gate}, for requests the JDK's server must never see, then the connection's end.
 */
final class WireReply {

    private static final Map<Integer, String> REASONS = Map.of(400, "Bad Request", 405, "Method Not Allowed",
            408, "Request Timeout", 431, "Request Header Fields Too Large", 503, "Service Unavailable");

    private WireReply() {
    }

    /** The whole response, {@code Connection: close}; a 405 also says what is allowed. */
    static byte[] bytes(HttpProblem problem) {
        byte[] body = JsonNodeFactory.instance.objectNode().put("error", problem.getMessage()).toString()
                .getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + problem.status() + " " + REASONS.getOrDefault(problem.status(), "Error") + "\r\n"
                + "Content-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\n"
                + (problem.status() == 405 ? "Allow: GET, HEAD\r\n" : "")
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /**
     * Sends {@code problem} and closes, first reading what the client still sends (until it pauses for 100 ms, for
     * {@code lingerMillis} at most): closing with unread bytes would reset the connection, and the client could lose
     * the answer.
     */
    static void sendAndClose(Socket socket, HttpProblem problem, int lingerMillis) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(bytes(problem));
            out.flush();
            socket.shutdownOutput();
            socket.setSoTimeout(Math.max(1, Math.min(100, lingerMillis)));
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[8192];
            long deadline = System.nanoTime() + lingerMillis * 1_000_000L;
            while (System.nanoTime() < deadline && in.read(sink) >= 0) {
                // discard: only so that the answer is not lost to a reset
            }
        } catch (SocketTimeoutException | RuntimeException done) {
            // lingered long enough
        } catch (IOException gone) {
            // the client left first: nothing to answer
        }
    }
}
