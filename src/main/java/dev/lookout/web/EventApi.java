package dev.lookout.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import dev.lookout.store.StoreException;
import dev.lookout.store.CountSeries;
import dev.lookout.store.StoreReader;
import dev.lookout.store.StoredCount;
import dev.lookout.store.StoredEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code /api/events}: the list (each event in {@link StoredEvent#json()}'s form, the one {@code lookout events
 * --json} prints), one event, and its {@code snapshot}, {@code thumbnail} and {@code clip} files. A file is served
 * only if the store names it for that event AND it lies inside the storage folder once links are resolved, so no
 * request can reach any other file.
 */
final class EventApi {

    private final StoreReader store;

    EventApi(StoreReader store) {
        this.store = store;
    }

    /** {@code GET /api/events?camera=&class=&since=&until=&limit=&offset=}. */
    void list(HttpExchange exchange) throws IOException, HttpProblem {
        var query = EventParams.parse(exchange.getRequestURI().getRawQuery(), Instant.now());
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (StoredEvent event : read(() -> store.events(query))) {
            array.add(webJson(event));
        }
        Responses.json(exchange, 200, array);
    }

    /**
     * {@code GET /api/counts?camera=&from=&to=&by=minute|hour|day|total&format=json|csv}: the stored crossings and
     * entries ({@code from} default 1 day ago, {@code to} now; {@code by} default hour, in the server's time zone),
     * as {@code [{start, camera, kind, name, direction, class, count}]} or CSV.
     */
    void counts(HttpExchange exchange) throws IOException, HttpProblem {
        java.util.Map<String, String> params = EventParams.decode(exchange.getRequestURI().getRawQuery());
        for (String name : params.keySet()) {
            if (!java.util.Set.of("camera", "from", "to", "by", "format").contains(name)) {
                throw HttpProblem.badRequest("unknown parameter '" + name + "': use camera, from, to, by or format");
            }
        }
        Instant now = Instant.now();
        Instant from = params.containsKey("from") ? EventParams.instant(params, "from", now)
                : now.minusSeconds(86_400);
        Instant to = params.containsKey("to") ? EventParams.instant(params, "to", now) : now;
        CountSeries.Bucket by;
        try {
            by = CountSeries.Bucket.of(params.getOrDefault("by", "hour"));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("by: " + e.getMessage());
        }
        String format = params.getOrDefault("format", "json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw HttpProblem.badRequest("format: '" + format + "' is not json or csv");
        }
        String camera = params.get("camera") == null || params.get("camera").isBlank() ? null : params.get("camera");
        var rows = CountSeries.sum(read(() -> store.countMinutes(camera, from, to)), by,
                java.time.ZoneId.systemDefault());
        if (format.equals("csv")) {
            var bytes = new java.io.ByteArrayOutputStream();
            try (var out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8)) {
                CountSeries.printCsv(rows, by, out);
            }
            exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"counts.csv\"");
            Responses.bytes(exchange, 200, "text/csv; charset=utf-8", bytes.toByteArray());
            return;
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (StoredCount c : rows) {
            var node = array.addObject();
            node.put("start", by == CountSeries.Bucket.TOTAL ? null : c.bucket().toString());
            node.put("camera", c.camera());
            node.put("kind", c.kind());
            node.put("name", c.name());
            node.put("direction", c.direction());
            node.put("class", c.className());
            node.put("count", c.n());
        }
        Responses.json(exchange, 200, array);
    }

    /** {@code GET /api/events/{id}}. */
    void one(HttpExchange exchange, String id) throws IOException, HttpProblem {
        Responses.json(exchange, 200, webJson(find(id)));
    }

    /**
     * An event as the API answers it: {@link StoredEvent#json()} with its {@code snapshot}, {@code thumbnail} and
     * {@code clip} as the URLs that serve them ({@code /api/events/ID/clip}), never a path of the storage folder
     * (a client cannot open the server's files, and the path tells it about the machine). Field names are kept.
     */
    static com.fasterxml.jackson.databind.node.ObjectNode webJson(StoredEvent event) {
        var node = event.json();
        String base = "/api/events/" + java.net.URLEncoder.encode(event.event().id(),
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + "/";
        for (String file : new String[] {"snapshot", "thumbnail", "clip"}) {
            if (node.hasNonNull(file)) {
                node.put(file, base + file);
            }
        }
        return node;
    }

    /** {@code GET /api/events/{id}/{snapshot|thumbnail|clip}}, with range requests. */
    void file(HttpExchange exchange, String id, String which) throws IOException, HttpProblem {
        StoredEvent event = find(id);
        Path file = switch (which) {
            case "snapshot" -> event.event().snapshot();
            case "thumbnail" -> event.thumbnail();
            case "clip" -> event.event().clip();
            default -> throw HttpProblem.notFound("no such file of an event: '" + which
                    + "' (use snapshot, thumbnail or clip)");
        };
        if (file == null) {
            throw HttpProblem.notFound("event " + id + " has no " + which);
        }
        FileRanges.send(exchange, insideStorage(file, id, which), FileRanges.contentType(file));
    }

    private Path insideStorage(Path file, String id, String which) throws HttpProblem {
        try {
            Path root = store.layout().root().toRealPath();
            Path real = file.toRealPath();
            if (!real.startsWith(root) || !Files.isRegularFile(real)) {
                throw new HttpProblem(403, "the " + which + " of event " + id + " is outside the storage folder");
            }
            return real;
        } catch (NoSuchFileException gone) {
            throw HttpProblem.notFound("the " + which + " of event " + id + " is gone (removed by retention?)");
        } catch (IOException e) {
            throw new HttpProblem(500, "cannot read the " + which + " of event " + id);
        }
    }

    private StoredEvent find(String id) throws HttpProblem {
        return read(() -> store.event(id)).orElseThrow(() -> HttpProblem.notFound("no event with id '" + id + "'"));
    }

    private interface StoreCall<T> {
        T call() throws StoreException;
    }

    private static <T> T read(StoreCall<T> call) throws HttpProblem {
        try {
            return call.call();
        } catch (StoreException e) {
            throw new HttpProblem(503, "the event store cannot be read: " + e.getMessage());
        }
    }
}
