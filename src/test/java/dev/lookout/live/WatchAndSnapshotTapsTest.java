package dev.lookout.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.Frame;
import dev.lookout.capture.OpenCv;
import dev.lookout.detect.Detection;
import dev.lookout.detect.DetectionResult;
import dev.lookout.detect.Timings;
import dev.lookout.record.EventListener;
import dev.lookout.record.MonitorEvent;
import dev.lookout.record.Snapshot;
import dev.lookout.record.SnapshotWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/** The window's watch and automatic-snapshot taps, fed as the capture thread feeds them, without a display. */
class WatchAndSnapshotTapsTest {

    private static final Detection PERSON = new Detection(40, 30, 60, 120, "person", 0.9);

    @TempDir
    Path dir;

    @BeforeAll
    static void natives() {
        OpenCv.load();
    }

    private static Frame frame(long index) {
        return new Frame(new Mat(240, 320, CvType.CV_8UC3, new Scalar(30, 90, 150)), index, index * 100_000, 0);
    }

    private static LiveDetections detections(long sequence, Detection... found) {
        return new LiveDetections(sequence, 0, new DetectionResult(List.of(found), 320, 240, new Timings(0, 0, 0)));
    }

    @Test
    void aWatchStartsAnEventWithAClipAndReportsAFailureInsteadOfSwallowingIt() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch failed = new CountDownLatch(1);
        WatchSettings settings = new WatchSettings(Set.of("person"), 2, 500, 500, dir.resolve("clips"),
                dir.resolve("events.jsonl"), dir.resolve("snapshots"));
        LiveMonitor monitor = new LiveMonitor(settings, 10, "test source", new EventListener() {
            @Override
            public void eventStarted(MonitorEvent event) {
                started.countDown();
            }

            @Override
            public void monitorError(String message) {
                errors.add(message);
                failed.countDown();
            }
        });
        for (long i = 0; i < 5; i++) {
            try (Frame f = frame(i)) {
                monitor.onFrame(f, detections(i, PERSON));
            }
        }
        assertTrue(started.await(10, TimeUnit.SECONDS), "an event started");
        // A frame that is no longer valid (a bug upstream) makes the monitor fail: the listener hears why.
        Frame gone = frame(5);
        gone.close();
        monitor.onFrame(gone, detections(5, PERSON));
        assertTrue(failed.await(5, TimeUnit.SECONDS), "the failure is reported");
        assertEquals(List.of("frame 5 is closed"), errors);
        monitor.stop().get(20, TimeUnit.SECONDS);
        List<String> log = Files.readAllLines(dir.resolve("events.jsonl"));
        assertEquals(2, log.size(), "start and end lines: " + log);
        try (var clips = Files.list(dir.resolve("clips"))) {
            assertEquals(1, clips.filter(p -> p.toString().endsWith(".mp4")).count());
        }
    }

    @Test
    void anAppearanceGivesOneSnapshotNotOnePerFrame() throws Exception {
        List<Snapshot> saved = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        // No still from the detector (it stopped): the trigger falls back to the frame at hand.
        SnapshotTrigger trigger = new SnapshotTrigger(Set.of("person"), 2, 1000, new SnapshotWriter(dir),
                "test source", () -> CompletableFuture.completedFuture(null), saved::add, failures::add);
        for (long i = 0; i < 20; i++) {
            try (Frame f = frame(i)) {
                trigger.onFrame(f, detections(i, PERSON));
            }
        }
        trigger.close();
        assertEquals(List.of(), failures);
        assertEquals(1, saved.size(), "one person walking through: one picture");
        assertTrue(Files.size(saved.get(0).image()) > 0);
    }
}
