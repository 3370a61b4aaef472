package dev.lookout.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.MjpegHttpServer;
import dev.lookout.capture.OpenCv;
import dev.lookout.capture.SourceOptions;
import dev.lookout.config.ConfigFile;
import dev.lookout.config.LookoutConfig;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.Device;
import dev.lookout.store.EventQuery;
import dev.lookout.store.StorageLayout;
import dev.lookout.store.StoreReader;
import dev.lookout.store.StoredEvent;
import dev.lookout.testsupport.Await;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.TestData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real monitor with the real detector: vtest.avi (looping file), an MJPEG camera on the loopback (with a password
 * in its URL) and a camera that never opens. People walking give events in the store from both working cameras,
 * with clips; the MJPEG camera goes away and comes back while the others keep detecting; no password in the log.
 */
@IntegrationTest
class MonitorTest {

    private static CocoSsdDetector detector;

    @BeforeAll
    static void load() throws Exception {
        OpenCv.load();
        detector = CocoSsdDetector.load(TestData.modelDir(), Device.CPU);
    }

    @AfterAll
    static void unload() {
        detector.close();
    }

    @Test
    void camerasDetectOnTheirOwnAndACameraThatGoesAwayComesBackWithoutDisturbingTheOthers(@TempDir Path dir)
            throws Exception {
        List<byte[]> jpegs = MjpegHttpServer.jpegFrames(TestData.vtestAvi(), 200);
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        PrintStream logStream = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
        try (MjpegHttpServer mjpeg = MjpegHttpServer.start(jpegs, 0, 10)) {
            Path file = dir.resolve("lookout.yml");
            Files.writeString(file, String.join("\n",
                    "storage: data",
                    "cameras:",
                    "  walk:",
                    "    source: " + TestData.vtestAvi(),
                    "    loop: true",
                    "    watch: [person]",
                    "    pre_roll: 1s",
                    "    post_roll: 1s",
                    "  street:",
                    "    source: " + mjpeg.url("viewer:hunter2@"),
                    "    watch: [person]",
                    "    pre_roll: 1s",
                    "    post_roll: 1s",
                    "  nowhere:",
                    "    source: http://admin:hunter2@127.0.0.1:1/none.mjpg",
                    ""));
            LookoutConfig config = ConfigFile.load(file);
            SourceOptions quick = SourceOptions.defaults().withNetworkTimeout(Duration.ofSeconds(2))
                    .withReconnectBackoff(Duration.ofMillis(200), Duration.ofSeconds(1), 0)
                    .withStallAfter(Duration.ofSeconds(1));
            try (Monitor monitor = Monitor.start(config, file, detector, new MonitorLog(logStream, true),
                    Duration.ofSeconds(2), quick)) {
                Map<String, CameraFeed> feeds = monitor.cameras().stream()
                        .collect(Collectors.toMap(CameraFeed::name, f -> f));
                CameraFeed walk = feeds.get("walk");
                CameraFeed street = feeds.get("street");
                CameraFeed nowhere = feeds.get("nowhere");
                Await.until(() -> walk.status().framesDetected() > 5 && street.status().framesDetected() > 5,
                        "both working cameras detect");
                assertEquals(CameraStatus.State.OFFLINE, nowhere.status().state(), nowhere.status().toString());
                assertTrue(walk.latestJpeg().isPresent() && street.latestJpeg().isPresent(), "annotated frames");

                mjpeg.stop();
                // RECONNECTING, not merely "not live": a loaded machine may call the stream STALLED while frames
                // it had already received are still being read and detected
                Await.until(() -> street.status().state() == CameraStatus.State.RECONNECTING,
                        "the street camera is lost");
                long walkBefore = walk.status().framesDetected();
                Await.until(() -> walk.status().framesDetected() > walkBefore + 5,
                        "the file camera keeps detecting while the stream is away");
                // By now the street frames received before the loss (one in its slot, one being detected) are done;
                // from here on, nothing may be detected for a camera that delivers nothing.
                long streetLost = street.status().framesDetected();
                long walkLater = walk.status().framesDetected();
                Await.until(() -> walk.status().framesDetected() > walkLater + 5,
                        "the file camera keeps detecting while the stream is away");
                assertNotEquals(CameraStatus.State.LIVE, street.status().state(), street.status().toString());
                assertEquals(streetLost, street.status().framesDetected(), "no frames from a lost camera");
                long streetBefore = streetLost;

                mjpeg.restart();
                Await.until(() -> street.status().state() == CameraStatus.State.LIVE
                        && street.status().framesDetected() > streetBefore + 5, "the street camera is back");
                Await.until(() -> count(monitor, "walk") > 0 && count(monitor, "street") > 0,
                        "events from both cameras in the store");
            }
        }
        String log = logBytes.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("hunter2"), "no password in the log:\n" + log);
        assertTrue(log.contains("\"type\":\"event-start\""), log);
        assertTrue(log.contains("\"type\":\"health\""), log);
        assertTrue(log.contains("\"camera\":\"street\",\"state\":\"reconnecting\""), log);

        // after close: every event is ended, clips are final and registered
        StoreReader reader = new StoreReader(new StorageLayout(dir.resolve("data")));
        List<StoredEvent> events = reader.events(EventQuery.NEWEST.limit(1000));
        assertTrue(events.stream().allMatch(e -> e.event().end() != null), "every event ended at close");
        List<Path> clips = events.stream().map(e -> e.event().clip()).filter(c -> c != null).distinct().toList();
        assertFalse(clips.isEmpty(), "events carry their clip");
        for (Path clip : clips) {
            assertTrue(Files.size(clip) > 10_000, clip + " written");
        }
    }

    private static int count(Monitor monitor, String camera) {
        try {
            return monitor.store().reader().events(EventQuery.NEWEST.camera(camera)).size();
        } catch (Exception e) {
            return 0;
        }
    }
}
