package dev.lookout.record;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.Frame;
import dev.lookout.detect.Detection;
import dev.lookout.testsupport.TestData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start/stop from the window: two recordings in a row from a live-paced feed, stop never waits. */
@IntegrationTest
class LiveRecordingTest {

    @TempDir
    Path dir;

    @Test
    void startStopTwiceGivesTwoFinalFilesAndStopReturnsAtOnce() throws Exception {
        LiveRecording recording = new LiveRecording(dir, null, new RecorderListener() {
        });
        assertNull(recording.stop(), "nothing to stop yet");
        Detection person = new Detection(120, 150, 200, 300, "person", 0.91);
        Path first;
        Path second;
        try (TestVideo video = TestVideo.open(TestData.vtestAvi())) {
            first = recording.start(10);
            assertTrue(recording.isRecording());
            feed(recording, video, 25, person);
            long t0 = System.nanoTime();
            assertEquals(first, recording.stop());
            // Encoding the queued frames takes longer than this on any machine; a loaded one may still pause a bit.
            assertTrue(System.nanoTime() - t0 < 500_000_000L, "stop() must not wait for the encoder");
            assertFalse(recording.isRecording());
            RecordingSummary summary1 = recording.lastFinish().get();
            feed(recording, video, 5, person); // not recording: ignored
            second = recording.start(10);
            feed(recording, video, 15, person);
            recording.stop();
            RecordingSummary summary2 = recording.lastFinish().get();
            assertEquals(25, summary1.framesWritten() + summary1.framesDropped());
            assertEquals(15, summary2.framesWritten() + summary2.framesDropped());
            assertEquals(summary1.framesWritten(), TestVideo.timestamps(first).size());
            assertEquals(summary2.framesWritten(), TestVideo.timestamps(second).size());
        }
        assertTrue(!first.equals(second), "a new file per recording");
    }

    private static void feed(LiveRecording recording, TestVideo video, int frames, Detection d) throws Exception {
        for (int i = 0; i < frames; i++) {
            try (Frame f = video.next()) {
                recording.accept(f, List.of(d));
            }
            Thread.sleep(20);
        }
    }
}
