package dev.lookout.track.events;

import dev.lookout.event.EventChange;
import dev.lookout.event.EventSink;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import dev.lookout.track.EndedTrack;
import dev.lookout.track.Track;
import dev.lookout.track.Tracks;
import dev.lookout.track.zones.CountEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One event per watched object: turns each frame's tracks and count changes into {@link EventChange}s.
 * <ul>
 * <li>{@code new} when a watched track is established ({@link EventGate}: old enough, seen often enough, with a
 * high enough median score) and not stationary — and, with required zones or lines, once it has entered one of
 * them or crossed one. Its start is the track's first sighting (or the moment it met the requirement);
 * <li>{@code update} when its top score rises, it enters a zone, crosses a line, or becomes (or stops being)
 * stationary;
 * <li>{@code end} when the tracker gives the track up (lost longer than its buffer), or at {@link #finish}.
 * </ul>
 * A track that vanishes before it is established makes no event at all.
 * A stationary track opens no event (a parked car does not re-trigger); it keeps an event it already has.
 * Times are the source's seconds mapped onto {@code origin}. Not thread-safe: one instance per source.
 */
public final class TrackEvents {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .withZone(ZoneOffset.UTC);

    private final EventRules rules;
    private final Instant origin;
    private final EventSink sink;
    private final Map<Long, ObjectEvent> open = new LinkedHashMap<>();
    /** Watched tracks whose event has not opened yet. */
    private final Map<Long, Sightings> pending = new HashMap<>();
    /** Zones entered and lines crossed per track, also before its event opens. */
    private final Map<Long, Set<String>> zonesOf = new HashMap<>();
    private final Map<Long, List<String>> linesOf = new HashMap<>();

    /**
     * @param origin the wall-clock time of the source's second 0
     */
    public TrackEvents(EventRules rules, Instant origin, EventSink sink) {
        this.rules = rules;
        this.origin = origin;
        this.sink = sink;
    }

    /** Takes one frame: its tracks and the count changes they made. */
    public void update(Tracks tracks, List<CountEvent> counts) {
        Set<Long> touched = new LinkedHashSet<>();
        for (CountEvent c : counts) {
            if (c instanceof CountEvent.ZoneChange z && z.entered()) {
                zonesOf.computeIfAbsent(z.trackId(), k -> new LinkedHashSet<>()).add(z.zone());
                touched.add(z.trackId());
            } else if (c instanceof CountEvent.Crossing x) {
                linesOf.computeIfAbsent(x.trackId(), k -> new ArrayList<>()).add(x.line() + ":" + x.direction());
                touched.add(x.trackId());
            }
        }
        for (Track t : tracks.active()) {
            if (!rules.watches(t.className())) {
                continue;
            }
            ObjectEvent before = open.get(t.id());
            if (before == null) {
                open(t, tracks.time());
                continue;
            }
            ObjectEvent after = event(t, tracks.time(), before, 0);
            open.put(t.id(), after);
            if (after.topScore() > before.topScore() || touched.contains(t.id())
                    || after.stationary() != before.stationary()) {
                sink.onEvent(new EventChange(EventType.UPDATE, before, after));
            }
        }
        for (EndedTrack e : tracks.ended()) {
            end(e.id(), e.lastSeen());
        }
    }

    /** Opens the event of a watched track without one, once it is established and meets the requirement. */
    private void open(Track t, double time) {
        Sightings s = pending.computeIfAbsent(t.id(), id -> new Sightings(t, time));
        s.saw(t);
        if (Double.isNaN(s.requiredSince) && meetsRequirement(t.id())) {
            s.requiredSince = rules.required().isEmpty() ? s.firstSeen : time;
        }
        if (t.stationary() || Double.isNaN(s.requiredSince) || !s.passes(rules.gate(t.className()), time)) {
            return;
        }
        pending.remove(t.id());
        ObjectEvent created = event(t, Math.max(s.firstSeen, s.requiredSince), null, s.topScore());
        open.put(t.id(), created);
        sink.onEvent(new EventChange(EventType.NEW, null, created));
    }

    /** Ends every open event at {@code seconds} (the run is over) — or at each track's last sighting if given. */
    public void finish(List<EndedTrack> ended, double seconds) {
        for (EndedTrack e : ended) {
            end(e.id(), e.lastSeen());
        }
        for (Long id : List.copyOf(open.keySet())) {
            end(id, seconds);
        }
        pending.clear();
    }

    /** The number of events open now. */
    public int openEvents() {
        return open.size();
    }

    private void end(long trackId, double seconds) {
        pending.remove(trackId);
        zonesOf.remove(trackId);
        linesOf.remove(trackId);
        ObjectEvent before = open.remove(trackId);
        if (before == null) {
            return;
        }
        ObjectEvent after = new ObjectEvent(before.id(), before.camera(), before.trackId(), before.className(),
                before.start(), at(seconds), before.score(), before.topScore(), before.box(), before.zones(),
                before.lines(), before.stationary(), before.snapshot(), before.clip());
        sink.onEvent(new EventChange(EventType.END, before, after));
    }

    private boolean meetsRequirement(long trackId) {
        if (rules.required().isEmpty()) {
            return true;
        }
        for (String zone : zonesOf.getOrDefault(trackId, Set.of())) {
            if (rules.required().contains(zone)) {
                return true;
            }
        }
        for (String crossing : linesOf.getOrDefault(trackId, List.of())) {
            if (rules.required().contains(crossing.substring(0, crossing.lastIndexOf(':')))) {
                return true;
            }
        }
        return false;
    }

    /** The event of {@code t} now: a new one starting at {@code start} seconds when {@code before} is null. */
    private ObjectEvent event(Track t, double start, ObjectEvent before, double earlierTop) {
        Instant started = before != null ? before.start() : at(start);
        String id = before != null ? before.id()
                : rules.camera() + "-" + STAMP.format(started) + "-" + t.id();
        double score = t.detection().score();
        double top = Math.max(before != null ? before.topScore() : earlierTop, score);
        double[] box = {t.detection().x(), t.detection().y(), t.detection().width(), t.detection().height()};
        return new ObjectEvent(id, rules.camera(), t.id(), t.className(), started, null, score, top, box,
                List.copyOf(zonesOf.getOrDefault(t.id(), Set.of())), linesOf.getOrDefault(t.id(), List.of()),
                t.stationary(), before != null ? before.snapshot() : null, before != null ? before.clip() : null);
    }

    private Instant at(double seconds) {
        return origin.plusNanos(Math.round(seconds * 1e9));
    }
}
