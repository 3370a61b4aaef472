package dev.lookout.notify.webhook;

import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most one notified event per camera and class within the cool-down: a {@code new} change passes only if no
 * event of that camera and class passed in the last {@code period}; an {@code update} or {@code end} passes only if
 * its event's {@code new} did, so one appearance never notifies half its story.
 */
final class Cooldown {

    private static final int REMEMBERED_EVENTS = 1024;

    private final Duration period;
    private final Clock clock;
    private final Map<String, Instant> lastByCameraAndClass = new HashMap<>();
    private final Map<String, Boolean> admittedEvents = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_EVENTS;
        }
    };

    Cooldown(Duration period, Clock clock) {
        this.period = period;
        this.clock = clock;
    }

    /** True if {@code change} may be sent now (and records that it was). */
    synchronized boolean admit(EventChange change) {
        String id = change.after().id();
        if (change.type() != EventType.NEW) {
            boolean admitted = admittedEvents.containsKey(id);
            if (change.type() == EventType.END) {
                admittedEvents.remove(id);
            }
            return admitted;
        }
        String key = change.after().camera() + "\u0000" + change.after().className();
        Instant now = clock.instant();
        Instant last = lastByCameraAndClass.get(key);
        if (last != null && now.isBefore(last.plus(period))) {
            return false;
        }
        lastByCameraAndClass.put(key, now);
        admittedEvents.put(id, Boolean.TRUE);
        return true;
    }
}
