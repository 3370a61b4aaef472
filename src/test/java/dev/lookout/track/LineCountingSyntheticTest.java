package dev.lookout.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.track.zones.CountEvent;
import dev.lookout.track.zones.CountingLine;
import dev.lookout.track.zones.RegionCounter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every line crossing of the synthetic scenes, counted from the tracker's output, equals the exact truth. */
class LineCountingSyntheticTest {

    private static final List<CountingLine> LINES = List.of(
            new CountingLine("middle", 640, 0, 640, 720, false),
            new CountingLine("left", 300, 50, 300, 700, false),
            new CountingLine("right", 0.75, 0.1, 0.75, 0.95, true));

    @Test
    void everyCrossingIsCountedExactly() {
        int scenes = 0;
        long crossings = 0;
        long[] unseen = {0};
        for (SyntheticScene scene : ByteTrackerSyntheticTest.scenes()) {
            Map<String, Long> truth = truthCrossings(scene, unseen);
            Map<String, Long> counted = new TreeMap<>();
            RegionCounter counter = new RegionCounter(LINES, List.of());
            ByteTracker tracker = new ByteTracker();
            for (SyntheticScene.Frame f : scene.frames()) {
                Tracks tracks = tracker.update(f.time(), f.detections());
                for (CountEvent e : counter.update(tracks, SyntheticScene.WIDTH, SyntheticScene.HEIGHT)) {
                    CountEvent.Crossing c = (CountEvent.Crossing) e;
                    counted.merge(c.line() + " " + c.className() + " " + c.direction(), 1L, Long::sum);
                }
            }
            assertEquals(truth, counted, "scene " + scenes);
            crossings += truth.values().stream().mapToLong(Long::longValue).sum();
            scenes++;
        }
        System.out.println(crossings + " crossings counted exactly; " + unseen[0] + " made while hidden for longer "
                + "than the lost buffer (or to the end) were not expected");
        assertTrue(crossings >= 50, "the scenes cross the lines " + crossings + " times");
        assertTrue(unseen[0] <= crossings / 20, unseen[0] + " crossings unseen: the scenes hide too much");
    }

    /**
     * Crossings of the true paths of the reference points, by plain geometry (no margin). A crossing made while
     * the object was hidden behind another for longer than the tracker's lost buffer (two people walking together)
     * cannot be seen by any tracker: it is counted in {@code unseen} instead.
     */
    private static Map<String, Long> truthCrossings(SyntheticScene scene, long[] unseen) {
        Map<String, Long> counts = new TreeMap<>();
        Map<Long, double[]> last = new HashMap<>();
        for (SyntheticScene.Frame f : scene.frames()) {
            for (SyntheticScene.Truth g : f.truth()) {
                double[] p = {g.footX(), g.footY()};
                double[] q = last.put(g.id(), p);
                if (q == null) {
                    continue;
                }
                for (CountingLine spec : LINES) {
                    CountingLine l = spec.inPixels(SyntheticScene.WIDTH, SyntheticScene.HEIGHT);
                    double dx = l.x2() - l.x1();
                    double dy = l.y2() - l.y1();
                    double sq = dx * (q[1] - l.y1()) - dy * (q[0] - l.x1());
                    double sp = dx * (p[1] - l.y1()) - dy * (p[0] - l.x1());
                    if (Math.signum(sq) == Math.signum(sp) || sq == 0) {
                        continue;
                    }
                    double t = sq / (sq - sp);
                    double cx = q[0] + t * (p[0] - q[0]);
                    double cy = q[1] + t * (p[1] - q[1]);
                    double u = ((cx - l.x1()) * dx + (cy - l.y1()) * dy) / (dx * dx + dy * dy);
                    if (u >= 0 && u <= 1 && g.hidden() && hiddenLongerThanBuffer(scene, g.id(), f.time())) {
                        unseen[0]++;
                    } else if (u >= 0 && u <= 1) {
                        counts.merge(l.name() + " " + g.className() + " " + (sp > 0 ? "in" : "out"), 1L, Long::sum);
                    }
                }
            }
        }
        return counts;
    }

    /**
     * True when the hidden stretch of {@code id} that includes {@code time} lasts longer than the lost buffer, or
     * until the scene ends (the object is never seen on the other side).
     */
    private static boolean hiddenLongerThanBuffer(SyntheticScene scene, long id, double time) {
        double start = time;
        boolean inRun = false;
        for (SyntheticScene.Frame f : scene.frames()) {
            SyntheticScene.Truth g = f.truth().stream().filter(x -> x.id() == id).findFirst().orElse(null);
            boolean hidden = g != null && g.hidden();
            if (hidden && !inRun) {
                start = f.time();
                inRun = true;
            } else if (!hidden && inRun) {
                if (start <= time && f.time() > time) {
                    return f.time() - start > TrackerConfig.DEFAULTS.lostSeconds();
                }
                inRun = false;
            }
        }
        return true;
    }
}
