package dev.lookout.event;

import java.util.Objects;

/**
 * One change of an object event: its state {@code before} ({@code null} for {@link EventType#NEW}) and
 * {@code after} it.
 */
public record EventChange(EventType type, ObjectEvent before, ObjectEvent after) {

    public EventChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(after, "after");
        if ((type == EventType.NEW) != (before == null)) {
            throw new IllegalArgumentException("a 'new' change has no 'before', and only a 'new' change lacks one");
        }
        if (type == EventType.END && after.end() == null) {
            throw new IllegalArgumentException("an 'end' change needs an end time");
        }
    }
}
