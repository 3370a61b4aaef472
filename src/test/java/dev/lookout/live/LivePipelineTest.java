package dev.lookout.live;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.PacedFrameSource;
import dev.lookout.capture.ReconnectingFrameSource;
import dev.lookout.capture.SourceOptions;
import dev.lookout.capture.SourceState;
import dev.lookout.detect.DetectOptions;
import dev.lookout.testsupport.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pipeline's threading on real video (vtest.avi), without a display. */
@IntegrationTest
class LivePipelineTest {

    private static final DetectOptions OPTIONS = DetectOptions.of(20, 0.3);

    @Test
    void slowDetectorSkipsStaleFramesWhileTheDisplayGetsEveryFrame() throws Exception {
        Path video = TestData.vtestAvi();
        HogPeopleDetector hog = new HogPeopleDetector(150);
        try (RecordingListener listener = new RecordingListener()) {
            LivePipeline pipeline = new LivePipeline(() -> hog, OPTIONS, new LiveStats(), listener);
            listener.attach(pipeline);
            try {
                assertTrue(RecordingListener.await(5000, () -> listener.provider != null), "detector ready");
                pipeline.play("vtest", states -> PacedFrameSource.open(
                        () -> new VideoTestSource(video, 40, false, -1), true, false));
                assertTrue(RecordingListener.await(15_000, () -> listener.sawState(SourceState.Kind.ENDED)),
                        "40 frames at 10 fps end: " + listener.states);
                assertTrue(RecordingListener.await(2000, () -> listener.shownSequences.size() == 40));
            } finally {
                pipeline.close();
            }
            LiveStats stats = pipeline.stats();
            assertEquals(40, stats.captured());
            assertEquals(40, listener.shownSequences.size(), "every frame shown");
            assertEquals(0, stats.notShown());
            assertTrue(stats.skipped() > 0, "a 150+ ms detector on 10 fps video skips frames: " + stats.summary(System.nanoTime()));
            assertEquals(stats.captured(), stats.detected() + stats.skipped() + stats.beforeModel() + pendingAtEnd(stats),
                    "each frame is detected, skipped, or arrived before the model: " + stats.summary(System.nanoTime())
                    + listener.detectorFailures);
            // Detection always took the newest frame: the sequence numbers it ran on only go up.
            List<Long> seqs = listener.detections.stream().map(LiveDetections::frameSequence).toList();
            for (int i = 1; i < seqs.size(); i++) {
                assertTrue(seqs.get(i) > seqs.get(i - 1), "detections in capture order: " + seqs);
            }
            // The HOG detector really finds pedestrians in vtest.
            assertTrue(listener.detections.stream().anyMatch(d -> !d.result().detections().isEmpty()),
                    listener.detections.size() + " detections, none with people");
        }
    }

    // The last frame handed to a busy detector may still be waiting when the source ends; at most one.
    private static long pendingAtEnd(LiveStats stats) {
        long rest = stats.captured() - stats.detected() - stats.skipped() - stats.beforeModel();
        return rest == 1 ? 1 : 0;
    }

    // The pipeline adds no pacing of its own to a paced source (it once paced files a second time).
    @Test
    void pacedPlaybackRunsAtTheFilesFrameRate() throws Exception {
        Path video = TestData.vtestAvi();
        try (RecordingListener listener = new RecordingListener()) {
            LivePipeline pipeline = new LivePipeline(() -> new HogPeopleDetector(0), OPTIONS, new LiveStats(), listener);
            listener.attach(pipeline);
            long start = System.nanoTime();
            try {
                pipeline.play("vtest", states -> PacedFrameSource.open(
                        () -> new VideoTestSource(video, 21, false, -1), true, false));
                assertTrue(RecordingListener.await(10_000, () -> listener.sawState(SourceState.Kind.ENDED)));
            } finally {
                pipeline.close();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // 21 frames at 10 fps: the last is due 2.0 s after the first, so never sooner; the upper bound only
            // catches a pacer that waits far too long (a loaded machine adds start-up time, not pacing).
            assertTrue(seconds > 1.9 && seconds < 8, "took " + seconds + " s");
        }
    }

    @Test
    void closeStopsEveryThreadAndReleasesSourceAndDetectorWithinOneSecond() throws Exception {
        Path video = TestData.vtestAvi();
        HogPeopleDetector hog = new HogPeopleDetector(0);
        List<VideoTestSource> opened = new ArrayList<>();
        try (RecordingListener listener = new RecordingListener()) {
            LivePipeline pipeline = new LivePipeline(() -> hog, OPTIONS, new LiveStats(), listener);
            listener.attach(pipeline);
            pipeline.play("vtest", states -> {
                VideoTestSource s = new VideoTestSource(video, 10_000, true, -1);
                opened.add(s);
                return s;
            });
            assertTrue(RecordingListener.await(10_000, () -> listener.detections.size() >= 3), "detecting");
            long start = System.nanoTime();
            pipeline.close();
            double millis = (System.nanoTime() - start) / 1e6;
            // close() promises about a second (a join of 1 s per thread); generous here for a loaded machine.
            assertTrue(millis < 3000, "close took " + millis + " ms");
            assertTrue(pipeline.isStopped(), "threads ended");
            assertTrue(opened.stream().allMatch(VideoTestSource::isClosed), "source closed");
            assertTrue(hog.isClosed(), "detector closed");
            assertFalse(Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().startsWith("lookout-") && t.isAlive()), "no lookout thread left");
        }
    }

    @Test
    void liveSourceThatFailsReconnectsAndResumesOnItsOwn() throws Exception {
        Path video = TestData.vtestAvi();
        AtomicInteger opens = new AtomicInteger();
        try (RecordingListener listener = new RecordingListener()) {
            LivePipeline pipeline = new LivePipeline(() -> new HogPeopleDetector(0), OPTIONS, new LiveStats(), listener);
            listener.attach(pipeline);
            try {
                // First connection drops after 5 frames; the second open fails (server still down); the third works.
                pipeline.play("camera", states -> ReconnectingFrameSource.open(() -> {
                    int n = opens.incrementAndGet();
                    if (n == 2) {
                        throw new IOException("connection refused");
                    }
                    return new VideoTestSource(video, 10_000, true, n == 1 ? 5 : -1);
                }, SourceOptions.defaults().withStateListener(states)));
                assertTrue(RecordingListener.await(10_000, () -> opens.get() >= 3
                        && listener.shownSequences.size() >= 15), "resumed: " + listener.states);
            } finally {
                pipeline.close();
            }
            SourceState reconnecting = listener.lastState(s -> s.kind() == SourceState.Kind.RECONNECTING);
            assertTrue(reconnecting != null && reconnecting.message().contains("reconnecting"), "" + listener.states);
            assertTrue(listener.states.stream().anyMatch(s -> s.message().contains("failed on purpose")));
            assertTrue(listener.states.stream().anyMatch(s -> s.message().contains("connection refused")));
            assertFalse(listener.sawState(SourceState.Kind.OFFLINE));
            assertTrue(listener.states.stream().allMatch(s -> s.source().equals("camera")),
                    "the source's own news carries the name the pipeline was given: " + listener.states);
        }
    }

    @Test
    void unreadableSourceFailsWithItsMessageAndTheDetectorKeepsRunning() throws Exception {
        java.nio.file.Path vtest = TestData.vtestAvi(); // here, not in the source's thread: skips without the data
        try (RecordingListener listener = new RecordingListener()) {
            LivePipeline pipeline = new LivePipeline(() -> new HogPeopleDetector(0), OPTIONS, new LiveStats(), listener);
            listener.attach(pipeline);
            try {
                pipeline.play("missing.mp4", states -> {
                    throw new IOException("no such file: missing.mp4");
                });
                assertTrue(RecordingListener.await(5000, () -> listener.sawState(SourceState.Kind.OFFLINE)));
                assertEquals("no such file: missing.mp4",
                        listener.lastState(s -> s.kind() == SourceState.Kind.OFFLINE).message());
                // A file that breaks mid-way fails too (files do not reconnect), and another source can follow.
                pipeline.play("broken", states -> PacedFrameSource.open(
                        () -> new VideoTestSource(vtest, 100, false, 3), true, true));
                assertTrue(RecordingListener.await(5000, () -> listener.states.stream()
                        .anyMatch(s -> s.kind() == SourceState.Kind.OFFLINE && s.source().equals("broken"))));
                assertEquals(3, pipeline.stats().captured());
            } finally {
                pipeline.close();
            }
        }
    }

    @Test
    void loopRestartsTheFileWithIncreasingSequenceNumbers() throws Exception {
        Path video = TestData.vtestAvi();
        try (RecordingListener listener = new RecordingListener()) {
            LivePipeline pipeline = new LivePipeline(() -> new HogPeopleDetector(0), OPTIONS, new LiveStats(), listener);
            listener.attach(pipeline);
            try {
                pipeline.play("vtest", states -> PacedFrameSource.open(
                        () -> new VideoTestSource(video, 5, false, -1), false, true));
                assertTrue(RecordingListener.await(10_000, () -> pipeline.stats().captured() >= 17));
            } finally {
                pipeline.close();
            }
            assertFalse(listener.sawState(SourceState.Kind.ENDED));
            List<Long> seqs = new ArrayList<>(listener.shownSequences);
            for (int i = 1; i < seqs.size(); i++) {
                assertTrue(seqs.get(i) > seqs.get(i - 1));
            }
        }
    }
}
