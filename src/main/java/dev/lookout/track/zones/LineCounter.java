package dev.lookout.track.zones;

import dev.lookout.detect.Detection;
import dev.lookout.track.EndedTrack;
import dev.lookout.track.Track;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the objects crossing one line by the path of their reference point (bottom centre of the box).
 *
 * <p>Hysteresis: a point is firmly on a side only when it is more than a margin away from the line (a tenth of the
 * box's height, at least 3 px); in between, the last firm side holds. A crossing is counted when a track goes from
 * one firm side to the other and the move between the two firm points passes between the line's ends. A box that
 * jitters on the line therefore counts once; an object that comes back counts again, the other way.
 */
public final class LineCounter {

    private static final double MARGIN_OF_HEIGHT = 0.1;
    private static final double MIN_MARGIN = 3;

    private record Firm(int side, double x, double y) {
    }

    private final CountingLine line;
    private final Map<Long, Firm> lastFirm = new HashMap<>();
    private final Map<String, long[]> counts = new HashMap<>(); // class -> {in, out}

    /** A counter for {@code line}, in pixels. */
    public LineCounter(CountingLine line) {
        if (line.fractions()) {
            throw new IllegalArgumentException("line " + line.name() + " must be in pixels: call inPixels first");
        }
        this.line = line;
    }

    public CountingLine line() {
        return line;
    }

    /** Updates with one frame's active tracks; adds a {@link CountEvent.Crossing} per crossing to {@code out}. */
    public void update(double time, List<Track> active, List<CountEvent> out) {
        for (Track t : active) {
            if (!lastFirm.containsKey(t.id())) {
                // the path starts at the track's first detection, a frame or more before it was confirmed
                Detection first = t.firstDetection();
                Firm origin = firm(first.x() + first.width() / 2, first.bottom(), first.height());
                if (origin != null) {
                    lastFirm.put(t.id(), origin);
                }
            }
            double x = t.footX();
            double y = t.footY();
            Firm now = firm(x, y, t.detection().height());
            if (now == null) {
                continue;
            }
            int side = now.side;
            Firm before = lastFirm.put(t.id(), now);
            if (before != null && before.side != side && line.passesBetweenEnds(before.x, before.y, x, y)) {
                long[] c = counts.computeIfAbsent(t.className(), k -> new long[2]);
                boolean in = side > 0;
                c[in ? 0 : 1]++;
                out.add(new CountEvent.Crossing(time, line.name(), t.id(), t.className(), in, c[0], c[1]));
            }
        }
    }

    /** The firm side of a reference point, or null within the margin of the line. */
    private Firm firm(double x, double y, double boxHeight) {
        double margin = Math.max(MIN_MARGIN, MARGIN_OF_HEIGHT * boxHeight);
        double s = line.side(x, y);
        return Math.abs(s) <= margin ? null : new Firm(s > 0 ? 1 : -1, x, y);
    }

    /** Forgets tracks that ended. */
    public void ended(List<EndedTrack> ended) {
        ended.forEach(e -> lastFirm.remove(e.id()));
    }

    /**
     * Adds crossings counted before (a restart resumes the stored totals): {@code in} and {@code out} of
     * {@code className}; later crossings count on from them.
     */
    public void resume(String className, long in, long out) {
        long[] c = counts.computeIfAbsent(className, k -> new long[2]);
        c[0] += in;
        c[1] += out;
    }

    /** Crossings of {@code className} so far: {@code {in, out}}. */
    public long[] counts(String className) {
        return counts.getOrDefault(className, new long[2]).clone();
    }

    /** The classes that have crossed so far. */
    public java.util.Set<String> classes() {
        return java.util.Set.copyOf(counts.keySet());
    }
}
