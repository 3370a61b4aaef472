package dev.lookout.capture;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.TestData;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real-time playback, fast mode and looping on vtest.avi and the darknet photos. */
@IntegrationTest
class PacedFrameSourceTest {

    @TempDir
    static Path scratch;

    @Test
    void playsThirtyFramesOfTenFpsVideoInThreeSeconds() throws Exception {
        Path vtest = TestData.vtestAvi();
        try (PacedFrameSource source = PacedFrameSource.open(() -> FfmpegFrameSource.openFile(vtest), true, false)) {
            long start = System.nanoTime();
            for (int i = 0; i < 31; i++) {
                try (Frame frame = source.read()) {
                    assertEquals(i, frame.index());
                    if (i == 0) {
                        start = System.nanoTime(); // the clock starts with the first frame
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("paced: 30 frame intervals of vtest in %.3f s%n", seconds);
            assertEquals(3.0, seconds, 0.25);
        }
    }

    @Test
    void fastModeIsNotPaced() throws Exception {
        Path vtest = TestData.vtestAvi();
        try (PacedFrameSource source = PacedFrameSource.open(() -> FfmpegFrameSource.openFile(vtest), false, false)) {
            long start = System.nanoTime();
            int count = 0;
            for (Frame frame = source.read(); frame != null; frame = source.read()) {
                frame.close();
                count++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("fast: %d frames (79.5 s of video) in %.2f s%n", count, seconds);
            assertEquals(795, count);
            assertTrue(seconds < 20, "fast mode took " + seconds + " s");
        }
    }

    @Test
    void loopWrapsWithIncreasingIndicesAndTimestamps() throws Exception {
        Path vtest = TestData.vtestAvi();
        try (PacedFrameSource source = PacedFrameSource.open(() -> FfmpegFrameSource.openFile(vtest), false, true)) {
            long previousTimestamp = -1;
            for (int i = 0; i < 2 * 795 + 10; i++) {
                try (Frame frame = source.read()) {
                    assertNotNull(frame, "a loop never ends");
                    assertEquals(i, frame.index());
                    assertTrue(frame.timestampMicros() > previousTimestamp, "timestamps increase at " + i);
                    if (i == 795) {
                        assertEquals(79_500_000, frame.timestampMicros(), "one frame after the last");
                    }
                    previousTimestamp = frame.timestampMicros();
                }
            }
            assertEquals(3, source.passes());
            assertEquals(2 * 79_500_000 + 9 * 100_000, previousTimestamp);
        }
    }

    @Test
    void loopingPacedPlaybackContinuesOnTime() throws Exception {
        // a 12-frame clip looped twice plays 24 frame intervals in 2.4 s, without a gap or a burst at the wrap
        Path clip = scratch.resolve("clip.avi");
        FfmpegCli.run("-i", TestData.vtestAvi().toString(), "-frames:v", "12", "-c:v", "mjpeg", clip.toString());
        try (PacedFrameSource source = PacedFrameSource.open(() -> FfmpegFrameSource.openFile(clip), true, true)) {
            long start = 0;
            for (int i = 0; i <= 24; i++) {
                try (Frame frame = source.read()) {
                    if (i == 0) {
                        start = System.nanoTime();
                    }
                    assertEquals(i * 100_000L, frame.timestampMicros());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(2.4, seconds, 0.25);
        }
    }

    @Test
    void slideshowShowsOneImagePerInterval() throws Exception {
        Path photos = TestData.darknetPhoto("dog.jpg").getParent();
        Duration interval = Duration.ofMillis(200);
        try (PacedFrameSource source = PacedFrameSource.open(() -> ImageFrameSource.open(photos, interval), true,
                false)) {
            long start = System.nanoTime();
            int count = 0;
            for (Frame frame = source.read(); frame != null; frame = source.read()) {
                frame.close();
                count++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(7, count);
            assertEquals(6 * 0.2, seconds, 0.2, "six intervals between seven photos");
        }
    }

    @Test
    void closeFromAnotherThreadEndsAPacingWait() throws Exception {
        Path dog = TestData.darknetPhoto("dog.jpg");
        // one image every 30 s, looping: the second read waits 30 s unless closed
        PacedFrameSource source = PacedFrameSource.open(() -> ImageFrameSource.open(dog, Duration.ofSeconds(30)),
                true, true);
        source.read().close();
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            source.close();
        });
        closer.start();
        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            Frame frame = source.read();
            if (frame != null) {
                frame.close(); // the frame that was being waited for may still be handed out
            }
            assertNull(source.read());
        });
        closer.join();
        // Closed after 0.3 s: well before the 5 s limit above, not at its end (generous for a loaded machine).
        assertTrue((System.nanoTime() - start) / 1e9 < 4);
    }
}
