package dev.lookout.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a file whole (200) or one byte range of it (206 with {@code Content-Range}) as {@code Range: bytes=...}
 * asks, so that a browser's video element can seek; a range past the end gets 416. Several ranges in one request
 * are answered with the whole file (allowed by RFC 9110), which browsers never ask for anyway.
 */
final class FileRanges {

    private static final Pattern ONE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** An inclusive byte range {@code [first, last]}. */
    record Range(long first, long last) {
        long length() {
            return last - first + 1;
        }
    }

    private FileRanges() {
    }

    /**
     * The range {@code header} asks for in a file of {@code size} bytes: {@code null} for the whole file (no header,
     * or one this class does not handle), or throws 416 when the range lies outside the file.
     */
    static Range parse(String header, long size) throws HttpProblem {
        if (header == null) {
            return null;
        }
        Matcher m = ONE_RANGE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return null;
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    throw unsatisfiable(size);
                }
                return new Range(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size || last < first) {
                throw unsatisfiable(size);
            }
            return new Range(first, last);
        } catch (NumberFormatException tooLong) {
            throw unsatisfiable(size);
        }
    }

    private static HttpProblem unsatisfiable(long size) {
        return new HttpProblem(416, "the range asked for is outside the file (" + size + " bytes)");
    }

    /** Sends {@code file} (whole or the asked range) with {@code contentType}. */
    static void send(HttpExchange exchange, Path file, String contentType) throws IOException, HttpProblem {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            Range range;
            try {
                range = parse(exchange.getRequestHeaders().getFirst("Range"), size);
            } catch (HttpProblem p) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
                throw p;
            }
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", contentType);
            headers.set("Accept-Ranges", "bytes");
            headers.set("Cache-Control", "private, max-age=60");
            long first = range == null ? 0 : range.first();
            long length = range == null ? size : range.length();
            if (range != null) {
                headers.set("Content-Range", String.format(Locale.ROOT, "bytes %d-%d/%d", range.first(), range.last(), size));
            }
            int status = range == null ? 200 : 206;
            if ("HEAD".equals(exchange.getRequestMethod()) || length == 0) {
                headers.set("Content-Length", Long.toString(length));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(status, length);
            try (OutputStream out = exchange.getResponseBody()) {
                copy(channel, first, length, out);
            }
            exchange.close();
        }
    }

    private static void copy(FileChannel channel, long first, long length, OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long position = first;
        long remaining = length;
        while (remaining > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new IOException("the file got shorter while it was sent");
            }
            out.write(buffer.array(), 0, n);
            position += n;
            remaining -= n;
        }
    }

    /** The media type of a stored file by its name. */
    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".mp4") || name.endsWith(".m4v")) {
            return "video/mp4";
        }
        if (name.endsWith(".mkv")) {
            return "video/x-matroska";
        }
        if (name.endsWith(".webm")) {
            return "video/webm";
        }
        if (name.endsWith(".avi")) {
            return "video/x-msvideo";
        }
        return "application/octet-stream";
    }
}
