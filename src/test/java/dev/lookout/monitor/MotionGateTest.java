package dev.lookout.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.FfmpegFrameSource;
import dev.lookout.capture.Frame;
import dev.lookout.capture.OpenCv;
import dev.lookout.config.MotionConfig;
import dev.lookout.config.Point;
import dev.lookout.config.Polygon;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.TestData;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/** The motion gate on generated scenes (still with sensor noise, a moving box, a masked box) and on vtest.avi. */
@IntegrationTest
class MotionGateTest {

    @BeforeAll
    static void natives() {
        OpenCv.load();
    }

    /** A grey 640×480 scene with a few shapes, {@code box} at x, and camera noise of sigma 3 grey levels. */
    private static Mat scene(int boxX, long seed) {
        Mat m = new Mat(480, 640, CvType.CV_8UC3, new Scalar(90, 100, 110));
        Imgproc.rectangle(m, new org.opencv.core.Point(50, 300), new org.opencv.core.Point(200, 460),
                new Scalar(30, 40, 50), -1);
        Imgproc.circle(m, new org.opencv.core.Point(500, 120), 60, new Scalar(200, 210, 220), -1);
        if (boxX >= 0) {
            Imgproc.rectangle(m, new org.opencv.core.Point(boxX, 200), new org.opencv.core.Point(boxX + 40, 300),
                    new Scalar(240, 240, 240), -1);
        }
        Core.setRNGSeed((int) seed);
        Mat signed = new Mat();
        m.convertTo(signed, CvType.CV_16SC3);
        Mat noise = new Mat(m.size(), CvType.CV_16SC3);
        Core.randn(noise, 0, 3);
        Core.add(signed, noise, signed);
        Mat noisy = new Mat();
        signed.convertTo(noisy, CvType.CV_8UC3); // saturating: noise around the value, never wrapping
        m.release();
        noise.release();
        signed.release();
        return noisy;
    }

    private static int movedCount(MotionGate gate, int frames, java.util.function.IntFunction<Mat> scene) {
        int moved = 0;
        for (int i = 0; i < frames; i++) {
            Mat m = scene.apply(i);
            if (gate.moved(m) && i > 0) { // the first frame always counts: there is nothing to compare it with
                moved++;
            }
            m.release();
        }
        return moved;
    }

    @Test
    void aStillSceneWithSensorNoiseDoesNotMove() {
        try (MotionGate gate = new MotionGate(MotionConfig.DEFAULTS)) {
            assertEquals(0, movedCount(gate, 30, i -> scene(-1, i)));
        }
    }

    @Test
    void aMovingBoxMovesEveryFrame() {
        try (MotionGate gate = new MotionGate(MotionConfig.DEFAULTS)) {
            assertEquals(29, movedCount(gate, 30, i -> scene(100 + 8 * i, i)));
        }
    }

    @Test
    void motionUnderAMaskIsIgnoredAndOutsideItIsNot() {
        // the box moves within x 100..380, y 200..300: a mask over that area hides it
        Polygon mask = new Polygon(List.of(new Point(0.1, 0.35), new Point(0.7, 0.35), new Point(0.7, 0.7),
                new Point(0.1, 0.7)), true);
        MotionConfig masked = new MotionConfig(true, 25, 0.002, List.of(mask));
        try (MotionGate gate = new MotionGate(masked)) {
            assertEquals(0, movedCount(gate, 30, i -> scene(100 + 8 * i, i)));
        }
        Polygon elsewhere = new Polygon(List.of(new Point(0, 0), new Point(0.3, 0), new Point(0.3, 0.2)), true);
        try (MotionGate gate = new MotionGate(new MotionConfig(true, 25, 0.002, List.of(elsewhere)))) {
            assertEquals(29, movedCount(gate, 30, i -> scene(100 + 8 * i, i)));
        }
    }

    @Test
    void theGateOffPassesEverything() {
        try (MotionGate gate = new MotionGate(new MotionConfig(false, 25, 0.002, List.of()))) {
            assertEquals(29, movedCount(gate, 30, i -> scene(-1, i)));
        }
    }

    @Test
    void peopleWalkingInVtestMoveButTheSameFrameRepeatedDoesNot() throws Exception {
        int moved = 0;
        int repeatedMoved = 0;
        try (MotionGate gate = new MotionGate(MotionConfig.DEFAULTS);
                MotionGate still = new MotionGate(MotionConfig.DEFAULTS);
                FfmpegFrameSource video = FfmpegFrameSource.openFile(TestData.vtestAvi())) {
            Frame first = video.read();
            for (int i = 0; i < 60; i++) {
                try (Frame f = video.read()) {
                    moved += gate.moved(f.image()) && i > 0 ? 1 : 0;
                }
                repeatedMoved += still.moved(first.image()) && i > 0 ? 1 : 0;
            }
            first.close();
        }
        assertTrue(moved >= 50, "vtest's walkers move in most frames: " + moved + " of 59");
        assertFalse(repeatedMoved > 0, "the same picture again is no motion");
    }
}
