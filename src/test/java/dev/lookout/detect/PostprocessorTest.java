package dev.lookout.detect;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** TF.js's suppression rules and Lookout's filters on small hand-made outputs. */
@IntegrationTest
class PostprocessorTest {

    private static final int CLASSES = 90;
    private static final int PERSON = 1;
    private static final int BICYCLE = 2;
    private static final int CAR = 3;
    private static final int DOG = 18;
    private static final int UNNAMED = 12;
    private static final CocoLabels LABELS = CocoLabels.of(Map.of(
            "1", "person", "2", "bicycle", "3", "car", "18", "dog"));

    /** Hand-made raw outputs: each box has one class id with one score, the rest 0. */
    private static final class Outputs {
        private final float[] scores;
        private final float[] boxes;
        private int count;

        Outputs(int capacity) {
            scores = new float[capacity * CLASSES];
            boxes = new float[capacity * 4];
        }

        Outputs box(int classId, float score, float ymin, float xmin, float ymax, float xmax) {
            scores[count * CLASSES + classId - 1] = score;
            boxes[count * 4] = ymin;
            boxes[count * 4 + 1] = xmin;
            boxes[count * 4 + 2] = ymax;
            boxes[count * 4 + 3] = xmax;
            count++;
            return this;
        }

        List<Detection> run(DetectOptions options) {
            return run(options, 100, 100);
        }

        List<Detection> run(DetectOptions options, int width, int height) {
            return new Postprocessor(LABELS).process(FloatBuffer.wrap(scores), FloatBuffer.wrap(boxes), count, CLASSES,
                    width, height, options);
        }
    }

    @Test
    void equalScoresTakeTheLowerBoxIndexFirst() {
        // Two identical boxes with the same score: the first one wins, the second is suppressed.
        List<Detection> overlapping = new Outputs(3)
                .box(CAR, 0.8f, 0, 0, 0.5f, 0.5f)
                .box(DOG, 0.8f, 0, 0, 0.5f, 0.5f)
                .run(DetectOptions.DEFAULTS);
        assertEquals(List.of("car"), ReferenceData.names(overlapping));

        // Disjoint boxes with equal scores come out in index order, after higher scores.
        List<Detection> disjoint = new Outputs(3)
                .box(DOG, 0.7f, 0, 0, 0.1f, 0.1f)
                .box(CAR, 0.7f, 0.5f, 0.5f, 0.6f, 0.6f)
                .box(PERSON, 0.9f, 0.8f, 0.8f, 0.9f, 0.9f)
                .run(DetectOptions.DEFAULTS);
        assertEquals(List.of("person", "dog", "car"), ReferenceData.names(disjoint));
    }

    @Test
    void iouExactlyAtTheThresholdSuppresses() {
        // B covers exactly half of A: IoU = 0.5 / 1 = 0.5, exactly representable.
        Outputs outputs = new Outputs(2)
                .box(CAR, 0.9f, 0, 0, 1, 1)
                .box(DOG, 0.8f, 0, 0, 1, 0.5f);
        assertEquals(0.5, Postprocessor.iou(FloatBuffer.wrap(outputs.boxes), 0, 1));
        assertEquals(List.of("car"), ReferenceData.names(outputs.run(DetectOptions.of(20, 0.5))));
        // Just above the IoU: both stay (explicit IoU threshold, TF.js's score threshold).
        assertEquals(List.of("car", "dog"),
                ReferenceData.names(outputs.run(DetectOptions.of(20, 0.5).withIou(0.5000001))));
        // TF.js ties the IoU threshold to minScore: at minScore 0.3 the same pair is suppressed, at 0.6 the dog
        // (0.8) survives because 0.5 < 0.6.
        assertEquals(List.of("car"), ReferenceData.names(outputs.run(DetectOptions.of(20, 0.3))));
        assertEquals(List.of("car", "dog"), ReferenceData.names(outputs.run(DetectOptions.of(20, 0.6))));
    }

    @Test
    void zeroAreaBoxesNeitherSuppressNorAreSuppressed() {
        List<Detection> result = new Outputs(3)
                .box(CAR, 0.9f, 0.2f, 0.2f, 0.2f, 0.8f)    // zero height
                .box(DOG, 0.8f, 0.2f, 0.2f, 0.2f, 0.8f)    // the same degenerate box
                .box(PERSON, 0.7f, 0.1f, 0.1f, 0.9f, 0.9f) // a real box around them
                .run(DetectOptions.DEFAULTS);
        assertEquals(List.of("car", "dog", "person"), ReferenceData.names(result));
        assertEquals(0.0, result.get(0).height());
    }

    @Test
    void cornersAreOrderedForIouButReportedAsGiven() {
        // An inverted box (ymin > ymax) is the same rectangle for IoU, so TF.js suppresses it...
        Outputs outputs = new Outputs(2)
                .box(CAR, 0.9f, 0.1f, 0.1f, 0.5f, 0.5f)
                .box(DOG, 0.8f, 0.5f, 0.5f, 0.1f, 0.1f);
        assertEquals(1.0, Postprocessor.iou(FloatBuffer.wrap(outputs.boxes), 0, 1), 1e-12);
        assertEquals(List.of("car"), ReferenceData.names(outputs.run(DetectOptions.DEFAULTS)));
        // ...and alone it is reported with TF.js's negative width and height, unclipped.
        Detection inverted = new Outputs(1).box(DOG, 0.8f, 0.5f, 0.5f, 0.1f, 0.1f).run(DetectOptions.DEFAULTS).get(0);
        assertEquals(50.0, inverted.x(), 1e-5);
        assertEquals(-40.0, inverted.width(), 1e-5);
    }

    @Test
    void candidatesMustScoreStrictlyAboveMinScore() {
        Outputs outputs = new Outputs(2).box(CAR, 0.5f, 0, 0, 0.1f, 0.1f).box(DOG, 0.25f, 0.5f, 0.5f, 0.6f, 0.6f);
        assertEquals(List.of(), outputs.run(DetectOptions.of(20, 0.5)));
        assertEquals(List.of("car"), ReferenceData.names(outputs.run(DetectOptions.of(20, 0.49))));
        // 0.25 is exact in float32: at minScore 0.25 it is out, the score 0.5 still in.
        assertEquals(List.of("car"), ReferenceData.names(outputs.run(DetectOptions.of(20, 0.25))));
        assertEquals(List.of("car", "dog"), ReferenceData.names(outputs.run(DetectOptions.of(20, 0.2))));
    }

    @Test
    void stopsAfterMaxNumBoxes() {
        Outputs outputs = new Outputs(30);
        for (int i = 0; i < 30; i++) {
            float y = i / 30f;
            outputs.box(PERSON, 0.99f - i * 0.01f, y, 0, y + 0.02f, 0.02f);
        }
        assertEquals(20, outputs.run(DetectOptions.DEFAULTS).size());
        List<Detection> three = outputs.run(DetectOptions.of(3, 0.5));
        assertEquals(3, three.size());
        assertEquals(0.99f, (float) three.get(0).score());
        assertEquals(0.97f, (float) three.get(2).score());
        assertEquals(30, outputs.run(DetectOptions.of(100, 0.5)).size());
    }

    @Test
    void firstMaximumColumnWinsAndNamesComeFromTheLabels() {
        Outputs outputs = new Outputs(1).box(DOG, 0.7f, 0, 0, 0.5f, 0.5f);
        outputs.scores[CAR - 1] = 0.7f; // same score in an earlier column
        assertEquals(List.of("car"), ReferenceData.names(outputs.run(DetectOptions.DEFAULTS)));
    }

    @Test
    void boxesBecomeTfjsPixelBboxesUnclipped() {
        Detection d = new Outputs(1).box(DOG, 0.7f, -0.1f, 0.25f, 0.5f, 1.2f)
                .run(DetectOptions.DEFAULTS, 640, 480).get(0);
        assertEquals((double) 0.25f * 640, d.x());
        assertEquals((double) -0.1f * 480, d.y());
        assertEquals((double) 1.2f * 640 - (double) 0.25f * 640, d.width());
        assertEquals((double) 0.5f * 480 - (double) -0.1f * 480, d.height());
        assertEquals((double) 0.7f, d.score());
    }

    @Test
    void classFilterReportsTfjsDetectionsOfThoseClassesOnly() {
        Outputs outputs = new Outputs(6)
                .box(BICYCLE, 0.95f, 0.1f, 0.1f, 0.5f, 0.5f)
                .box(DOG, 0.90f, 0.1f, 0.1f, 0.5f, 0.45f)  // IoU 0.875 with the bicycle: TF.js suppresses it
                .box(CAR, 0.85f, 0.6f, 0.6f, 0.7f, 0.7f)
                .box(CAR, 0.84f, 0.6f, 0.8f, 0.7f, 0.9f)
                .box(PERSON, 0.70f, 0.8f, 0.0f, 0.9f, 0.1f)
                .box(PERSON, 0.60f, 0.8f, 0.2f, 0.9f, 0.3f);
        assertEquals(List.of("bicycle", "car", "car", "person", "person"),
                ReferenceData.names(outputs.run(DetectOptions.DEFAULTS)));
        // The dog that TF.js suppressed stays suppressed when only dogs are asked for.
        assertEquals(List.of(), outputs.run(DetectOptions.DEFAULTS.withClasses(Set.of("dog"))));
        // maxNumBoxes counts reported detections: two persons even though bicycle and cars score higher.
        assertEquals(List.of("person", "person"),
                ReferenceData.names(outputs.run(DetectOptions.of(2, 0.5).withClasses(Set.of("person")))));
        assertEquals(List.of("car", "car", "person"), ReferenceData.names(
                outputs.run(DetectOptions.of(3, 0.5).withClasses(Set.of("person", "car")))));
    }

    @Test
    void minAreaDropsSmallBoxesAfterSuppression() {
        Outputs outputs = new Outputs(3)
                .box(CAR, 0.9f, 0, 0, 0.1f, 0.1f)            // 10 × 10 px at 100 × 100
                .box(DOG, 0.8f, 0, 0, 0.1f, 0.09f)           // IoU 0.9 with the car: suppressed by it
                .box(PERSON, 0.7f, 0.5f, 0.5f, 0.75f, 0.75f); // 25 × 25 px
        assertEquals(List.of("car", "person"), ReferenceData.names(outputs.run(DetectOptions.DEFAULTS)));
        assertEquals(List.of("car", "person"),
                ReferenceData.names(outputs.run(DetectOptions.DEFAULTS.withMinArea(99.9))));
        // The small car is dropped, but the dog it suppressed does not come back: these are TF.js's detections.
        assertEquals(List.of("person"), ReferenceData.names(outputs.run(DetectOptions.DEFAULTS.withMinArea(101))));
        assertEquals(List.of(), outputs.run(DetectOptions.DEFAULTS.withMinArea(626)));
    }

    @Test
    void unnamedCocoIdsAreNotReportedButStillSuppress() {
        Outputs outputs = new Outputs(3)
                .box(UNNAMED, 0.9f, 0, 0, 0.5f, 0.5f)
                .box(DOG, 0.8f, 0, 0, 0.5f, 0.5f)
                .box(CAR, 0.7f, 0.6f, 0.6f, 0.9f, 0.9f);
        assertEquals(List.of("car"), ReferenceData.names(outputs.run(DetectOptions.DEFAULTS)));
        assertEquals(List.of("car"), ReferenceData.names(outputs.run(DetectOptions.of(1, 0.5))));
    }

    @Test
    void rejectsOutputsSmallerThanTheirShape() {
        Postprocessor p = new Postprocessor(LABELS);
        assertThrows(IllegalArgumentException.class, () -> p.process(FloatBuffer.allocate(10),
                FloatBuffer.allocate(8), 2, CLASSES, 10, 10, DetectOptions.DEFAULTS));
    }

    @Test
    void reusedAcrossCallsOfDifferentSizes() {
        Postprocessor p = new Postprocessor(LABELS);
        Outputs big = new Outputs(5);
        for (int i = 0; i < 5; i++) {
            big.box(PERSON, 0.9f, i * 0.2f, 0, i * 0.2f + 0.1f, 0.1f);
        }
        Outputs small = new Outputs(1).box(DOG, 0.6f, 0, 0, 0.1f, 0.1f);
        assertEquals(5, p.process(FloatBuffer.wrap(big.scores), FloatBuffer.wrap(big.boxes), 5, CLASSES, 10, 10,
                DetectOptions.DEFAULTS).size());
        List<Detection> one = p.process(FloatBuffer.wrap(small.scores), FloatBuffer.wrap(small.boxes), 1, CLASSES,
                10, 10, DetectOptions.DEFAULTS);
        assertEquals(List.of("dog"), ReferenceData.names(one));
        assertTrue(one.get(0).score() > 0.59);
    }
}
