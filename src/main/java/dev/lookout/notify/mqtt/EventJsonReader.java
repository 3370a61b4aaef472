package dev.lookout.notify.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@link dev.lookout.event.EventJson}'s form back into an {@link EventChange} (a remote node's message).
 * Paths in it are the remote node's own and are kept only as names.
 */
final class EventJsonReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventJsonReader() {
    }

    /** The change in {@code json}; an {@link IOException} says which field is missing or wrong. */
    static EventChange change(byte[] json) throws IOException {
        JsonNode node = JSON.readTree(json);
        if (node == null || !node.isObject()) {
            throw new IOException("an event message must be a JSON object");
        }
        try {
            EventType type = EventType.valueOf(text(node, "type").toUpperCase(Locale.ROOT));
            JsonNode before = node.get("before");
            return new EventChange(type, before == null || before.isNull() ? null : event(before),
                    event(node.get("after")));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new IOException("not a Lookout event: " + e.getMessage());
        }
    }

    private static ObjectEvent event(JsonNode e) throws IOException {
        if (e == null || !e.isObject()) {
            throw new IOException("'after' must be an event object");
        }
        double[] box = new double[4];
        JsonNode b = e.path("box");
        for (int i = 0; i < 4 && i < b.size(); i++) {
            box[i] = b.get(i).asDouble();
        }
        String end = e.path("end").isTextual() ? e.get("end").asText() : null;
        return new ObjectEvent(text(e, "id"), text(e, "camera"), e.path("track_id").asLong(), text(e, "class"),
                Instant.parse(text(e, "start")), end == null ? null : Instant.parse(end), e.path("score").asDouble(),
                e.path("top_score").asDouble(), box, strings(e.path("zones")), strings(e.path("lines")),
                e.path("stationary").asBoolean(), path(e.path("snapshot")), path(e.path("clip")));
    }

    private static String text(JsonNode node, String field) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IOException("field '" + field + "' is missing or not a string");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static Path path(JsonNode v) {
        return v.isTextual() ? Path.of(v.asText()) : null;
    }
}
