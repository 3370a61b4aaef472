package dev.lookout.detect;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lookout.capture.MatImages;
import dev.lookout.capture.OpenCv;
import dev.lookout.testsupport.TestData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** The detector with the real model: API behaviour, buffers, devices and load failures. */
@IntegrationTest
class CocoSsdDetectorTest {

    private static Path modelDir;
    private static CocoSsdDetector detector;

    @BeforeAll
    static void load() throws Exception {
        modelDir = TestData.require(TestData.modelDir().resolve(ModelFiles.MODEL_FILE), "the converted model")
                .getParent();
        detector = CocoSsdDetector.load(modelDir, Device.CPU);
        OpenCv.load();
    }

    @AfterAll
    static void close() {
        if (detector != null) {
            detector.close();
        }
    }

    private static Mat reference(String name) throws IOException {
        return ImageFiles.read(TestData.reference().resolve("images/" + name + ".png"));
    }

    @Test
    void reportsProviderAndTheEightyClassNames() {
        assertEquals("CPU", detector.provider());
        assertEquals(80, detector.classNames().size());
        assertEquals("person", detector.classNames().get(0));
        assertEquals("toothbrush", detector.classNames().get(79));
    }

    @Test
    void defaultLoadFindsTheModelFromTheWorkingDirectory() throws Exception {
        TestData.require(Path.of("").toAbsolutePath().resolve(ModelFiles.DEFAULT_DIR), "models/ in the cwd");
        try (CocoSsdDetector fromDefault = CocoSsdDetector.load(Device.CPU)) {
            Mat dog = reference("dog");
            try {
                assertEquals(detector.detect(dog, DetectOptions.DEFAULTS).detections(),
                        fromDefault.detect(dog, DetectOptions.DEFAULTS).detections());
            } finally {
                dog.release();
            }
        }
    }

    @Test
    void reusesItsBuffersAcrossFrameSizesWithIdenticalAnswers() throws Exception {
        Mat dog = reference("dog");         // 768×576
        Mat kite = reference("kite");       // 1352×900
        Mat small = new Mat();
        Imgproc.resize(kite, small, new Size(320, 213), 0, 0, Imgproc.INTER_AREA);
        try (CocoSsdDetector fresh = CocoSsdDetector.load(modelDir, Device.CPU)) {
            List<Detection> dogFirst = fresh.detect(dog, DetectOptions.DEFAULTS).detections();
            int afterDog = fresh.inputCapacity();
            List<Detection> kiteAnswer = fresh.detect(kite, DetectOptions.DEFAULTS).detections();
            int afterKite = fresh.inputCapacity();
            List<Detection> smallAnswer = fresh.detect(small, DetectOptions.DEFAULTS).detections();
            List<Detection> dogAgain = fresh.detect(dog, DetectOptions.DEFAULTS).detections();

            assertEquals(768 * 576 * 3, afterDog);
            assertEquals(1352 * 900 * 3, afterKite, "grows for a larger frame");
            assertEquals(afterKite, fresh.inputCapacity(), "does not shrink or regrow for smaller frames");
            assertEquals(dogFirst, dogAgain, "same pixels, same answer after other sizes");
            assertEquals(ReferenceData.names(ReferenceData.expected("0.5", "kite").detections()),
                    ReferenceData.names(kiteAnswer));
            assertTrue(!smallAnswer.isEmpty() && smallAnswer.get(0).right() <= 330,
                    "boxes in the small frame's pixels: " + smallAnswer);
        } finally {
            dog.release();
            kite.release();
            small.release();
        }
    }

    @Test
    void bufferedImageGreyAndBgraInputsGiveTheSameAnswerAsBgr() throws Exception {
        Mat dog = reference("dog");
        Mat bgra = new Mat();
        Mat grey = new Mat();
        Mat greyAsBgr = new Mat();
        try {
            List<Detection> bgr = detector.detect(dog, DetectOptions.DEFAULTS).detections();
            BufferedImage image = MatImages.toBufferedImage(dog, null);
            assertEquals(bgr, detector.detect(image, DetectOptions.DEFAULTS).detections());

            Imgproc.cvtColor(dog, bgra, Imgproc.COLOR_BGR2BGRA);
            assertEquals(bgr, detector.detect(bgra, DetectOptions.DEFAULTS).detections());

            Imgproc.cvtColor(dog, grey, Imgproc.COLOR_BGR2GRAY);
            Imgproc.cvtColor(grey, greyAsBgr, Imgproc.COLOR_GRAY2BGR);
            assertEquals(detector.detect(greyAsBgr, DetectOptions.DEFAULTS).detections(),
                    detector.detect(grey, DetectOptions.DEFAULTS).detections());
        } finally {
            dog.release();
            bgra.release();
            grey.release();
            greyAsBgr.release();
        }
    }

    @Test
    void aRegionOfInterestViewGivesTheSameAnswerAsItsCopy() throws Exception {
        Mat kite = reference("kite");
        Mat region = kite.submat(new org.opencv.core.Rect(300, 250, 640, 480)); // not continuous: rows are strided
        Mat copy = region.clone();
        try {
            assertTrue(!region.isContinuous() && copy.isContinuous());
            List<Detection> fromView = detector.detect(region, DetectOptions.of(20, 0.3)).detections();
            assertEquals(copy.cols(), 640);
            assertEquals(detector.detect(copy, DetectOptions.of(20, 0.3)).detections(), fromView);
            assertTrue(!fromView.isEmpty(), "the beach's people are in this region");
        } finally {
            region.release();
            copy.release();
            kite.release();
        }
    }

    @Test
    void readsImageFilesAndReportsTfjsTimingsAndSize() throws Exception {
        DetectionResult result = detector.detect(TestData.reference().resolve("images/person.png"),
                DetectOptions.DEFAULTS);
        assertEquals(640, result.width());
        assertEquals(424, result.height());
        assertEquals(List.of("person", "sheep", "dog"), ReferenceData.names(result.detections()));
        assertTrue(result.timings().inferenceNanos() > 0 && result.timings().preprocessNanos() > 0
                && result.timings().postprocessNanos() > 0);
        assertEquals(result.timings().totalNanos(), result.timings().preprocessNanos()
                + result.timings().inferenceNanos() + result.timings().postprocessNanos());
    }

    @Test
    void classFilterOnARealPhotoGivesTfjsPersonsInOrder() throws Exception {
        List<Detection> persons = detector.detect(TestData.reference().resolve("images/kite.png"),
                DetectOptions.DEFAULTS.withClasses(Set.of("person"))).detections();
        List<Detection> expected = ReferenceData.expected("0.5", "kite").detections().stream()
                .filter(d -> d.className().equals("person")).toList();
        assertEquals(5, expected.size());
        ReferenceData.assertSameDetections(expected, persons, 0.5, 1e-4, "kite persons");
    }

    @Test
    void rejectsEmptyAndNonByteImages() {
        assertThrows(IllegalArgumentException.class, () -> detector.detect(new Mat(), DetectOptions.DEFAULTS));
        Mat floats = new Mat(10, 10, CvType.CV_32FC3);
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> detector.detect(floats, DetectOptions.DEFAULTS));
            assertTrue(e.getMessage().contains("8-bit"), e.getMessage());
        } finally {
            floats.release();
        }
    }

    @Test
    void concurrentCallersAreSerialisedAndGetTheirOwnAnswers() throws Exception {
        Mat dog = reference("dog");
        Mat person = reference("person");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Detection> dogAnswer = detector.detect(dog, DetectOptions.DEFAULTS).detections();
            List<Detection> personAnswer = detector.detect(person, DetectOptions.DEFAULTS).detections();
            List<Future<List<Detection>>> dogs = new ArrayList<>();
            List<Future<List<Detection>>> persons = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                dogs.add(pool.submit(() -> detector.detect(dog, DetectOptions.DEFAULTS).detections()));
                persons.add(pool.submit(() -> detector.detect(person, DetectOptions.DEFAULTS).detections()));
            }
            for (int i = 0; i < 4; i++) {
                assertEquals(dogAnswer, dogs.get(i).get());
                assertEquals(personAnswer, persons.get(i).get());
            }
        } finally {
            pool.shutdownNow();
            dog.release();
            person.release();
        }
    }

    @Test
    void closeIsIdempotentAndDetectAfterCloseFailsClearly() throws Exception {
        CocoSsdDetector d = CocoSsdDetector.load(modelDir, Device.CPU);
        d.close();
        d.close();
        Mat dog = reference("dog");
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> d.detect(dog, DetectOptions.DEFAULTS));
            assertTrue(e.getMessage().contains("closed"));
        } finally {
            dog.release();
        }
    }

    @Test
    void autoPicksCpuWithoutTryingCudaAndSaysWhyWhenThereIsNoNvidiaDriver() throws Exception {
        assumeTrue(NvidiaDriver.evidence().isEmpty(), "this machine has an NVIDIA driver");
        List<String> notices = new ArrayList<>();
        try (CocoSsdDetector auto = CocoSsdDetector.load(modelDir, Device.AUTO, notices::add)) {
            assertEquals("CPU", auto.provider());
            // Trying CUDA costs seconds; this notice comes only from the branch that never tries it (a failed try
            // says "CUDA could not start").
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(notices.get(0).contains("no NVIDIA driver") && notices.get(0).contains("CPU"),
                    notices.get(0));
            assertFalse(notices.get(0).contains("could not start"), notices.get(0));
        }
    }

    @Test
    void cudaWithoutDriverFailsFastWithAClearMessage() {
        assumeTrue(NvidiaDriver.evidence().isEmpty(), "this machine has an NVIDIA driver");
        // Refused from the driver check alone, before any CUDA library is extracted or loaded.
        IOException e = assertThrows(IOException.class, () -> CocoSsdDetector.load(modelDir, Device.CUDA));
        assertTrue(e.getMessage().contains("no NVIDIA driver found") && e.getMessage().contains("--device cpu"),
                e.getMessage());
    }

    @Test
    void missingOrBrokenModelFilesFailNamingTheFile(@TempDir Path dir) throws Exception {
        Path nowhere = dir.resolve("nowhere");
        IOException e = assertThrows(IOException.class, () -> CocoSsdDetector.load(nowhere, Device.CPU));
        assertTrue(e.getMessage().contains(nowhere.toString()) && e.getMessage().contains("does not exist")
                && e.getMessage().contains("lookout convert"), e.getMessage());

        Path folder = Files.createDirectories(dir.resolve("model"));
        e = assertThrows(IOException.class, () -> CocoSsdDetector.load(folder, Device.CPU));
        assertTrue(e.getMessage().contains("has no model.onnx"), e.getMessage());

        Files.copy(modelDir.resolve("labels.json"), folder.resolve("labels.json"));
        Files.writeString(folder.resolve("model.onnx"), "this is not a model");
        e = assertThrows(IOException.class, () -> CocoSsdDetector.load(folder, Device.CPU));
        assertTrue(e.getMessage().contains(folder.resolve("model.onnx").toString())
                && e.getMessage().contains("not a usable ONNX model"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());

        byte[] model = Files.readAllBytes(modelDir.resolve("model.onnx"));
        Files.write(folder.resolve("model.onnx"), java.util.Arrays.copyOf(model, model.length / 2));
        e = assertThrows(IOException.class, () -> CocoSsdDetector.load(folder, Device.CPU));
        assertTrue(e.getMessage().contains("not a usable ONNX model"), e.getMessage());

        Files.copy(modelDir.resolve("model.onnx"), folder.resolve("model.onnx"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(folder.resolve("labels.json"), "{\"1\": \"person\",");
        e = assertThrows(IOException.class, () -> CocoSsdDetector.load(folder, Device.CPU));
        assertTrue(e.getMessage().contains(folder.resolve("labels.json").toString()), e.getMessage());

        Files.delete(folder.resolve("labels.json"));
        e = assertThrows(IOException.class, () -> CocoSsdDetector.load(folder, Device.CPU));
        assertTrue(e.getMessage().contains("has no labels.json"), e.getMessage());
        assertNotEquals(null, e.getMessage());
    }
}
