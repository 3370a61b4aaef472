package dev.lookout.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookout.detect.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

class AveragePrecisionTest {

    private static Detection box(String cls, double x, double score) {
        return new Detection(x, 10, 100, 50, cls, score);
    }

    @Test
    void identicalAnswersScoreOne() {
        AveragePrecision ap = new AveragePrecision(0.5);
        List<Detection> same = List.of(box("person", 0, 0.9), box("dog", 300, 0.7));
        ap.add(same, same);
        assertEquals(1.0, ap.meanAp(), 1e-12);
        assertEquals(1.0, ap.pooledAp(), 1e-12);
    }

    @Test
    void aMissedBoxCapsRecallAndAWrongClassIsAFalsePositive() {
        AveragePrecision ap = new AveragePrecision(0.5);
        // two persons in the truth; the evaluated detector finds one, and calls the other a dog
        ap.add(List.of(box("person", 0, 0.9), box("person", 300, 0.8)),
                List.of(box("person", 2, 0.95), box("dog", 300, 0.6)));
        AveragePrecision.ClassAp person = ap.perClass().stream().filter(c -> c.className().equals("person"))
                .findFirst().orElseThrow();
        assertEquals(0.5, person.ap(), 1e-12);
        assertEquals(2, person.truths());
        AveragePrecision.ClassAp dog = ap.perClass().stream().filter(c -> c.className().equals("dog"))
                .findFirst().orElseThrow();
        assertEquals(0, dog.truths());
        assertEquals(0.5, ap.meanAp(), 1e-12); // classes without truth do not count in the mean
        assertEquals(0.5, ap.pooledAp(), 1e-12);
    }

    @Test
    void aLowScoredFalsePositiveBelowAllHitsDoesNotLowerAp() {
        AveragePrecision ap = new AveragePrecision(0.5);
        ap.add(List.of(box("person", 0, 0.9)), List.of(box("person", 0, 0.9), box("person", 500, 0.3)));
        assertEquals(1.0, ap.meanAp(), 1e-12);
    }

    @Test
    void aHighScoredFalsePositiveHalvesPrecision() {
        AveragePrecision ap = new AveragePrecision(0.5);
        ap.add(List.of(box("person", 0, 0.9)), List.of(box("person", 500, 0.95), box("person", 0, 0.9)));
        assertEquals(0.5, ap.meanAp(), 1e-12);
    }

    @Test
    void boxesOverlappingLessThanTheThresholdDoNotMatch() {
        AveragePrecision ap = new AveragePrecision(0.5);
        // shifted by 60 of 100 px: IoU = 40 / 160 = 0.25
        ap.add(List.of(box("person", 0, 0.9)), List.of(box("person", 60, 0.9)));
        assertEquals(0.25, AveragePrecision.iou(box("person", 0, 1), box("person", 60, 1)), 1e-12);
        assertEquals(0.0, ap.meanAp(), 1e-12);
    }

    @Test
    void eachTruthMatchesOnlyOnce() {
        AveragePrecision ap = new AveragePrecision(0.5);
        ap.add(List.of(box("person", 0, 0.9)), List.of(box("person", 0, 0.9), box("person", 1, 0.8)));
        AveragePrecision.ClassAp person = ap.perClass().get(0);
        assertEquals(2, person.predictions());
        assertEquals(1.0, person.ap(), 1e-12); // the duplicate ranks below the hit
    }
}
