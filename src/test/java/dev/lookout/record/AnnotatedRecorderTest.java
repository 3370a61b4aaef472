package dev.lookout.record;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.Frame;
import dev.lookout.capture.MatImages;
import dev.lookout.detect.Detection;
import dev.lookout.overlay.ClassColors;
import dev.lookout.overlay.OverlayPainter;
import dev.lookout.testsupport.TestData;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records real video (vtest.avi) with boxes burnt in, then reads the file back with FFmpeg. */
@IntegrationTest
class AnnotatedRecorderTest {

    static final int FRAMES = 100;
    // Boxes built for the test: this checks drawing and encoding, not detection.
    static final Detection PERSON = new Detection(120, 150, 200, 300, "person", 0.91);
    static final Detection CAR = new Detection(450, 80, 250, 180, "car", 0.66);

    @TempDir
    Path dir;

    @Test
    void recordsVtestWithBoxesAtSourceSizeRateAndDuration() throws Exception {
        Path requested = dir.resolve("vtest-annotated.mp4");
        AnnotatedRecorder recorder;
        double sourceFps;
        List<Long> sourceTimestamps = new ArrayList<>();
        try (TestVideo source = TestVideo.open(TestData.vtestAvi())) {
            sourceFps = source.frameRate();
            recorder = AnnotatedRecorder.toFile(requested).frameRate(sourceFps).live(false).start();
            for (int i = 0; i < FRAMES; i++) {
                try (Frame frame = source.next()) {
                    sourceTimestamps.add(frame.timestampMicros());
                    assertTrue(recorder.put(frame, List.of(PERSON, CAR)));
                }
            }
        }
        RecordingSummary summary = recorder.finish();
        System.out.println("recorded " + summary);

        assertNull(summary.failure());
        assertEquals(requested, summary.path());
        assertEquals(FRAMES, summary.framesWritten());
        assertEquals(0, summary.framesDropped());
        assertTrue(summary.format().startsWith("MP4 / H.264"), "bytedeco's FFmpeg has OpenH264: " + summary.format());
        assertEquals(10.0, sourceFps, 1e-6);

        try (TestVideo back = TestVideo.open(summary.path())) {
            assertEquals(768, back.width());
            assertEquals(576, back.height());
            assertEquals(sourceFps, back.frameRate(), 0.01);
            // 100 frames at 10 fps: 10 s (FFmpeg counts the last frame's duration too)
            assertEquals(FRAMES / sourceFps, back.lengthMicros() / 1e6, 0.15);
            Frame first = back.next();
            try (first) {
                BufferedImage image = MatImages.toBufferedImage(first.image(), null);
                assertNearColor(ClassColors.of("person"), image, 120, 300); // left edge of the person box
                assertNearColor(ClassColors.of("person"), image, 220, 450); // bottom edge
                assertNearColor(ClassColors.of("car"), image, 700, 200);    // right edge of the car box
                assertNearColor(ClassColors.of("car"), image, 575, 260);    // bottom edge
            }
        }
        List<Long> timestamps = TestVideo.timestamps(summary.path());
        assertEquals(FRAMES, timestamps.size());
        for (int i = 0; i < FRAMES; i++) {
            assertEquals(sourceTimestamps.get(i) - sourceTimestamps.get(0), timestamps.get(i), 1000,
                    "frame " + i + " keeps its source time");
        }
    }

    @Test
    void liveTimestampsAreKeptNotAssumedFromTheRate() throws Exception {
        // A live source's irregular timing: gaps of 40..250 ms must survive as they were.
        long[] times = {0, 40_000, 90_000, 340_000, 380_000, 620_000, 660_000, 1_500_000, 1_540_000, 2_000_000};
        AnnotatedRecorder recorder = AnnotatedRecorder.inFolder(dir).frameRate(25).live(true).start();
        try (TestVideo source = TestVideo.open(TestData.vtestAvi())) {
            for (long t : times) {
                try (Frame decoded = source.next();
                        Frame frame = new Frame(decoded.image().clone(), decoded.index(), 5_000_000 + t, 0)) {
                    assertTrue(recorder.put(frame, List.of(PERSON)));
                }
            }
        }
        RecordingSummary summary = recorder.finish();
        assertNull(summary.failure());
        assertTrue(summary.path().getFileName().toString().matches("lookout-\\d{8}-\\d{6}\\.mp4"),
                summary.path().toString());
        List<Long> back = TestVideo.timestamps(summary.path());
        assertEquals(times.length, back.size());
        for (int i = 0; i < times.length; i++) {
            assertEquals(times[i], back.get(i), 1000, "frame " + i);
        }
    }

    @Test
    void neverOverwritesAnExistingFile() throws Exception {
        Path existing = dir.resolve("clip.mp4");
        Files.writeString(existing, "a good file");
        AnnotatedRecorder recorder = AnnotatedRecorder.toFile(existing).frameRate(10).start();
        try (TestVideo source = TestVideo.open(TestData.vtestAvi()); Frame frame = source.next()) {
            recorder.put(frame, List.of());
        }
        RecordingSummary summary = recorder.finish();
        assertEquals(dir.resolve("clip-2.mp4"), summary.path());
        assertEquals("a good file", Files.readString(existing));
        assertEquals(1, TestVideo.timestamps(summary.path()).size());
    }

    @Test
    void offerNeverBlocksAndCountsDropsWhenTheWriterIsSlow() throws Exception {
        // A writer that needs 300 ms per frame (a stalled disk) and room for two frames: offers must still
        // return at once, dropping what does not fit.
        OverlayPainter slowPainter = (g, detections, w, h) -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        int offered = 20;
        AnnotatedRecorder recorder = AnnotatedRecorder.inFolder(dir).frameRate(10).painter(slowPainter)
                .queueBytes(2L * 768 * 576 * 3).start();
        int accepted = 0;
        long slowest = 0;
        try (TestVideo source = TestVideo.open(TestData.vtestAvi())) {
            for (int i = 0; i < offered; i++) {
                try (Frame frame = source.next()) {
                    long t0 = System.nanoTime();
                    if (recorder.offer(frame, List.of(PERSON))) {
                        accepted++;
                    }
                    slowest = Math.max(slowest, System.nanoTime() - t0);
                }
            }
        }
        RecordingSummary summary = recorder.finish();
        System.out.printf("offered %d accepted %d dropped %d, slowest offer %.1f ms%n", offered, accepted,
                summary.framesDropped(), slowest / 1e6);
        assertTrue(slowest < 150_000_000L, "an offer waited " + slowest / 1e6 + " ms for a 300 ms writer");
        assertEquals(offered, summary.framesWritten() + summary.framesDropped());
        assertEquals(accepted, summary.framesWritten());
        assertTrue(summary.framesDropped() >= offered / 2, "most frames must drop: " + summary.framesDropped());
        assertEquals(summary.framesWritten(), TestVideo.timestamps(summary.path()).size());
    }

    @Test
    void aRecorderWithoutFramesLeavesNoFile() throws Exception {
        AnnotatedRecorder recorder = AnnotatedRecorder.inFolder(dir).start();
        assertTrue(Files.exists(recorder.path()), "the name is claimed at start");
        RecordingSummary summary = recorder.finish();
        assertEquals(0, summary.framesWritten());
        assertFalse(Files.exists(summary.path()));
    }

    @Test
    void mpeg4FallbackAlsoRoundTrips() throws Exception {
        AnnotatedRecorder recorder = AnnotatedRecorder.inFolder(dir).codec(VideoCodec.MPEG4).frameRate(10).start();
        try (TestVideo source = TestVideo.open(TestData.vtestAvi())) {
            for (int i = 0; i < 20; i++) {
                try (Frame frame = source.next()) {
                    recorder.put(frame, List.of(PERSON));
                }
            }
        }
        RecordingSummary summary = recorder.finish();
        assertEquals("MP4 / MPEG-4 Part 2", summary.format());
        try (TestVideo back = TestVideo.open(summary.path()); Frame first = back.next()) {
            assertEquals(10.0, back.frameRate(), 0.01);
            assertNearColor(ClassColors.of("person"), MatImages.toBufferedImage(first.image(), null), 120, 300);
        }
        assertEquals(20, TestVideo.timestamps(summary.path()).size());
    }

    static void assertNearColor(Color expected, BufferedImage image, int x, int y) {
        Color actual = new Color(image.getRGB(x, y));
        int distance = Math.abs(actual.getRed() - expected.getRed()) + Math.abs(actual.getGreen() - expected.getGreen())
                + Math.abs(actual.getBlue() - expected.getBlue());
        assertTrue(distance < 90, "pixel (" + x + "," + y + ") is " + actual + ", expected about " + expected);
    }
}
