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
 * Which clip and snapshot each object event of one camera has. The two come from the record package's event (one
 * clip per presence of watched classes, a snapshot when it starts and the best one when it ends), whose files
 * appear on its own worker thread and rarely in step with the object events: a track's event is usually new
 * before the clip has started, and often ends before the clip is final. So files, once known, stay with the event
 * for its later changes ({@link #attach}), and files that appear after an event's last change are written to the
 * store's row directly ({@link #filesKnown}); a file is never forgotten by a later change.
 *
 * <p>Remembered: open events, and ended ones until their clip is final or, without a clip, until the next one
 * starts; at most {@link #LIMIT} (the oldest go first). Thread-safe.
 */
final class EventFiles {

    static final int LIMIT = 1000;

    private static final class Entry {
        Path clip;
        Path snapshot;
        Instant start;
        Instant end;
    }

    private final EventStore store;
    private final Duration reach;
    private final Map<String, Entry> events = new LinkedHashMap<>();

    /**
     * @param reach how far back a clip reaches before its start (the pre-roll): an event that ended without a
     *     clip within that time gets the next clip's files
     */
    EventFiles(EventStore store, Duration reach) {
        this.store = store;
        this.reach = reach;
    }

    /**
     * The change with the event's known files added: those it already had, else those of {@code open} (the
     * record package's event recording now, or null).
     */
    synchronized EventChange attach(EventChange change, MonitorEvent open) {
        ObjectEvent a = change.after();
        Entry e = events.computeIfAbsent(a.id(), id -> new Entry());
        boolean sameClip = open != null && (e.clip == null || e.clip.equals(open.clip()));
        e.clip = first(a.clip(), e.clip, sameClip ? open.clip() : null);
        e.snapshot = first(a.snapshot(), e.snapshot, sameClip ? open.snapshot() : null);
        e.start = a.start();
        e.end = a.end();
        trim();
        if (Objects.equals(e.clip, a.clip()) && Objects.equals(e.snapshot, a.snapshot())) {
            return change;
        }
        ObjectEvent with = new ObjectEvent(a.id(), a.camera(), a.trackId(), a.className(), a.start(), a.end(),
                a.score(), a.topScore(), a.box(), a.zones(), a.lines(), a.stationary(), e.snapshot, e.clip);
        return new EventChange(change.type(), change.before(), with);
    }

    /**
     * The record package's event {@code m} started (its clip and first snapshot) or ended (its best snapshot, the
     * clip final): events still without files get the new clip's, or the ended clip's if they happened while it
     * recorded; events of the clip get its first snapshot if they have none, and its best one when it ends; all in
     * the store's rows. Ended events whose files are final are forgotten.
     */
    synchronized void filesKnown(MonitorEvent m) {
        Instant recent = Instant.now().minus(reach);
        for (Iterator<Map.Entry<String, Entry>> it = events.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Entry> item = it.next();
            Entry e = item.getValue();
            boolean ofThisClip = m.clip() != null && m.clip().equals(e.clip);
            Path clip = e.clip;
            Path snapshot = e.snapshot;
            if (clip == null && (m.isOver() ? overlaps(e, m) : e.end == null || !e.end.isBefore(recent))) {
                clip = m.clip();
                snapshot = snapshot != null ? snapshot : m.snapshot();
            } else if (ofThisClip && m.snapshot() != null && (m.isOver() || snapshot == null)) {
                snapshot = m.snapshot(); // the best one at the end; the first one for events that came before it
            }
            if (!Objects.equals(clip, e.clip) || !Objects.equals(snapshot, e.snapshot)) {
                e.clip = clip;
                e.snapshot = snapshot;
                store.eventFiles(item.getKey(), clip, snapshot);
            }
            boolean clipFinal = m.isOver() && m.clip() != null && m.clip().equals(e.clip);
            if (e.end != null && m.isOver() && (clipFinal || (e.clip == null && e.end.isBefore(recent)))) {
                it.remove();
            }
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
