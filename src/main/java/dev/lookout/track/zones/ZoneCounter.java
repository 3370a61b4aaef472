package dev.lookout.track.zones;

import dev.lookout.track.EndedTrack;
import dev.lookout.track.Track;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is in one zone: objects inside now, entries, exits and each object's dwell time, by the reference point
 * (bottom centre of the box). With hysteresis: a point within a margin of the zone's edge (a tenth of the box's
 * height, at least 3 px) keeps its previous state, so a box jittering on the edge enters once. A track that ends
 * while inside leaves the zone at its last sighting.
 */
public final class ZoneCounter {

    private static final double MARGIN_OF_HEIGHT = 0.1;
    private static final double MIN_MARGIN = 3;

    private static final class Visit {
        boolean inside;
        double since;
        double dwell;
        String className;
    }

    private final Zone zone;
    private final Map<Long, Visit> visits = new HashMap<>();
    private final Map<Long, Visit> insideNow = new LinkedHashMap<>();
    private long entries;
    private long exits;

    /** A counter for {@code zone}, in pixels. */
    public ZoneCounter(Zone zone) {
        if (zone.fractions()) {
            throw new IllegalArgumentException("zone " + zone.name() + " must be in pixels: call inPixels first");
        }
        this.zone = zone;
    }

    public Zone zone() {
        return zone;
    }

    /** Updates with one frame's active tracks; adds a {@link CountEvent.ZoneChange} per entry or exit. */
    public void update(double time, List<Track> active, List<CountEvent> out) {
        for (Track t : active) {
            double x = t.footX();
            double y = t.footY();
            double margin = Math.max(MIN_MARGIN, MARGIN_OF_HEIGHT * t.detection().height());
            if (zone.distanceToEdge(x, y) <= margin) {
                continue;
            }
            boolean inside = zone.contains(x, y);
            Visit v = visits.computeIfAbsent(t.id(), k -> new Visit());
            v.className = t.className();
            if (inside && !v.inside) {
                v.inside = true;
                v.since = time;
                insideNow.put(t.id(), v);
                entries++;
                out.add(new CountEvent.ZoneChange(time, zone.name(), t.id(), t.className(), true, insideNow.size(),
                        entries, exits, v.dwell));
            } else if (!inside && v.inside) {
                leave(t.id(), v, time, out);
            }
        }
    }

    private void leave(long id, Visit v, double time, List<CountEvent> out) {
        v.inside = false;
        v.dwell += Math.max(0, time - v.since);
        insideNow.remove(id);
        exits++;
        out.add(new CountEvent.ZoneChange(time, zone.name(), id, v.className, false, insideNow.size(), entries,
                exits, v.dwell));
    }

    /** Tracks that ended leave the zone at their last sighting. */
    public void ended(List<EndedTrack> ended, List<CountEvent> out) {
        for (EndedTrack e : ended) {
            Visit v = visits.remove(e.id());
            if (v != null && v.inside) {
                leave(e.id(), v, e.lastSeen(), out);
            }
        }
    }

    /** Objects in the zone now. */
    public int inside() {
        return insideNow.size();
    }

    /** Objects in the zone now, per class (sorted by class). */
    public java.util.SortedMap<String, Integer> insideByClass() {
        java.util.SortedMap<String, Integer> byClass = new java.util.TreeMap<>();
        insideNow.values().forEach(v -> byClass.merge(v.className, 1, Integer::sum));
        return byClass;
    }

    public long entries() {
        return entries;
    }

    public long exits() {
        return exits;
    }

    /** Seconds {@code trackId} has spent inside up to {@code time} (0 for an unknown track). */
    public double dwell(long trackId, double time) {
        Visit v = visits.get(trackId);
        if (v == null) {
            return 0;
        }
        return v.dwell + (v.inside ? Math.max(0, time - v.since) : 0);
    }
}
