package dev.lookout.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * The one JSON form of events, shared by {@code events.jsonl}, the store's export, MQTT, webhooks and HTTP:
 * {@code {"type": "new"|"update"|"end", "before": {...}|null, "after": {...}}}, each event as
 * {@code {id, camera, track_id, class, start, end, score, top_score, box, zones, lines, stationary, snapshot,
 * clip}} with times as ISO-8601 UTC strings and paths as strings ({@code null} when absent).
 */
public final class EventJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventJson() {
    }

    /** The change as one JSON object. */
    public static ObjectNode change(EventChange change) {
        ObjectNode node = NODES.objectNode();
        node.put("type", change.type().wireName());
        node.set("before", change.before() == null ? NODES.nullNode() : event(change.before()));
        node.set("after", event(change.after()));
        return node;
    }

    /**
     * The change as it leaves the node (MQTT, webhooks): its snapshot and clip as paths relative to the storage
     * folder {@code storageRoot}, never the folder's absolute path (which tells a receiver about the machine and
     * opens nothing there); a file outside it, or any file when {@code storageRoot} is null, by its name alone.
     */
    public static ObjectNode published(EventChange change, Path storageRoot) {
        ObjectNode node = change(change);
        for (String side : new String[] {"before", "after"}) {
            if (node.get(side) instanceof ObjectNode e) {
                ObjectEvent event = side.equals("after") ? change.after() : change.before();
                putPublic(e, "snapshot", event.snapshot(), storageRoot);
                putPublic(e, "clip", event.clip(), storageRoot);
            }
        }
        return node;
    }

    /** {@code path} relative to {@code storageRoot} with '/' separators, or its file name; null stays null. */
    public static String publicPath(Path path, Path storageRoot) {
        if (path == null) {
            return null;
        }
        Path absolute = path.toAbsolutePath().normalize();
        Path root = storageRoot == null ? null : storageRoot.toAbsolutePath().normalize();
        Path shown = root != null && absolute.startsWith(root) && !absolute.equals(root) ? root.relativize(absolute)
                : absolute.getFileName();
        return shown == null ? null : shown.toString().replace(java.io.File.separatorChar, '/');
    }

    private static void putPublic(ObjectNode node, String field, Path path, Path storageRoot) {
        String text = publicPath(path, storageRoot);
        if (text == null) {
            node.putNull(field);
        } else {
            node.put(field, text);
        }
    }

    /** The change as one line of JSON (no line break). */
    public static String line(EventChange change) {
        try {
            return JSON.writeValueAsString(change(change));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write an event as JSON", e);
        }
    }

    /** One event as a JSON object. */
    public static ObjectNode event(ObjectEvent e) {
        ObjectNode node = NODES.objectNode();
        node.put("id", e.id());
        node.put("camera", e.camera());
        node.put("track_id", e.trackId());
        node.put("class", e.className());
        node.put("start", e.start().toString());
        if (e.end() == null) {
            node.putNull("end");
        } else {
            node.put("end", e.end().toString());
        }
        node.put("score", e.score());
        node.put("top_score", e.topScore());
        ArrayNode box = node.putArray("box");
        for (double v : e.box()) {
            box.add(v);
        }
        ArrayNode zones = node.putArray("zones");
        e.zones().forEach(zones::add);
        ArrayNode lines = node.putArray("lines");
        e.lines().forEach(lines::add);
        node.put("stationary", e.stationary());
        putPath(node, "snapshot", e.snapshot());
        putPath(node, "clip", e.clip());
        return node;
    }

    /**
     * The event that {@link #event} wrote: the inverse of it, for files Lookout reads back (the store's journal).
     *
     * @throws IllegalArgumentException when a field is missing or of the wrong kind
     */
    public static ObjectEvent parseEvent(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            double[] box = new double[4];
            for (int i = 0; i < 4; i++) {
                box[i] = node.get("box").get(i).asDouble();
            }
            return new ObjectEvent(node.get("id").asText(), node.get("camera").asText(),
                    node.get("track_id").asLong(), node.get("class").asText(),
                    java.time.Instant.parse(node.get("start").asText()),
                    node.get("end").isNull() ? null : java.time.Instant.parse(node.get("end").asText()),
                    node.get("score").asDouble(), node.get("top_score").asDouble(), box, strings(node.get("zones")),
                    strings(node.get("lines")), node.get("stationary").asBoolean(), path(node.get("snapshot")),
                    path(node.get("clip")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an event: " + e.getMessage(), e);
        }
    }

    private static java.util.List<String> strings(com.fasterxml.jackson.databind.JsonNode array) {
        java.util.List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Path path(com.fasterxml.jackson.databind.JsonNode value) {
        return value == null || value.isNull() ? null : Path.of(value.asText());
    }

    private static void putPath(ObjectNode node, String field, Path path) {
        if (path == null) {
            node.putNull(field);
        } else {
            node.put(field, path.toString());
        }
    }
}
