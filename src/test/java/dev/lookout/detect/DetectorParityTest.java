package dev.lookout.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookout.testsupport.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real model on the 7 reference PNGs answers like TF.js at minScore 0.5 and 0.3. */
class DetectorParityTest {

    private static CocoSsdDetector detector;

    @BeforeAll
    static void load() throws Exception {
        Path modelDir = TestData.require(TestData.modelDir().resolve(ModelFiles.MODEL_FILE), "the converted model")
                .getParent();
        detector = CocoSsdDetector.load(modelDir, Device.CPU);
    }

    @AfterAll
    static void close() {
        if (detector != null) {
            detector.close();
        }
    }

    @Test
    void allReferenceImagesAtMinScore05() throws Exception {
        compare("0.5");
    }

    @Test
    void allReferenceImagesAtMinScore03() throws Exception {
        compare("0.3");
    }

    private static void compare(String minScore) throws Exception {
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
        System.out.printf("parity at minScore %s: worst corner error %.2e px, worst score error %.2e%n", minScore,
                worstCorner, worstScore);
        assertEquals(List.of(), failures);
    }
}
