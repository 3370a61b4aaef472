package dev.lookout.track;

import dev.lookout.detect.Detection;
import dev.lookout.overlay.DetectionPainter;
import dev.lookout.overlay.OverlayPainter;
import dev.lookout.overlay.RegionPainter;
import dev.lookout.overlay.TrailPainter;
import dev.lookout.track.zones.CountingLine;
import dev.lookout.track.zones.LineCounter;
import dev.lookout.track.zones.RegionCounter;
import dev.lookout.track.zones.Zone;
import dev.lookout.track.zones.ZoneCounter;
import java.awt.Graphics2D;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The overlay with identities: each box labelled {@code #12 person 87%}, a fading trail of each track's reference
 * point over the last {@code trailSeconds}, and the counting lines and zones with their live counts.
 *
 * <p>Fed with {@link #show} after each tracked frame, from the tracking thread. What a frame looks like is kept
 * with that frame's detections (by identity), so a painter on another thread that paints frames later — a
 * recorder's encoder — still draws each frame as it was: the labels, trails and counts of its own moment. The
 * last {@value #KEPT_FRAMES} frames are kept; other detections are painted with plain labels.
 */
public final class TrackOverlay implements OverlayPainter {

    static final int KEPT_FRAMES = 600;

    private record Point(double time, double x, double y) {
    }

    private record Region(double[] xs, double[] ys, boolean line, String caption) {
    }

    /** One frame as painted. */
    private record FrameLook(List<TrailPainter.Trail> trails, Map<Detection, String> labels, List<Region> regions) {
    }

    private final double trailSeconds;
    private final DetectionPainter boxes = new DetectionPainter();
    private final TrailPainter trails;
    private final RegionPainter regionPainter = new RegionPainter();
    private final Map<Long, Deque<Point>> paths = new LinkedHashMap<>();
    private final Map<Long, String> classes = new LinkedHashMap<>();
    private final Map<Detection, FrameLook> looks = new IdentityHashMap<>();
    private final Deque<List<Detection>> keptFrames = new ArrayDeque<>();
    private RegionCounter counter;

    /** An overlay whose trails cover the last {@code trailSeconds}. */
    public TrackOverlay(double trailSeconds) {
        this.trailSeconds = trailSeconds;
        this.trails = new TrailPainter(trailSeconds);
    }

    /** Also paint these lines and zones with their counts. */
    public TrackOverlay withRegions(RegionCounter regionCounter) {
        this.counter = regionCounter;
        return this;
    }

    /** Takes one tracked frame (after its count changes, so that the captions include them). */
    public void show(Tracks tracks) {
        double now = tracks.time();
        for (Track t : tracks.active()) {
            paths.computeIfAbsent(t.id(), k -> new ArrayDeque<>()).addLast(new Point(now, t.footX(), t.footY()));
            classes.put(t.id(), t.className());
        }
        for (Iterator<Map.Entry<Long, Deque<Point>>> it = paths.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Deque<Point>> e = it.next();
            Deque<Point> path = e.getValue();
            while (!path.isEmpty() && now - path.peekFirst().time() > trailSeconds) {
                path.removeFirst();
            }
            if (path.isEmpty()) {
                it.remove();
                classes.remove(e.getKey());
            }
        }
        Map<Detection, String> labels = new IdentityHashMap<>();
        for (Track t : tracks.active()) {
            labels.put(t.detection(), label(t.id(), t.detection()));
        }
        FrameLook look = new FrameLook(trails(now), labels, regions());
        List<Detection> frame = tracks.active().stream().map(Track::detection).toList();
        synchronized (looks) {
            frame.forEach(d -> looks.put(d, look));
            keptFrames.addLast(frame);
            while (keptFrames.size() > KEPT_FRAMES) {
                keptFrames.removeFirst().forEach(looks::remove);
            }
        }
    }

    private List<TrailPainter.Trail> trails(double now) {
        List<TrailPainter.Trail> list = new ArrayList<>();
        for (Map.Entry<Long, Deque<Point>> e : paths.entrySet()) {
            Deque<Point> path = e.getValue();
            double[] xs = new double[path.size()];
            double[] ys = new double[path.size()];
            double[] ages = new double[path.size()];
            int i = 0;
            for (Point p : path) {
                xs[i] = p.x();
                ys[i] = p.y();
                ages[i++] = now - p.time();
            }
            list.add(new TrailPainter.Trail(classes.get(e.getKey()), xs, ys, ages));
        }
        return list;
    }

    private List<Region> regions() {
        if (counter == null) {
            return List.of();
        }
        List<Region> list = new ArrayList<>();
        for (ZoneCounter z : counter.zones()) {
            Zone zone = z.zone();
            list.add(new Region(zone.xs(), zone.ys(), false, String.format(Locale.ROOT, "%s: %d inside, %d entered",
                    zone.name(), z.inside(), z.entries())));
        }
        for (LineCounter l : counter.lines()) {
            CountingLine line = l.line();
            long in = 0;
            long out = 0;
            for (String c : l.classes()) {
                in += l.counts(c)[0];
                out += l.counts(c)[1];
            }
            list.add(new Region(new double[] {line.x1(), line.x2()}, new double[] {line.y1(), line.y2()}, true,
                    String.format(Locale.ROOT, "%s in %d · out %d", line.name(), in, out)));
        }
        return list;
    }

    /** The label of a tracked detection: {@code #12 person 87%}. */
    public static String label(long id, Detection d) {
        return "#" + id + " " + DetectionPainter.label(d);
    }

    @Override
    public void paint(Graphics2D g, List<Detection> detections, int frameWidth, int frameHeight) {
        FrameLook look = null;
        synchronized (looks) {
            for (Detection d : detections) {
                look = look != null ? look : looks.get(d);
            }
        }
        if (look == null) {
            boxes.paint(g, detections, frameWidth, frameHeight);
            return;
        }
        for (Region r : look.regions()) {
            if (r.line()) {
                regionPainter.paintLine(g, r.xs()[0], r.ys()[0], r.xs()[1], r.ys()[1], r.caption());
            } else {
                regionPainter.paintZone(g, r.xs(), r.ys(), r.caption());
            }
        }
        trails.paint(g, look.trails());
        List<String> labels = new ArrayList<>(detections.size());
        for (Detection d : detections) {
            labels.add(look.labels().getOrDefault(d, DetectionPainter.label(d)));
        }
        boxes.paint(g, detections, labels, frameWidth, frameHeight);
    }
}
