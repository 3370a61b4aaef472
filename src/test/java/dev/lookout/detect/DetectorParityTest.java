package dev.lookout.detect;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookout.testsupport.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real model on the 7 reference PNGs answers like TF.js at minScore 0.5 and 0.3, both with the frame resized
 * on the way in (the default) and with the whole model doing the resize.
 */
@IntegrationTest
class DetectorParityTest {

    private static CocoSsdDetector resizing;
    private static CocoSsdDetector whole;

    @BeforeAll
    static void load() throws Exception {
        Path modelDir = TestData.require(TestData.modelDir().resolve(ModelFiles.MODEL_FILE), "the converted model")
                .getParent();
        resizing = CocoSsdDetector.load(modelDir, Device.CPU, m -> { }, true);
        whole = CocoSsdDetector.load(modelDir, Device.CPU, m -> { }, false);
        assertEquals(true, resizing.resizesFrames(), "the shipped model's resize is cut off");
        assertEquals(false, whole.resizesFrames());
    }

    @AfterAll
    static void close() {
        for (CocoSsdDetector d : new CocoSsdDetector[] {resizing, whole}) {
            if (d != null) {
                d.close();
            }
        }
    }

    @ParameterizedTest(name = "minScore {0}, frame resized before the model: {1}")
    @CsvSource({"0.5, true", "0.3, true", "0.5, false", "0.3, false"})
    void allReferenceImages(String minScore, boolean resizedBefore) throws Exception {
        compare(minScore, resizedBefore ? resizing : whole);
    }

    private static void compare(String minScore, CocoSsdDetector detector) throws Exception {
        List<ReferenceData.Expected> expected = ReferenceData.expected(minScore);
        assertEquals(7, expected.size());
        List<String> failures = new ArrayList<>();
        double worstCorner = 0;
        double worstScore = 0;
        for (ReferenceData.Expected e : expected) {
            Path png = TestData.reference().resolve(e.image());
            DetectionResult result = detector.detect(png, DetectOptions.of(20, Double.parseDouble(minScore)));
            assertEquals(e.width(), result.width(), e.image());
            assertEquals(e.height(), result.height(), e.image());
            for (int i = 0; i < Math.min(e.detections().size(), result.detections().size()); i++) {
                Detection a = result.detections().get(i);
                Detection x = e.detections().get(i);
                double corner = Math.max(Math.max(Math.abs(a.x() - x.x()), Math.abs(a.y() - x.y())),
                        Math.max(Math.abs(a.right() - x.right()), Math.abs(a.bottom() - x.bottom())));
                worstCorner = Math.max(worstCorner, corner);
                worstScore = Math.max(worstScore, Math.abs(a.score() - x.score()));
            }
            try {
                ReferenceData.assertSameDetections(e.detections(), result.detections(), 0.5, 1e-4,
                        e.image() + "@" + minScore);
            } catch (AssertionError failure) {
                failures.add(failure.getMessage());
            }
        }
        System.out.printf("parity at minScore %s (%s): worst corner error %.2e px, worst score error %.2e%n",
                minScore, detector.resizesFrames() ? "frame resized before the model" : "whole model", worstCorner,
                worstScore);
        assertEquals(List.of(), failures);
    }
}
