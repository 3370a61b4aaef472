package dev.lookout.monitor;

import dev.lookout.event.EventChange;
import dev.lookout.event.ObjectEvent;
import dev.lookout.record.MonitorEvent;
import dev.lookout.store.EventStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which clip each object event of one camera has. It comes from the record package's event (one clip per presence
 * of watched classes), whose file appears on its own worker thread and rarely in step with the object events: a
 * track's event is usually new before the clip has started, and often ends before the clip is final. So a clip,
 * once known, stays with the event for its later changes ({@link #attach}), and a clip that appears after an
 * event's last change is written to the store's row directly ({@link #filesKnown}); it is never forgotten by a
 * later change.
 *
 * <p>Remembered: open events, and ended ones until their clip is final or, without a clip, until the next one
 * starts; at most {@link #LIMIT} (the oldest go first). Thread-safe.
 */
final class EventFiles {

    static final int LIMIT = 1000;

    private static final class Entry {
        Path clip;
        Instant clipStart;
        Instant start;
        Instant end;
        /** True once a change of the event has reached the store (its row exists). */
        boolean passed;
        Long spanFrom;
        Long spanTo;
    }

    private final EventStore store;
    private final Duration reach;
    private final Duration postRoll;
    private final Map<String, Entry> events = new LinkedHashMap<>();

    /**
     * @param reach how far back a clip reaches before its start (the pre-roll): an event that ended without a
     *     clip within that time gets the next clip's files
     * @param postRoll how long a clip goes on after an event's end
     */
    EventFiles(EventStore store, Duration reach, Duration postRoll) {
        this.store = store;
        this.reach = reach;
        this.postRoll = postRoll;
    }

    /**
     * The change with the event's known clip added: the one it already had, else that of {@code open} (the
     * record package's event recording now, or null).
     */
    synchronized EventChange attach(EventChange change, MonitorEvent open) {
        ObjectEvent a = change.after();
        Entry e = events.computeIfAbsent(a.id(), id -> new Entry());
        boolean sameClip = open != null && (e.clip == null || e.clip.equals(open.clip()));
        Path clip = first(a.clip(), e.clip, sameClip ? open.clip() : null);
        if (clip != null && !clip.equals(e.clip) && sameClip && clip.equals(open.clip())) {
            e.clipStart = open.clipStarted().toInstant();
        }
        e.clip = clip;
        e.start = a.start();
        e.end = a.end();
        trim();
        if (Objects.equals(e.clip, a.clip())) {
            return change;
        }
        ObjectEvent with = new ObjectEvent(a.id(), a.camera(), a.trackId(), a.className(), a.start(), a.end(),
                a.score(), a.topScore(), a.box(), a.zones(), a.lines(), a.stationary(), a.snapshot(), e.clip);
        return new EventChange(change.type(), change.before(), with);
    }

    /**
     * The record package's event {@code m} started (its clip) or ended (the clip final): events still without a
     * clip get the new one, or the ended one if they happened while it recorded, in the store's rows too. Ended
     * events whose clip is final are forgotten.
     */
    synchronized void filesKnown(MonitorEvent m) {
        Instant recent = Instant.now().minus(reach);
        for (Iterator<Map.Entry<String, Entry>> it = events.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Entry> item = it.next();
            Entry e = item.getValue();
            if (e.clip == null && m.clip() != null
                    && (m.isOver() ? overlaps(e, m) : e.end == null || !e.end.isBefore(recent))) {
                e.clip = m.clip();
                e.clipStart = m.clipStarted().toInstant();
                store.eventFiles(item.getKey(), e.clip, null);
            } else if (e.clipStart == null && m.clip() != null && m.clip().equals(e.clip)) {
                e.clipStart = m.clipStarted().toInstant();
            }
            if (e.passed) {
                writeSpan(item.getKey(), e);
            }
            boolean clipFinal = m.isOver() && m.clip() != null && m.clip().equals(e.clip);
            if (e.end != null && e.passed && m.isOver()
                    && (clipFinal || (e.clip == null && e.end.isBefore(recent)))) {
                it.remove();
            }
        }
    }

    /** {@code change} (as {@link #attach} made it) has reached the store: its span in the clip can be written. */
    synchronized void passed(EventChange change) {
        Entry e = events.get(change.after().id());
        if (e != null) {
            e.passed = true;
            writeSpan(change.after().id(), e);
        }
    }

    /**
     * Where the event is in its clip, in milliseconds from the clip's first frame: from its start less the
     * pre-roll to its end plus the post-roll (open while it lasts); written when it changes.
     */
    private void writeSpan(String id, Entry e) {
        if (e.clip == null || e.clipStart == null || e.start == null) {
            return;
        }
        long from = Math.max(0, Duration.between(e.clipStart, e.start.minus(reach)).toMillis());
        Long to = e.end == null ? null
                : Math.max(from, Duration.between(e.clipStart, e.end.plus(postRoll)).toMillis());
        if (!Objects.equals(from, e.spanFrom) || !Objects.equals(to, e.spanTo)) {
            e.spanFrom = from;
            e.spanTo = to;
            store.clipSpan(id, from, to);
        }
    }

    /** True when the event {@code e} happened while the ended {@code m} recorded (its pre-roll included). */
    private boolean overlaps(Entry e, MonitorEvent m) {
        Instant from = m.started().toInstant().minus(reach);
        return !e.start.isAfter(m.ended().toInstant()) && (e.end == null || !e.end.isBefore(from));
    }

    /** How many events are remembered (for tests). */
    synchronized int remembered() {
        return events.size();
    }

    private void trim() {
        Iterator<String> oldest = events.keySet().iterator();
        while (events.size() > LIMIT && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    private static Path first(Path a, Path b, Path c) {
        return a != null ? a : b != null ? b : c;
    }
}
