package dev.lookout.event;

import java.util.Locale;

/** The three moments of an object event (Frigate's convention). */
public enum EventType {
    /** The watched object's track was confirmed (and, if required, entered its zone or crossed its line). */
    NEW,
    /** Something about the open event changed: a higher score, a zone, a line crossing, a better snapshot, a clip. */
    UPDATE,
    /** The track was lost (or the run ended): the event is final. */
    END;

    /** {@code new}, {@code update} or {@code end}, as written in JSON. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
