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
import java.util.TreeSet;

/**
 * The overlay with identities: each box labelled {@code #12 person 87%}, a fading trail of each track's reference
 * point over the last {@code trailSeconds}, and the counting lines and zones with their live counts. Fed with
 * {@link #show} after each tracked frame; paints the detections it is given (those of the last shown frame get
 * their track number). Used from one thread (the one that tracks and paints).
 */
public final class TrackOverlay implements OverlayPainter {

    private record Point(double time, double x, double y) {
    }

    private final double trailSeconds;
    private final DetectionPainter boxes = new DetectionPainter();
    private final TrailPainter trails;
    private final RegionPainter regions = new RegionPainter();
    private final Map<Long, Deque<Point>> paths = new LinkedHashMap<>();
    private final Map<Long, String> classes = new LinkedHashMap<>();
    private Map<Detection, Track> current = new IdentityHashMap<>();
    private RegionCounter counter;
    private double now;

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

    /** Takes one tracked frame. */
    public void show(Tracks tracks) {
        now = tracks.time();
        Map<Detection, Track> byDetection = new IdentityHashMap<>();
        for (Track t : tracks.active()) {
            byDetection.put(t.detection(), t);
            paths.computeIfAbsent(t.id(), k -> new ArrayDeque<>()).addLast(new Point(now, t.footX(), t.footY()));
            classes.put(t.id(), t.className());
        }
        current = byDetection;
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
    }

    /** The label of a tracked detection: {@code #12 person 87%}. */
    public static String label(long id, Detection d) {
        return "#" + id + " " + DetectionPainter.label(d);
    }

    @Override
    public void paint(Graphics2D g, List<Detection> detections, int frameWidth, int frameHeight) {
        if (counter != null) {
            for (ZoneCounter z : counter.zones()) {
                Zone zone = z.zone();
                regions.paintZone(g, zone.xs(), zone.ys(), String.format(Locale.ROOT, "%s: %d inside, %d entered",
                        zone.name(), z.inside(), z.entries()));
            }
            for (LineCounter l : counter.lines()) {
                CountingLine line = l.line();
                long in = 0;
                long out = 0;
                for (String c : new TreeSet<>(l.classes())) {
                    in += l.counts(c)[0];
                    out += l.counts(c)[1];
                }
                regions.paintLine(g, line.x1(), line.y1(), line.x2(), line.y2(),
                        String.format(Locale.ROOT, "%s in %d · out %d", line.name(), in, out));
            }
        }
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
        trails.paint(g, list);
        List<String> labels = new ArrayList<>(detections.size());
        for (Detection d : detections) {
            Track t = current.get(d);
            labels.add(t != null ? label(t.id(), d) : DetectionPainter.label(d));
        }
        boxes.paint(g, detections, labels, frameWidth, frameHeight);
    }
}
