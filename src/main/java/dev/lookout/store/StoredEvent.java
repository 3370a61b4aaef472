package dev.lookout.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.event.EventJson;
import dev.lookout.event.ObjectEvent;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An event as the store holds it: the event (paths absolute), whether its end time is only the last time the store
 * heard of it because Lookout stopped without ending it ({@code endUnknown}), and its thumbnail if any.
 */
public record StoredEvent(ObjectEvent event, boolean endUnknown, Path thumbnail) {

    public StoredEvent {
        Objects.requireNonNull(event, "event");
    }

    /** {@link EventJson#event}'s one JSON form, plus {@code end_unknown} and {@code thumbnail}. */
    public ObjectNode json() {
        ObjectNode node = EventJson.event(event);
        node.put("end_unknown", endUnknown);
        if (thumbnail == null) {
            node.putNull("thumbnail");
        } else {
            node.put("thumbnail", thumbnail.toString());
        }
        return node;
    }
}
