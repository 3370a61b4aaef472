package dev.lookout.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.Frame;
import dev.lookout.capture.OpenCv;
import dev.lookout.config.CameraConfig;
import dev.lookout.config.CameraRetention;
import dev.lookout.config.MotionConfig;
import dev.lookout.config.RecordMode;
import dev.lookout.detect.Detection;
import dev.lookout.store.EventStore;
import dev.lookout.store.RecordingKind;
import dev.lookout.store.StoreOptions;
import dev.lookout.testsupport.Await;
import dev.lookout.track.events.EventGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * Closing a camera's event clips while its reading thread may still feed frames (it outlived the monitor's wait):
 * a frame being fed is finished first, later frames are ignored, and nothing is recorded after the close.
 */
class EventClipsTest {

    private static final List<Detection> PERSON = List.of(new Detection(10, 10, 20, 30, "person", 0.9));

    @BeforeAll
    static void natives() {
        OpenCv.load();
    }

    @Test
    void framesFedAfterCloseAreIgnored(@TempDir Path dir) throws Exception {
        try (EventStore store = EventStore.open(StoreOptions.defaults(dir.resolve("data")))) {
            EventClips clips = clips(store);
            clips.close();
            for (int i = 0; i < 5; i++) {
                try (Frame frame = frame(i)) {
                    clips.accept(frame, PERSON); // a closed monitor would throw, and keep copies of the frames
                }
            }
            clips.close();
            assertEquals(0, filesIn(store.layout().folder(RecordingKind.CLIP, "gate")),
                    "no clip is started after the close");
        }
    }

    @Test
    void closeWaitsForTheFrameBeingFed(@TempDir Path dir) throws Exception {
        try (EventStore store = EventStore.open(StoreOptions.defaults(dir.resolve("data")))) {
            EventClips clips = clips(store);
            try (Frame frame = frame(0)) {
                clips.accept(frame, List.of()); // a frame in the pre-roll ring, which close() releases
            }
            Thread closer = new Thread(clips::close, "closer");
            synchronized (clips) { // as the reading thread does while it feeds a frame
                closer.start();
                Await.until(() -> closer.getState() == Thread.State.BLOCKED,
                        "close() waits until the frame being fed is taken");
                assertTrue(closer.isAlive());
            }
            closer.join(30_000);
            assertFalse(closer.isAlive(), "close() finishes once the frame is taken");
        }
    }

    private static EventClips clips(EventStore store) {
        CameraConfig camera = new CameraConfig("gate", "0", false, Optional.empty(), Optional.empty(), List.of(),
                CameraConfig.DEFAULT_MIN_SCORE, List.of("person"), List.of(), CameraConfig.DEFAULT_PRE_ROLL,
                CameraConfig.DEFAULT_POST_ROLL, true, RecordMode.EVENTS, MotionConfig.DEFAULTS, Map.of(), Map.of(),
                CameraRetention.INHERIT, EventGate.DEFAULTS);
        return new EventClips(camera, store.layout(), store, 10, message -> {
            throw new AssertionError("unexpected problem: " + message);
        });
    }

    private static Frame frame(int index) {
        Mat image = new Mat(48, 64, CvType.CV_8UC3, new Scalar(index * 10, 80, 120));
        return new Frame(image, index, index * 100_000L, System.nanoTime());
    }

    private static long filesIn(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }
}
