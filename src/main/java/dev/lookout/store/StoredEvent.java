package dev.lookout.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.event.EventJson;
import dev.lookout.event.ObjectEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * An event as the store holds it: the event (paths absolute), whether its end time is only the last time the store
 * heard of it because Lookout stopped without ending it ({@code endUnknown}), its thumbnail if any, and where it is
 * in its clip: {@code clipFrom} to {@code clipTo} from the clip's first frame (its start less the pre-roll to its
 * end plus the post-roll; {@code clipTo} null while it lasts or when unknown, {@code clipFrom} null when unknown,
 * i.e. the whole clip).
 */
public record StoredEvent(ObjectEvent event, boolean endUnknown, Path thumbnail, Duration clipFrom,
        Duration clipTo) {

    public StoredEvent {
        Objects.requireNonNull(event, "event");
    }

    /** An event without a known span in its clip. */
    public StoredEvent(ObjectEvent event, boolean endUnknown, Path thumbnail) {
        this(event, endUnknown, thumbnail, null, null);
    }

    /**
     * {@link EventJson#event}'s one JSON form, plus {@code end_unknown}, {@code thumbnail}, and {@code clip_from}
     * and {@code clip_to} in seconds (null when unknown).
     */
    public ObjectNode json() {
        ObjectNode node = EventJson.event(event);
        node.put("end_unknown", endUnknown);
        if (thumbnail == null) {
            node.putNull("thumbnail");
        } else {
            node.put("thumbnail", thumbnail.toString());
        }
        seconds(node, "clip_from", event.clip() == null ? null : clipFrom);
        seconds(node, "clip_to", event.clip() == null ? null : clipTo);
        return node;
    }

    private static void seconds(ObjectNode node, String name, Duration d) {
        if (d == null) {
            node.putNull(name);
        } else {
            node.put(name, d.toMillis() / 1000.0);
        }
    }
}
