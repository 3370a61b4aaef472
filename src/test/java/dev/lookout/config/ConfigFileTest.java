package dev.lookout.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.FrameSize;
import dev.lookout.detect.Device;
import dev.lookout.detect.Precision;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import dev.lookout.track.events.EventGate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a valid {@code lookout.yml}, saving it and loading it again. */
class ConfigFileTest {

    @TempDir
    Path tmp;

    @Test
    void loadsEveryKeyOfTheFullExample() throws Exception {
        LookoutConfig c = TestConfigs.load(TestConfigs.DIR.resolve("full.yml"));

        assertEquals(Path.of("lookout-data"), c.storage());
        assertEquals(Device.CPU, c.device());
        assertEquals(Precision.FP32, c.precision());
        assertEquals(new Retention(Optional.of(DataSize.gigabytes(20)), DataSize.gigabytes(2), Duration.ofDays(14),
                Duration.ofDays(30), Duration.ofDays(3)), c.retention());

        MqttConfig mqtt = c.mqtt().orElseThrow();
        assertEquals(URI.create("tcp://127.0.0.1:1883"), mqtt.url());
        assertEquals(1883, mqtt.port());
        assertEquals("garage-pc", mqtt.node());
        assertEquals("home/lookout", mqtt.prefix());
        assertEquals(Optional.of("lookout"), mqtt.username());
        assertEquals("mqtt-s3cret!", mqtt.password().orElseThrow().reveal());
        assertEquals(MqttVersion.V3_1_1, mqtt.protocol());
        assertTrue(mqtt.homeAssistant());

        HttpConfig http = c.http().orElseThrow();
        assertEquals("0.0.0.0", http.host());
        assertEquals(8080, http.port());
        assertFalse(http.loopback());
        assertEquals("http-s3cret!", http.password().orElseThrow().reveal());

        assertEquals(2, c.webhooks().size());
        WebhookConfig ntfy = c.webhooks().get(0);
        assertEquals(List.of("gate"), ntfy.cameras());
        assertEquals(List.of("person"), ntfy.classes());
        assertEquals(Duration.ofMinutes(2), ntfy.cooldown());
        assertEquals(WebhookFormat.NTFY, ntfy.format());
        assertEquals(WebhookConfig.DEFAULT_COOLDOWN, c.webhooks().get(1).cooldown());
        assertEquals(WebhookFormat.JSON, c.webhooks().get(1).format());

        assertEquals(List.of("gate", "desk"), List.copyOf(c.cameras().keySet()), "file order is kept");
        CameraConfig gate = c.cameras().get("gate");
        assertEquals("rtsp://viewer:cam-s3cret@192.0.2.10:554/stream1", gate.source());
        assertEquals(Optional.of(5.0), gate.detectFps());
        assertEquals(List.of("person", "car", "dog"), gate.classes());
        assertEquals(0.6, gate.minScore());
        assertEquals(List.of("person", "car"), gate.watch());
        assertEquals(List.of("drive"), gate.requiredZones());
        assertEquals(Duration.ofSeconds(5), gate.preRoll());
        assertEquals(Duration.ofSeconds(10), gate.postRoll());
        assertEquals(RecordMode.CONTINUOUS, gate.record());
        assertEquals(new EventGate(1.5, 4, 0.6), gate.events());
        assertEquals(30, gate.motion().threshold());
        assertEquals(0.01, gate.motion().minArea());
        Polygon mask = gate.motion().masks().get(0);
        assertTrue(mask.fractions());
        assertEquals(List.of(new Point(0, 0), new Point(192, 0), new Point(192, 48), new Point(0, 48)),
                mask.inPixels(640, 480).points());
        assertEquals(new Line(new Point(320, 0), new Point(320, 480), false),
                gate.lines().get("entrance").inPixels(640, 480));
        Polygon drive = gate.zones().get("drive");
        assertFalse(drive.fractions());
        assertEquals(drive, drive.inPixels(1920, 1080), "pixels stay pixels");
        assertEquals(Optional.of(Duration.ofDays(7)), gate.retention().clips());
        assertEquals(Duration.ofDays(7), c.retention().forCamera(gate.retention()).clips());
        assertEquals(Duration.ofDays(30), c.retention().forCamera(gate.retention()).snapshots());

        CameraConfig desk = c.cameras().get("desk");
        assertEquals("0", desk.source());
        assertEquals(Optional.of(new FrameSize(640, 480)), desk.size());
        assertFalse(desk.snapshots());
        assertFalse(desk.motion().enabled());
        assertEquals(List.of(), desk.classes());
        assertEquals(CameraConfig.DEFAULT_MIN_SCORE, desk.minScore());
        assertEquals(RecordMode.EVENTS, desk.record());
        assertEquals(EventGate.DEFAULTS, desk.events());
    }

    @Test
    void filtersAreReadWithEachClassesOwnValuesOverTheCameras() throws Exception {
        CameraConfig gate = TestConfigs.load(TestConfigs.DIR.resolve("full.yml")).cameras().get("gate");
        ObjectFilters f = gate.filters();

        assertEquals(Optional.of(0.001), f.camera().minArea());
        assertEquals(Optional.of(0.5), f.camera().maxArea());
        assertEquals(Optional.of(5.0), f.camera().maxRatio());
        assertEquals(List.of(new Polygon(List.of(new Point(0.6, 0), new Point(1, 0), new Point(1, 0.3),
                new Point(0.6, 0.3)), true)), f.masks());
        assertEquals(List.of("person", "car"), List.copyOf(f.classes().keySet()));
        ObjectFilters.Limits person = f.forClass("person");
        assertEquals(Optional.of(0.002), person.minArea(), "the class's own");
        assertEquals(Optional.of(0.6), person.minScore(), "the class's own");
        assertEquals(Optional.of(0.5), person.maxArea(), "the camera's");
        assertEquals(Optional.of(0.75), f.forClass("car").threshold());
        assertEquals(Optional.of(0.5), f.forClass("dog").minScore(), "a class without its own: the camera's");
        assertEquals(0.6, gate.events().threshold(), "events.threshold stays the camera's");
    }

    @Test
    void aCameraThresholdInFiltersIsTheEventGatesAndIsSavedBackInFilters() throws Exception {
        Path file = tmp.resolve("lookout.yml");
        LookoutConfig config = TestConfigs.parse("""
                cameras:
                  gate:
                    source: 0
                    events: {min_age: 2s}
                    filters:
                      threshold: 0.7
                      mask: [[[0, 0], [0.5, 0], [0.5, 1]], [[0, 0], [1, 0], [1, 0.2]]]
                """, file);
        CameraConfig gate = config.cameras().get("gate");
        assertEquals(0.7, gate.events().threshold());
        assertEquals(2.0, gate.events().minSeconds());
        assertEquals(2, gate.filters().masks().size());

        String saved = ConfigFile.toYaml(config);
        assertEquals(config, TestConfigs.parse(saved, file), saved);
        assertTrue(saved.contains("filters:\n      threshold: 0.7"), saved);
        assertFalse(saved.contains("events:\n      min_age: 2s\n      threshold"), saved);
    }

    @Test
    void theSmallestFileTakesEveryDefault() throws Exception {
        LookoutConfig c = TestConfigs.parse("cameras:\n  gate:\n    source: 0\n", tmp.resolve("lookout.yml"));
        assertEquals(LookoutConfig.of(List.of(CameraConfig.of("gate", "0"))), c);
    }

    @Test
    void allowedHostsOfALoopbackBindAreReadInLowerCaseAndSavedBack() throws Exception {
        LookoutConfig c = TestConfigs.parse("http:\n  bind: 127.0.0.1:8080\n  allowed_hosts: [Cam.Example.org, "
                + "\"[fd00::7]\", 10.0.0.7]\ncameras:\n  gate:\n    source: 0\n", tmp.resolve("lookout.yml"));
        assertEquals(List.of("cam.example.org", "[fd00::7]", "10.0.0.7"), c.http().orElseThrow().allowedHosts());
        assertEquals(c, TestConfigs.parse(ConfigWriter.write(c), tmp.resolve("lookout.yml")));
    }

    @Test
    void classNamesAreReadInAnyCaseAsOnTheCommandLine() throws Exception {
        LookoutConfig c = TestConfigs.parse("cameras:\n  gate:\n    source: 0\n    classes: [Person, CAR]\n"
                + "    watch: [person, Car]\n", tmp.resolve("lookout.yml"));
        assertEquals(List.of("person", "car"), c.cameras().get("gate").classes());
        assertEquals(List.of("person", "car"), c.cameras().get("gate").watch());
    }

    @Test
    void classesWithoutAWatchListLoad() throws Exception {
        LookoutConfig c = TestConfigs.parse("cameras:\n  gate:\n    source: 0\n    classes: [dog]\n",
                tmp.resolve("lookout.yml"));
        assertEquals(List.of("dog"), c.cameras().get("gate").classes());
        assertEquals(List.of(), c.cameras().get("gate").watch());
    }

    @Test
    void savedFileLoadsToAnEqualConfigAndSavesToTheSameText() throws Exception {
        LookoutConfig original = TestConfigs.load(TestConfigs.DIR.resolve("full.yml"));
        Path saved = tmp.resolve("lookout.yml");

        ConfigFile.save(original, saved);
        LookoutConfig reloaded = TestConfigs.load(saved);

        assertEquals(original, reloaded);
        String text = Files.readString(saved);
        ConfigFile.save(reloaded, saved);
        assertEquals(text, Files.readString(saved), "a second save writes the same text");
        assertTrue(text.contains("watch: [person, car]"), text);
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(saved), files.toList(), "no temporary file is left behind");
        }
        if (Files.getFileStore(saved).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(saved)), "the file holds passwords");
        }
    }

    @Test
    void awkwardValuesSurviveTheRoundTrip() throws Exception {
        Files.writeString(tmp.resolve("walk: 1.mp4"), "not read, only checked to exist");
        CameraConfig camera = new CameraConfig("walk_1", "walk: 1.mp4", true, Optional.empty(), Optional.of(2.5),
                List.of("person", "traffic light"), 0.35, List.of("traffic light"), List.of("a-zone"),
                Duration.ofMillis(1500), Duration.ZERO, true, RecordMode.EVENTS,
                new MotionConfig(true, 12, 0.0005, List.of()),
                Map.of("l1", new Line(new Point(0.25, 0.5), new Point(0.75, 0.5), true)),
                Map.of("a-zone", new Polygon(List.of(new Point(1, 2), new Point(300.5, 2), new Point(3, 400)), false)),
                new CameraRetention(Optional.empty(), Optional.of(Duration.ofHours(36)), Optional.empty()),
                new EventGate(2.5, 4, 0.65));
        LookoutConfig config = new LookoutConfig(Path.of("data dir/#1"), Device.CUDA, Precision.INT8,
                new Retention(Optional.of(DataSize.parse("1.5GB")), DataSize.parse("700MB"), Duration.ofDays(1),
                        Duration.ofMinutes(90), Duration.ofHours(5)),
                Optional.of(new MqttConfig(URI.create("ssl://broker.local"), "n-1", "a/b", Optional.of("yes"),
                        Optional.of(new Secret("p: 'x\" # [y], {z}")), MqttVersion.V5, false)),
                Optional.of(new HttpConfig("::1", 9000, Optional.of(new Secret("0123")))), List.of(),
                Map.of("walk_1", camera));
        Path file = tmp.resolve("lookout.yml");

        ConfigFile.save(config, file);

        assertEquals(config, TestConfigs.load(file), Files.readString(file));
        assertEquals(tmp.resolve("walk: 1.mp4").toAbsolutePath().toString(), camera.sourceIn(file));
        assertEquals(tmp.toAbsolutePath().resolve("data dir/#1"), config.storageIn(file));
    }

    @Test
    void relativeFileSourcesStartAtTheFilesFolder() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("site"));
        Files.createDirectories(folder.resolve("clips"));
        Files.writeString(folder.resolve("clips/walk.mp4"), "x");
        Path file = folder.resolve("lookout.yml");
        Files.writeString(file, "storage: ../store\ncameras:\n  walk:\n    source: clips/walk.mp4\n    loop: true\n"
                + "  photos:\n    source: clips\n");

        LookoutConfig c = TestConfigs.load(file);

        assertEquals(folder.resolve("clips/walk.mp4").toAbsolutePath().toString(),
                c.cameras().get("walk").sourceIn(file));
        assertTrue(c.cameras().get("walk").loop());
        assertEquals(tmp.resolve("store").toAbsolutePath(), c.storageIn(file));
        assertEquals("rtsp://h/s", CameraConfig.of("x", "rtsp://h/s").sourceIn(file), "URLs stay as written");
        assertEquals("0", CameraConfig.of("x", "0").sourceIn(file), "camera indices stay as written");
    }

    @Test
    void aMissingFileOrAFolderIsAClearIoError() {
        IOException missing = assertThrows(IOException.class, () -> TestConfigs.load(tmp.resolve("nope.yml")));
        assertEquals("no such configuration file: " + tmp.resolve("nope.yml"), missing.getMessage());
        IOException folder = assertThrows(IOException.class, () -> TestConfigs.load(tmp));
        assertEquals(tmp + " is a folder, not a configuration file", folder.getMessage());
    }

    @Test
    void theExampleInTheDocsIsTheFullExample() throws Exception {
        String doc = Files.readString(Path.of("docs/CONFIG.md"));
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));

        assertEquals(TestConfigs.load(TestConfigs.DIR.resolve("full.yml")),
                TestConfigs.parse(example, tmp.resolve("lookout.yml")));
    }
}
