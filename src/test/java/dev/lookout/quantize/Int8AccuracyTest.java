package dev.lookout.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.Detection;
import dev.lookout.detect.Device;
import dev.lookout.detect.Precision;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed int8 model against the fp32 one, on images it was not calibrated on: the 7 reference images give
 * the same top detection, and on held-out real frames and photos int8's AP@0.5 (fp32's answers as ground truth)
 * is at least 0.95 over all boxes and for every class with 20 or more boxes. The full 507-image figures, with
 * the classes seen once or twice, are in docs/PERFORMANCE.md.
 */
@IntegrationTest
class Int8AccuracyTest {

    private static CocoSsdDetector fp32;
    private static CocoSsdDetector int8;

    @BeforeAll
    static void load() throws Exception {
        Path dir = TestData.require(TestData.modelDir().resolve(Precision.INT8.modelFile()), "the int8 model")
                .getParent();
        fp32 = CocoSsdDetector.load(dir, Device.CPU, m -> { }, Precision.FP32);
        int8 = CocoSsdDetector.load(dir, Device.CPU, m -> { }, Precision.INT8);
    }

    @AfterAll
    static void close() {
        Stream.of(fp32, int8).filter(d -> d != null).forEach(CocoSsdDetector::close);
    }

    @Test
    void referenceImagesGiveTheSameTopDetection() throws Exception {
        Path images = TestData.reference().resolve("images");
        List<Path> pngs;
        try (Stream<Path> files = Files.list(images)) {
            pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertEquals(7, pngs.size());
        int withDetections = 0;
        for (Path png : pngs) {
            List<Detection> a = fp32.detect(png, DetectOptions.DEFAULTS).detections();
            List<Detection> b = int8.detect(png, DetectOptions.DEFAULTS).detections();
            if (a.isEmpty()) {
                assertEquals(List.of(), b, png + ": fp32 finds nothing, int8 should not either");
                continue;
            }
            withDetections++;
            assertFalse(b.isEmpty(), png + ": int8 finds nothing, fp32 " + a);
            assertEquals(a.get(0).className(), b.get(0).className(), png + ": top class");
            double iou = AveragePrecision.iou(a.get(0), b.get(0));
            assertTrue(iou >= 0.9, png + ": top box IoU " + iou + " (fp32 " + a.get(0) + ", int8 " + b.get(0) + ")");
        }
        assertEquals(6, withDetections, "the reference images with detections (all but scream.png)");
    }

    @Test
    void heldOutFramesKeepApAboveNinetyFivePercent() throws Exception {
        // vtest.avi frames 0-499 and the darknet photos; calibration used frames 500-790 (models/coco-ssd/MODEL.md)
        Path vtest = TestData.vtestAvi();
        Path darknet = TestData.mediaDir().resolve("darknet");
        CalibrationSet heldOut = CalibrationSet.parse(List.of(vtest + "@0-499/5", darknet.toString()));
        AccuracyEvaluator.Result r = AccuracyEvaluator.evaluate(fp32, int8, heldOut);
        assertTrue(r.images() >= 100, "images: " + r.images());
        double pooled = r.ap().pooledAp();
        assertTrue(pooled >= 0.95, "int8 AP@0.5 against fp32 over all boxes: " + pooled + " " + r.ap().perClass());
        // per class where there are enough boxes for the figure to mean something (here: person, car)
        List<AveragePrecision.ClassAp> frequent = r.ap().perClass().stream().filter(c -> c.truths() >= 20).toList();
        assertTrue(frequent.size() >= 2, "classes with 20+ boxes: " + frequent);
        for (AveragePrecision.ClassAp c : frequent) {
            assertTrue(c.ap() >= 0.95, "int8 AP@0.5 for " + c);
        }
    }
}
