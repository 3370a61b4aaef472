package dev.lookout.detect;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.lookout.capture.OpenCv;
import dev.lookout.onnx.ResizeCut;
import dev.lookout.testsupport.RawOutputs;
import dev.lookout.testsupport.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** The resize done on the way into the cut model: TF.js's bilinear, value for value. */
@IntegrationTest
class ResizedRgbInputTest {

    @BeforeAll
    static void natives() {
        OpenCv.load();
    }

    @ParameterizedTest(name = "{0}×{1} → 300×300")
    @CsvSource({"640, 480", "1352, 900", "768, 576", "7, 5", "1, 1", "300, 300", "299, 301", "1920, 1080"})
    void equalsTfjsResizeBilinearExactly(int width, int height) {
        Mat bgr = randomImage(width, height, CvType.CV_8UC3, width * 31L + height);
        try (ResizedRgbInput input = new ResizedRgbInput(300, 300)) {
            input.resize(bgr);
            assertArrayEquals(tfjsResizeBilinear(bgr, 300, 300), input.planes());
            // Again, after other sizes: the tables and row caches are rebuilt or reused correctly.
            Mat other = randomImage(333, 222, CvType.CV_8UC3, 7);
            input.resize(other);
            assertArrayEquals(tfjsResizeBilinear(other, 300, 300), input.planes());
            input.resize(bgr);
            assertArrayEquals(tfjsResizeBilinear(bgr, 300, 300), input.planes());
            other.release();
        } finally {
            bgr.release();
        }
    }

    @Test
    void greyBgraAndSubmatFramesAreReadAsTheirBgrPixels() {
        Mat bgr = randomImage(401, 257, CvType.CV_8UC3, 3);
        Mat bgra = new Mat();
        Mat grey = new Mat();
        Mat greyAsBgr = new Mat();
        Mat big = randomImage(800, 600, CvType.CV_8UC3, 4);
        Mat window = big.submat(new Rect(100, 50, 401, 257));
        Mat windowCopy = window.clone();
        try (ResizedRgbInput input = new ResizedRgbInput(300, 300)) {
            Imgproc.cvtColor(bgr, bgra, Imgproc.COLOR_BGR2BGRA);
            input.resize(bgra);
            assertArrayEquals(tfjsResizeBilinear(bgr, 300, 300), input.planes(), "BGRA");

            Imgproc.cvtColor(bgr, grey, Imgproc.COLOR_BGR2GRAY);
            Imgproc.cvtColor(grey, greyAsBgr, Imgproc.COLOR_GRAY2BGR);
            input.resize(grey);
            assertArrayEquals(tfjsResizeBilinear(greyAsBgr, 300, 300), input.planes(), "grey");

            assertTrue(!window.isContinuous());
            input.resize(window);
            assertArrayEquals(tfjsResizeBilinear(windowCopy, 300, 300), input.planes(), "a window into a frame");

            assertThrows(IllegalArgumentException.class, () -> input.resize(new Mat()));
            Mat floats = new Mat(10, 10, CvType.CV_32FC3);
            assertThrows(IllegalArgumentException.class, () -> input.resize(floats));
            floats.release();
        } finally {
            for (Mat m : new Mat[] {bgr, bgra, grey, greyAsBgr, window, big, windowCopy}) {
                m.release();
            }
        }
    }

    /** The cut model fed by this resize gives TF.js's own raw outputs (the whole model's test, from the other side). */
    @ParameterizedTest
    @ValueSource(strings = {"dog", "person"})
    void cutModelWithThisResizeMatchesTfjsRawOutputs(String name) throws Exception {
        Path reference = TestData.reference();
        byte[] whole = Files.readAllBytes(TestData.modelDir().resolve("model.onnx"));
        ResizeCut cut = ResizeCut.of(whole).orElseThrow();
        Mat bgr = Imgcodecs.imread(reference.resolve("images/" + name + ".png").toString());
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (ResizedRgbInput input = new ResizedRgbInput(cut.height(), cut.width());
                OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(cut.model(), options);
                OnnxTensor tensor = input.tensor(env, bgr);
                OrtSession.Result result = session.run(Map.of(cut.input(), tensor))) {
            RawOutputs.assertClose(reference.resolve("raw/" + name + ".scores.f32"),
                    ((OnnxTensor) result.get("scores").orElseThrow()).getFloatBuffer(), 1e-4, " through the cut model");
            RawOutputs.assertClose(reference.resolve("raw/" + name + ".boxes.f32"),
                    ((OnnxTensor) result.get("boxes").orElseThrow()).getFloatBuffer(), 1e-4, " through the cut model");
        } finally {
            bgr.release();
        }
    }

    /**
     * TF.js's CPU {@code resizeBilinear} (alignCorners false, halfPixelCenters false) written out plainly: source =
     * destination × in/out, top and bottom rows interpolated across, then down, in double; RGB planes out.
     */
    private static float[] tfjsResizeBilinear(Mat bgr, int outHeight, int outWidth) {
        int inWidth = bgr.cols();
        int inHeight = bgr.rows();
        byte[] p = new byte[inWidth * inHeight * 3];
        bgr.get(0, 0, p);
        float[] out = new float[3 * outHeight * outWidth];
        double rowRatio = (double) inHeight / outHeight;
        double colRatio = (double) inWidth / outWidth;
        for (int y = 0; y < outHeight; y++) {
            double sourceRow = rowRatio * y;
            int top = (int) Math.floor(sourceRow);
            int bottom = Math.min(inHeight - 1, (int) Math.ceil(sourceRow));
            double rowFrac = sourceRow - top;
            for (int x = 0; x < outWidth; x++) {
                double sourceCol = colRatio * x;
                int left = (int) Math.floor(sourceCol);
                int right = Math.min(inWidth - 1, (int) Math.ceil(sourceCol));
                double colFrac = sourceCol - left;
                for (int c = 0; c < 3; c++) {
                    int b = 2 - c; // RGB out of BGR
                    double topLeft = p[(top * inWidth + left) * 3 + b] & 0xFF;
                    double topRight = p[(top * inWidth + right) * 3 + b] & 0xFF;
                    double bottomLeft = p[(bottom * inWidth + left) * 3 + b] & 0xFF;
                    double bottomRight = p[(bottom * inWidth + right) * 3 + b] & 0xFF;
                    double t = topLeft + (topRight - topLeft) * colFrac;
                    double d = bottomLeft + (bottomRight - bottomLeft) * colFrac;
                    out[(c * outHeight + y) * outWidth + x] = (float) (t + (d - t) * rowFrac);
                }
            }
        }
        return out;
    }

    private static Mat randomImage(int width, int height, int type, long seed) {
        Mat m = new Mat(height, width, type);
        byte[] data = new byte[width * height * CvType.channels(type)];
        new Random(seed).nextBytes(data);
        m.put(0, 0, data);
        return m;
    }
}
