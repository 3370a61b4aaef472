package dev.lookout.detect;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TF.js's own raw outputs, post-processed by Lookout, must give TF.js's own detections. */
@IntegrationTest
class PostprocessorReferenceTest {

    private static final int BOXES = 1917;
    private static final int CLASSES = 90;

    @ParameterizedTest(name = "{0} at minScore {1}")
    @CsvSource({"dog, 0.5", "dog, 0.3", "person, 0.5", "person, 0.3"})
    void rawReferenceOutputsGiveTfjsDetections(String image, String minScore) throws Exception {
        ReferenceData.Expected expected = ReferenceData.expected(minScore, image);
        FloatBuffer scores = ReferenceData.raw(image, "scores");
        FloatBuffer boxes = ReferenceData.raw(image, "boxes");
        assertEquals(BOXES * CLASSES, scores.limit());
        assertEquals(BOXES * 4, boxes.limit());

        List<Detection> actual = new Postprocessor(ReferenceData.labels()).process(scores, boxes, BOXES, CLASSES,
                expected.width(), expected.height(), DetectOptions.of(20, Double.parseDouble(minScore)));

        assertFalse(expected.detections().isEmpty(), "the reference has detections to compare");
        // Same arithmetic as TF.js on the same floats: far tighter than the 0.5 px / 1e-4 the brief allows.
        ReferenceData.assertSameDetections(expected.detections(), actual, 1e-6, 1e-9, image + "@" + minScore);
    }

    @ParameterizedTest(name = "{0}: class filter keeps TF.js's {1}s in order")
    @CsvSource({"dog, car", "person, dog", "dog, bicycle"})
    void classFilterKeepsExactlyTfjsDetectionsOfThatClass(String image, String className) throws Exception {
        ReferenceData.Expected expected = ReferenceData.expected("0.3", image);
        List<Detection> actual = new Postprocessor(ReferenceData.labels()).process(
                ReferenceData.raw(image, "scores"), ReferenceData.raw(image, "boxes"), BOXES, CLASSES,
                expected.width(), expected.height(), DetectOptions.of(20, 0.3).withClasses(Set.of(className)));

        List<Detection> wanted = expected.detections().stream().filter(d -> d.className().equals(className))
                .toList();
        assertFalse(wanted.isEmpty());
        ReferenceData.assertSameDetections(wanted, actual, 1e-6, 1e-9, image + " " + className);
    }

    @ParameterizedTest(name = "{0}: maxNumBoxes {1} keeps TF.js's first {1}")
    @CsvSource({"dog, 1", "dog, 2", "person, 2"})
    void maxNumBoxesKeepsTheFirstDetections(String image, int max) throws Exception {
        ReferenceData.Expected expected = ReferenceData.expected("0.3", image);
        List<Detection> actual = new Postprocessor(ReferenceData.labels()).process(
                ReferenceData.raw(image, "scores"), ReferenceData.raw(image, "boxes"), BOXES, CLASSES,
                expected.width(), expected.height(), DetectOptions.of(max, 0.3));
        ReferenceData.assertSameDetections(expected.detections().subList(0, max), actual, 1e-6, 1e-9, image);
    }
}
