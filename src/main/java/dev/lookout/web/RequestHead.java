package dev.lookout.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one connection's request heads (request line and headers) under {@link WebLimits}, and lets through only
 * what the JDK's server parses without rejecting it itself: that server answers a malformed escape
 * ({@code /api/events/%ZZ}), a bad request line or header, or a bad {@code Content-Length} with an HTML page naming a
 * Java exception, before any handler runs. Each is an {@link HttpProblem} here, so the client gets JSON. Only GET and
 * HEAD are served, so a request with a body is refused too, and no body ever needs relaying.
 */
final class RequestHead {

    private static final Pattern REQUEST_LINE = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\\S+) HTTP/1\\.[01]");
    private static final Pattern HEADER = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \\t]*([^\\x00-\\x08\\x0a-\\x1f\\x7f]*)");

    private final InputStream in;
    private final WebLimits limits;
    private final LongSupplier lastActivity;
    private final byte[] buffer;
    private int start;
    private int end;

    /** {@code in} must time out every {@link WebLimits#tickMillis()}; {@code lastActivity} is a nanoTime. */
    RequestHead(InputStream in, WebLimits limits, LongSupplier lastActivity) {
        this.in = in;
        this.limits = limits;
        this.lastActivity = lastActivity;
        this.buffer = new byte[limits.maxHeadBytes()];
    }

    /**
     * The next request's head, as sent, once checked; null when the client closed, or sent nothing for
     * {@link WebLimits#idleTimeout()} while nothing moved the other way either.
     *
     * @throws HttpProblem 400, 405, 408 or 431 with the message for the client
     */
    byte[] next() throws IOException, HttpProblem {
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
        long begun = end > 0 ? System.nanoTime() : -1;
        while (true) {
            while (start < end && (buffer[start] == '\r' || buffer[start] == '\n')) {
                start++; // blank lines before a request line are allowed (RFC 9112 2.2)
            }
            int headEnd = headEnd();
            if (headEnd > 0) {
                byte[] head = Arrays.copyOfRange(buffer, start, headEnd);
                start = headEnd;
                check(new String(head, StandardCharsets.ISO_8859_1));
                return head;
            }
            if (end == buffer.length) {
                throw new HttpProblem(431, "the request line and headers are larger than "
                        + limits.maxHeadBytes() / 1024 + " KB");
            }
            int n;
            try {
                n = in.read(buffer, end, buffer.length - end);
            } catch (SocketTimeoutException tick) {
                n = 0;
            }
            long now = System.nanoTime();
            if (n < 0) {
                return null;
            }
            end += n;
            if (begun < 0 && end > start) {
                begun = now;
            }
            if (begun >= 0 && now - begun > limits.headerTimeout().toNanos()) {
                throw new HttpProblem(408, "the request headers took longer than "
                        + limits.headerTimeout().toSeconds() + " s to arrive: send them at once");
            }
            if (begun < 0 && n == 0 && now - lastActivity.getAsLong() > limits.idleTimeout().toNanos()) {
                return null;
            }
        }
    }

    /** The index after the blank line that ends the head in the buffer, or -1. */
    private int headEnd() {
        for (int i = start; i < end; i++) {
            if (buffer[i] == '\n' && i + 1 < end) {
                if (buffer[i + 1] == '\n') {
                    return i + 2;
                }
                if (buffer[i + 1] == '\r' && i + 2 < end && buffer[i + 2] == '\n') {
                    return i + 3;
                }
            }
        }
        return -1;
    }

    private void check(String head) throws HttpProblem {
        String[] lines = head.split("\r?\n");
        Matcher request = REQUEST_LINE.matcher(lines[0]);
        if (!request.matches()) {
            throw HttpProblem.badRequest("the request line is not METHOD /path HTTP/1.1");
        }
        String method = request.group(1);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new HttpProblem(405, "only GET and HEAD are served here, not " + method);
        }
        path(request.group(2));
        if (lines.length - 1 > limits.maxHeaderLines()) {
            throw new HttpProblem(431, "more than " + limits.maxHeaderLines() + " header lines");
        }
        for (int i = 1; i < lines.length; i++) {
            Matcher header = HEADER.matcher(lines[i]);
            if (!header.matches()) {
                throw HttpProblem.badRequest("header line " + i + " is not 'Name: value'"
                        + (lines[i].startsWith(" ") || lines[i].startsWith("\t") ? " (folded lines are not accepted)" : ""));
            }
            String name = header.group(1).toLowerCase(Locale.ROOT);
            if (name.equals("transfer-encoding") || name.equals("content-length") && !header.group(2).strip().equals("0")) {
                throw HttpProblem.badRequest("a " + method + " request carries no body here (" + header.group(1)
                        + ": " + shorten(header.group(2).strip()) + ")");
            }
        }
    }

    /** A path the JDK's URI parser takes, as Routes decodes it later; only the origin form ({@code /...}). */
    private static void path(String target) throws HttpProblem {
        if (!target.startsWith("/")) {
            throw HttpProblem.badRequest("the request target must be a path like /api/cameras, not '"
                    + shorten(target) + "'");
        }
        try {
            new URI(target);
        } catch (URISyntaxException e) {
            throw HttpProblem.badRequest("the path '" + shorten(target) + "' is not URL-encoded properly ("
                    + e.getReason().toLowerCase(Locale.ROOT) + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "")
                    + "): write % as %25 and spaces, quotes, <, >, {, }, | as %XX escapes");
        }
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
