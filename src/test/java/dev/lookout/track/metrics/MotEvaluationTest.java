package dev.lookout.track.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MotEvaluationTest {

    private static MotBox box(int frame, long id, double x) {
        return new MotBox(frame, id, x, 10, 20, 40, 1);
    }

    @Test
    void perfectTrackingScoresOne() {
        List<MotBox> gt = new ArrayList<>();
        for (int f = 1; f <= 5; f++) {
            gt.add(box(f, 1, 10 * f));
            gt.add(box(f, 2, 200 + 10 * f));
        }
        MotScores s = MotEvaluation.evaluate(gt, gt.stream().map(b -> new MotBox(b.frame(), b.id() + 40, b.x(),
                b.y(), b.width(), b.height(), 0.9)).toList());
        assertEquals(1.0, s.mota(), 1e-12);
        assertEquals(1.0, s.idf1(), 1e-12);
        assertEquals(0, s.idSwitches());
        assertEquals(2, s.mostlyTracked());
    }

    @Test
    void oneSwitchHalfwayByHand() {
        // One object over 4 frames, track 7 for frames 1-2 and track 8 for frames 3-4.
        List<MotBox> gt = List.of(box(1, 1, 0), box(2, 1, 5), box(3, 1, 10), box(4, 1, 15));
        List<MotBox> hyp = List.of(box(1, 7, 0), box(2, 7, 5), box(3, 8, 10), box(4, 8, 15));
        MotScores s = MotEvaluation.evaluate(gt, hyp);
        assertEquals(1, s.idSwitches());
        assertEquals(0.75, s.mota(), 1e-12); // 1 - 1/4
        assertEquals(2, s.idtp()); // track 7 (or 8) shares 2 boxes
        assertEquals(0.5, s.idf1(), 1e-12); // 2*2 / (4+4)
        assertEquals(0, s.fragmentations());
        assertEquals(1, s.mostlyTracked());
    }

    @Test
    void aGapIsAMissAndAFragmentationByHand() {
        List<MotBox> gt = List.of(box(1, 1, 0), box(2, 1, 5), box(3, 1, 10), box(4, 1, 15), box(5, 1, 20));
        List<MotBox> hyp = List.of(box(1, 3, 0), box(2, 3, 5), box(4, 3, 15), box(5, 3, 20),
                box(5, 4, 400)); // frame 3 missed, and a false positive far away in frame 5
        MotScores s = MotEvaluation.evaluate(gt, hyp);
        assertEquals(1, s.misses());
        assertEquals(1, s.falsePositives());
        assertEquals(1, s.fragmentations());
        assertEquals(0, s.idSwitches());
        assertEquals(1 - 2.0 / 5, s.mota(), 1e-12);
        assertEquals(2.0 * 4 / (5 + 5), s.idf1(), 1e-12);
        assertEquals(1, s.mostlyTracked()); // 4 of 5 = 80 %
    }

    @Test
    void keepsThePreviousCorrespondenceWhileItStillMatches() {
        // Frame 2: track 9 overlaps the object better than its own track 8, which still matches (IoU >= 0.5):
        // no switch, and 9 is a false positive.
        List<MotBox> gt = List.of(box(1, 1, 0), box(2, 1, 0));
        List<MotBox> hyp = List.of(box(1, 8, 0), box(2, 8, 5), box(2, 9, 0));
        MotScores s = MotEvaluation.evaluate(gt, hyp);
        assertEquals(0, s.idSwitches());
        assertEquals(1, s.falsePositives());
    }

    @Test
    void mostlyLostAndIgnoredRows() {
        List<MotBox> gt = new ArrayList<>();
        for (int f = 1; f <= 10; f++) {
            gt.add(box(f, 1, 0));
        }
        gt.add(new MotBox(3, 99, 500, 10, 20, 40, 0)); // "do not consider"
        MotScores s = MotEvaluation.evaluate(gt, List.of(box(1, 5, 0)));
        assertEquals(1, s.objects());
        assertEquals(1, s.mostlyLost());
        assertEquals(9, s.misses());
    }

    @Test
    void readsAndWritesMotRows() throws Exception {
        StringWriter out = new StringWriter();
        MotFile.write(out, new MotBox(3, 7, 1.5, 2.25, 30, 60, 0.875));
        assertEquals("3,7,1.50,2.25,30.00,60.00,0.8750,-1,-1,-1", out.toString().strip());
        List<MotBox> rows = MotFile.read(new BufferedReader(new StringReader(out + "\n4,7,1,2,3,4,1,1,0.5\n")),
                "t.txt");
        assertEquals(List.of(new MotBox(3, 7, 1.5, 2.25, 30, 60, 0.875), new MotBox(4, 7, 1, 2, 3, 4, 1)), rows);
    }

    @Test
    void badRowsNameLineAndField() {
        String text = "1,1,0,0,10,10\n2,1,zero,0,10,10\n";
        MotFormatException e = assertThrows(MotFormatException.class,
                () -> MotFile.read(new BufferedReader(new StringReader(text)), "gt.txt"));
        assertEquals("gt.txt line 2: field 'x' is not a number: 'zero'", e.getMessage());
        e = assertThrows(MotFormatException.class,
                () -> MotFile.read(new BufferedReader(new StringReader("1,2,3\n")), "gt.txt"));
        assertTrue(e.getMessage().startsWith("gt.txt line 1: a MOT row needs at least 6 fields"), e.getMessage());
        e = assertThrows(MotFormatException.class,
                () -> MotFile.read(new BufferedReader(new StringReader("0,2,3,4,5,6\n")), "gt.txt"));
        assertTrue(e.getMessage().contains("field 'frame'"), e.getMessage());
    }
}
