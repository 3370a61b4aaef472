package dev.lookout.record;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.capture.Frame;
import dev.lookout.capture.MatImages;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.Detection;
import dev.lookout.detect.Device;
import dev.lookout.testsupport.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Events on an assembled real clip at 10 fps: a scene without people (darknet's giraffe photo), then vtest.avi's
 * walking people, the empty scene again, people again, the empty scene. The detections are built for the test
 * (a person box on the vtest frames): this checks the monitor's debounce, pre-/post-roll, clips and log.
 */
@IntegrationTest
class EventMonitorTest {

    @TempDir
    Path dir;

    @Test
    void eachAppearanceIsOneEventWithPreAndPostRollClipSnapshotAndLogLines() throws Exception {
        List<MonitorEvent> started = new CopyOnWriteArrayList<>();
        List<MonitorEvent> ended = new CopyOnWriteArrayList<>();
        List<String> errors = new CopyOnWriteArrayList<>();
        Path log = dir.resolve("events.jsonl");
        EventMonitor monitor = EventMonitor.watching(Set.of("person", "car")).clipFolder(dir.resolve("recordings"))
                .eventLog(log).snapshots(new SnapshotWriter(dir.resolve("snapshots"))).frameRate(10).live(false)
                .source("assembled test clip").listener(new EventListener() {
                    @Override
                    public void eventStarted(MonitorEvent event) {
                        started.add(event);
                    }

                    @Override
                    public void eventEnded(MonitorEvent event) {
                        ended.add(event);
                    }

                    @Override
                    public void monitorError(String message) {
                        errors.add(message);
                    }
                }).build();

        Mat background = MatImages.toMat(ImageIO.read(TestData.darknetPhoto("giraffe.jpg").toFile()));
        Imgproc.resize(background, background, new Size(768, 576));
        Mat firstPerson = null;
        int index = 0;
        try (TestVideo people = TestVideo.open(TestData.vtestAvi())) {
            // (scene, frames): 60 empty, 40 people, 80 empty, 30 people, 70 empty
            int[][] plan = {{0, 60}, {1, 40}, {0, 80}, {1, 30}, {0, 70}};
            for (int[] run : plan) {
                for (int n = 0; n < run[1]; n++, index++) {
                    Frame frame;
                    List<Detection> detections;
                    if (run[0] == 1) {
                        Frame decoded = people.next();
                        if (firstPerson == null) {
                            firstPerson = decoded.image().clone();
                        }
                        frame = decoded.renumbered(index, index * 100_000L, 0);
                        // the peak of event 1 is frame 80
                        double score = index == 80 ? 0.95 : index < 150 ? 0.8 : 0.7;
                        detections = List.of(new Detection(300, 200, 60, 150, "person", score),
                                new Detection(500, 100, 50, 50, "dog", 0.99)); // not watched
                    } else {
                        frame = new Frame(background.clone(), index, index * 100_000L, 0);
                        detections = List.of();
                    }
                    try (frame) {
                        monitor.accept(frame, detections);
                    }
                }
            }
        }
        monitor.close();
        assertEquals(List.of(), errors);

        // events.jsonl: valid JSON lines, one start and one end per appearance
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertEquals(4, lines.size(), "lines: " + lines);
        JsonNode start1 = find(lines, "start", 1);
        JsonNode end1 = find(lines, "end", 1);
        JsonNode start2 = find(lines, "start", 2);
        JsonNode end2 = find(lines, "end", 2);
        assertTrue(lines.indexOf(start1) < lines.indexOf(end1) && lines.indexOf(start2) < lines.indexOf(end2));
        assertEquals(6.2, start1.get("sourceSeconds").asDouble(), 1e-9, "confirmed on the 3rd frame with a person");
        assertEquals(18.2, start2.get("sourceSeconds").asDouble(), 1e-9);
        assertEquals("[\"person\"]", end1.get("classes").toString(), "the dog is not watched");
        assertEquals(0.95, end1.get("peakScore").asDouble());
        assertEquals(0.7, end2.get("peakScore").asDouble());
        assertEquals(start1.get("clip").asText(), end1.get("clip").asText());
        assertTrue(start1.get("time").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*"), "ISO-8601");

        // Clip 1: 3 s pre-roll (frames 31..61), the event (62..99), 5 s post-roll (100..148)
        Path clip1 = Path.of(end1.get("clip").asText());
        Path clip2 = Path.of(end2.get("clip").asText());
        List<Long> times1 = TestVideo.timestamps(clip1);
        assertEquals(31 + 38 + 49, times1.size());
        assertEquals(11.7, times1.get(times1.size() - 1) / 1e6, 0.001, "frames 31..148 at 10 fps");
        assertEquals(31 + 28 + 49, TestVideo.timestamps(clip2).size(), "clip 2: frames 151..258");
        assertEquals(118, end1.get("clipFrames").asLong());
        try (TestVideo clip = TestVideo.open(clip1); Frame first = clip.next()) {
            // The first frame of the clip is the empty scene (pre-roll), not people.
            assertTrue(meanDifference(first.image(), background) < 12, "pre-roll shows the scene before");
            assertTrue(meanDifference(first.image(), firstPerson) > 30);
        }

        // The end snapshot is the frame with the highest score, with its sidecar.
        Path snapshot1 = Path.of(end1.get("snapshot").asText());
        assertTrue(Files.exists(snapshot1));
        JsonNode sidecar = new ObjectMapper().readTree(Path.of(snapshot1.toString().replace(".png", ".json"))
                .toFile());
        assertEquals(80, sidecar.get("frame").asLong());
        assertEquals(0.95, sidecar.get("detections").get(0).get("score").asDouble());
        assertEquals("assembled test clip", sidecar.get("source").asText());
        assertNotNull(start1.get("snapshot").textValue(), "a snapshot at the start too");

        // The listener API the window uses
        assertEquals(2, started.size());
        assertEquals(2, ended.size());
        assertNull(started.get(0).ended());
        // Clips are finalized in the background, so the two end callbacks may come in either order.
        MonitorEvent endedFirst = ended.stream().filter(e -> e.id() == 1).findFirst().orElseThrow();
        assertTrue(endedFirst.isOver());
        assertEquals(clip1, endedFirst.clip());
        assertEquals(2, monitor.recentEvents().size());
        assertTrue(monitor.recentEvents().stream().allMatch(MonitorEvent::isOver));
        background.release();
        firstPerson.release();
    }

    @Test
    void realDetectionsOnTheAssembledClipGiveOneEventPerAppearance() throws Exception {
        // The same plan, with Coco-SSD's own answers on every frame instead of boxes built for the test.
        Path log = dir.resolve("real-events.jsonl");
        List<MonitorEvent> ended = new CopyOnWriteArrayList<>();
        Mat background = MatImages.toMat(ImageIO.read(TestData.darknetPhoto("giraffe.jpg").toFile()));
        Imgproc.resize(background, background, new Size(768, 576));
        int index = 0;
        try (CocoSsdDetector detector = CocoSsdDetector.load(TestData.modelDir(), Device.CPU);
                TestVideo people = TestVideo.open(TestData.vtestAvi())) {
            EventMonitor monitor = EventMonitor.watching(Set.of("person")).clipFolder(dir.resolve("real-clips"))
                    .eventLog(log).snapshots(null).frameRate(10).live(false).source("assembled test clip")
                    .listener(new EventListener() {
                        @Override
                        public void eventStarted(MonitorEvent event) {
                        }

                        @Override
                        public void eventEnded(MonitorEvent event) {
                            ended.add(event);
                        }

                        @Override
                        public void monitorError(String message) {
                        }
                    }).build();
            int[][] plan = {{0, 60}, {1, 40}, {0, 80}, {1, 30}, {0, 70}};
            for (int[] run : plan) {
                for (int n = 0; n < run[1]; n++, index++) {
                    Mat image = run[0] == 1 ? people.next().image() : background.clone();
                    try (Frame frame = new Frame(image, index, index * 100_000L, 0)) {
                        monitor.accept(frame, detector.detect(frame.image(), DetectOptions.DEFAULTS).detections());
                    }
                }
            }
            monitor.close();
        } finally {
            background.release();
        }
        List<JsonNode> starts = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            JsonNode json = new ObjectMapper().readTree(line);
            if (json.get("event").asText().equals("start")) {
                starts.add(json);
            }
        }
        assertEquals(2, starts.size(), "one event per appearance of people: " + Files.readAllLines(log));
        assertEquals(2, ended.size());
        // confirmed on the third detected frame of each appearance (frames 60 and 180 are the first with people)
        assertEquals(6.2, starts.get(0).get("sourceSeconds").asDouble(), 0.31);
        assertEquals(18.2, starts.get(1).get("sourceSeconds").asDouble(), 0.31);
        for (MonitorEvent e : ended) {
            assertTrue(TestVideo.timestamps(e.clip()).size() > 60, "pre-roll + event + post-roll in " + e.clip());
        }
    }

    @Test
    void preRollMemoryIsBounded() throws Exception {
        // 10 MB for 1.3 MB frames: at most 7 frames are kept whatever the pre-roll duration.
        try (FrameRing ring = new FrameRing(60_000_000, 10L << 20); TestVideo video = TestVideo.open(TestData.vtestAvi())) {
            for (int i = 0; i < 50; i++) {
                try (Frame f = video.next()) {
                    ring.add(f, List.of());
                }
                assertTrue(ring.bytes() <= 10L << 20);
            }
            assertEquals(7, ring.size());
            List<FrameRing.Entry> kept = ring.drain();
            assertEquals(43, kept.get(0).frame().index(), "the newest frames are kept");
            kept.forEach(e -> e.frame().close());
        }
    }

    @Test
    void aLongPresenceIsCutIntoClipsOfBoundedLengthWithNoFrameLost() throws Exception {
        List<MonitorEvent> ended = new CopyOnWriteArrayList<>();
        EventMonitor monitor = EventMonitor.watching(Set.of("person")).clipFolder(dir.resolve("clips"))
                .eventLog(null).snapshots(null).frameRate(10).live(false).preRollMillis(1000).postRollMillis(1000)
                .maxClipMillis(3000).listener(new EventListener() {
                    @Override
                    public void eventStarted(MonitorEvent event) {
                    }

                    @Override
                    public void eventEnded(MonitorEvent event) {
                        ended.add(event);
                    }

                    @Override
                    public void monitorError(String message) {
                        throw new AssertionError(message);
                    }
                }).build();
        // 20 empty frames, 80 with a person (8 s), 40 empty, at 10 fps
        for (int i = 0; i < 140; i++) {
            List<Detection> people = i >= 20 && i < 100 ? List.of(new Detection(100, 100, 50, 120, "person", 0.9))
                    : List.of();
            Mat m = new Mat(120, 160, org.opencv.core.CvType.CV_8UC3, new Scalar(i, 128, 255 - i));
            try (Frame frame = new Frame(m, i, i * 100_000L, 0)) {
                monitor.accept(frame, people);
            }
        }
        monitor.close();
        List<MonitorEvent> clips = ended.stream().sorted(java.util.Comparator.comparingLong(MonitorEvent::id))
                .toList();
        assertTrue(clips.size() >= 3, "8 s of presence, 1 s pre- and post-roll, 3 s clips: " + clips.size());
        int frames = 0;
        for (MonitorEvent e : clips) {
            int n = TestVideo.timestamps(e.clip()).size();
            assertTrue(n <= 31, e.clip() + " holds at most 3 s: " + n + " frames");
            frames += n;
        }
        assertEquals(1.0, java.time.Duration.between(clips.get(0).clipStarted(), clips.get(0).started())
                .toMillis() / 1000.0, 0.15, "the first clip starts with its 1 s pre-roll");
        // consecutive clips join without a gap: ~1 s pre-roll + 8 s + ~1 s post-roll, every frame once
        assertTrue(frames >= 98 && frames <= 102, frames + " frames in all");
    }

    private static JsonNode find(List<JsonNode> lines, String kind, int id) {
        return lines.stream().filter(l -> l.get("event").asText().equals(kind) && l.get("id").asInt() == id)
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " line for event " + id));
    }

    private static double meanDifference(Mat a, Mat b) {
        Mat diff = new Mat();
        Core.absdiff(a, b, diff);
        Scalar mean = Core.mean(diff);
        diff.release();
        return (mean.val[0] + mean.val[1] + mean.val[2]) / 3;
    }
}
