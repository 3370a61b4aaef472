package dev.lookout.track;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.track.metrics.MotBox;
import dev.lookout.track.metrics.MotEvaluation;
import dev.lookout.track.metrics.MotScores;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tracker on synthetic scenes with exact ground truth: the issue's bar is IDF1 ≥ 0.90 and MOTA ≥ 0.85. */
class ByteTrackerSyntheticTest {

    /** Seeds, object counts, frame rates and skip rates of the scene set. */
    static List<SyntheticScene> scenes() {
        List<SyntheticScene> scenes = new ArrayList<>();
        int[] objects = {3, 5, 8, 10, 12, 15, 20, 6, 9, 14, 18, 4};
        double[] fps = {30, 30, 25, 30, 15, 30, 30, 10, 30, 25, 30, 30};
        double[] skip = {0, 0.1, 0, 0.3, 0, 0, 0.2, 0, 0, 0.1, 0, 0.5};
        for (int k = 0; k < objects.length; k++) {
            scenes.add(new SyntheticScene(100 + k, objects[k], fps[k], 12, skip[k], SyntheticScene.Noise.STANDARD));
        }
        return scenes;
    }

    @Test
    void meetsTheIssuesBarOverTheWholeSet() {
        List<MotBox> truth = new ArrayList<>();
        List<MotBox> hyp = new ArrayList<>();
        StringBuilder perScene = new StringBuilder();
        int offset = 0;
        int k = 0;
        for (SyntheticScene scene : scenes()) {
            List<MotBox> t = scene.truthRows();
            List<MotBox> h = scene.track(new ByteTracker());
            perScene.append("scene ").append(k++).append(": ").append(MotEvaluation.evaluate(t, h).summary())
                    .append('\n');
            // one long sequence: frames of each scene after the previous scene's, ids kept apart
            int frameOffset = offset;
            long idOffset = 1_000_000L * k;
            t.forEach(b -> truth.add(shift(b, frameOffset, idOffset)));
            h.forEach(b -> hyp.add(shift(b, frameOffset, idOffset)));
            offset += 100_000;
        }
        long hidden = truth.stream().filter(b -> b.confidence() == 0).count();
        assertTrue(hidden > 100, "the scenes hide objects behind others (" + hidden + " boxes)");
        MotScores all = MotEvaluation.evaluate(truth, hyp);
        String report = perScene + "all: " + all.summary();
        System.out.println(report);
        assertTrue(all.idf1() >= 0.90, report);
        assertTrue(all.mota() >= 0.85, report);
    }

    /**
     * The same scenes detected only a few times a second (a busy monitor camera): a walking object moves more than
     * its own width between detections, so IoU alone lost or never confirmed its track. Before the tracker's reach
     * the set scored IDF1 0.38 / MOTA 0.25 at 2 fps, 0.69 / 0.59 at 3 fps and 0.87 / 0.82 at 5 fps.
     */
    @Test
    void keepsIdentitiesAtLowDetectionRates() {
        double[] rates = {2, 3, 5};
        double[] idf1Bar = {0.70, 0.80, 0.85};
        int[] objects = {3, 5, 8, 10, 12, 15, 20, 6, 9, 14, 18, 4};
        StringBuilder report = new StringBuilder();
        for (int r = 0; r < rates.length; r++) {
            List<MotBox> truth = new ArrayList<>();
            List<MotBox> hyp = new ArrayList<>();
            for (int k = 0; k < objects.length; k++) {
                SyntheticScene scene = new SyntheticScene(100 + k, objects[k], rates[r], 12, 0,
                        SyntheticScene.Noise.STANDARD);
                int frameOffset = 100_000 * k;
                long idOffset = 1_000_000L * (k + 1);
                scene.truthRows().forEach(b -> truth.add(shift(b, frameOffset, idOffset)));
                scene.track(new ByteTracker()).forEach(b -> hyp.add(shift(b, frameOffset, idOffset)));
            }
            MotScores scores = MotEvaluation.evaluate(truth, hyp);
            report.append(rates[r]).append(" fps: ").append(scores.summary()).append('\n');
            assertTrue(scores.idf1() >= idf1Bar[r], report.toString());
            assertTrue(scores.mota() >= idf1Bar[r] - 0.05, report.toString());
        }
        System.out.print(report);
    }

    private static MotBox shift(MotBox b, int frames, long ids) {
        return new MotBox(b.frame() + frames, b.id() + ids, b.x(), b.y(), b.width(), b.height(), b.confidence());
    }
}
