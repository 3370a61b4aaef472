package dev.lookout.ui.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.cli.CliRun;
import dev.lookout.config.ConfigException;
import dev.lookout.config.ConfigFile;
import dev.lookout.config.CameraConfig;
import dev.lookout.config.LookoutConfig;
import dev.lookout.monitor.CameraRegions;
import dev.lookout.track.zones.CountingLine;
import dev.lookout.track.zones.Regions;
import dev.lookout.track.zones.Zone;
import dev.lookout.detect.CocoLabels;
import dev.lookout.testsupport.TestData;
import dev.lookout.track.events.EventGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wall's setup edited as the menus do, then saved: every accepted edit is a file {@code check-config} accepts,
 * a refused edit changes nothing, and the saved file reads back to the same configuration.
 */
class WallSetupTest {

    @Test
    void editsAreCheckedAndTheSavedFileReadsBackAndPassesCheckConfig(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lookout.yml");
        Files.copy(TestData.projectDir().resolve("assets/demo.mp4"), dir.resolve("demo.mp4"));
        Files.writeString(file, String.join("\n",
                "storage: data",
                "cameras:",
                "  gate:",
                "    source: rtsp://viewer:hunter2@192.0.2.10/stream",
                "  porch:",
                "    source: demo.mp4",
                "    loop: true",
                "    min_score: 0.4",
                "    events:",
                "      min_age: 2s",
                "      threshold: 0.6",
                ""));
        List<String> classes = CocoLabels.read(TestData.modelDir().resolve("labels.json")).names();
        WallSetup setup = new WallSetup(file, ConfigFile.load(file, classes), classes);

        setup.add("yard", "demo.mp4", true, List.of("person", "car"));
        setup.watch("gate", List.of("person"));
        setup.edit("porch", "demo.mp4", false, List.of("dog"));
        assertTrue(setup.changed());
        LookoutConfig before = setup.config();
        ConfigException taken = assertThrows(ConfigException.class, () -> setup.add("yard", "0", false, List.of()));
        assertTrue(CameraWall.describe(taken).contains("already a camera named 'yard'"), CameraWall.describe(taken));
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> setup.add("shed", "0", false, List.of("unicorn")));
        assertTrue(CameraWall.describe(unknown).contains("unicorn"), CameraWall.describe(unknown));
        ConfigException badName = assertThrows(ConfigException.class,
                () -> setup.add("my cam", "0", false, List.of()));
        assertFalse(CameraWall.describe(badName).isBlank());
        assertEquals(before, setup.config(), "a refused edit changes nothing");

        setup.save();
        assertFalse(setup.changed());
        LookoutConfig read = ConfigFile.load(file, classes);
        assertEquals(setup.config(), read, "the saved file reads back to the same setup");
        assertEquals(List.of("gate", "porch", "yard"), List.copyOf(read.cameras().keySet()));
        assertEquals(List.of("person", "car"), read.cameras().get("yard").watch());
        assertEquals(0.4, read.cameras().get("porch").minScore(), "settings the wall does not edit are kept");
        assertEquals(new EventGate(2, EventGate.DEFAULTS.minDetections(), 0.6), read.cameras().get("porch").events(),
                "the event gate is a setting the wall does not edit");
        assertFalse(read.cameras().get("porch").loop());
        assertEquals("demo.mp4", read.cameras().get("yard").source(), "a relative source stays relative");

        CliRun check = CliRun.of("check-config", file.toString());
        assertEquals(0, check.exitCode(), check.toString());
        assertTrue(check.out().contains("yard"), check.out());
        assertFalse((check.out() + check.err()).contains("hunter2"), "check-config shows no password");

        setup.remove("gate");
        setup.remove("porch");
        ConfigException last = assertThrows(ConfigException.class, () -> setup.remove("yard"));
        assertTrue(CameraWall.describe(last).contains("only camera"), CameraWall.describe(last));

        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere")).resolve("wall.yml");
        setup.saveAs(elsewhere);
        assertEquals(elsewhere, setup.file());
        LookoutConfig moved = ConfigFile.load(elsewhere, classes);
        assertEquals(dir.resolve("demo.mp4").toString(), moved.cameras().get("yard").source(),
                "a relative source becomes absolute when the file moves to another folder");
        assertEquals(0, CliRun.of("check-config", elsewhere.toString()).exitCode());
    }

    @Test
    void anEditSavesPasswordFilesAndFiltersBackAsWrittenAndSaveAsKeepsThePasswordFile(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("lookout.yml");
        Files.writeString(dir.resolve("mqtt.pw"), "Wall-Pa55word\n");
        Files.writeString(file, String.join("\n",
                "mqtt:",
                "  url: tcp://127.0.0.1:1883",
                "  username: lookout",
                "  password_file: mqtt.pw",
                "cameras:",
                "  gate:",
                "    source: 0",
                "    filters:",
                "      min_area: 0.001",
                "      threshold: 0.7",
                "      mask: [[0.6, 0], [1, 0], [1, 0.3], [0.6, 0.3]]",
                "      classes:",
                "        person: {min_area: 0.002, min_score: 0.6}",
                "        car: {min_ratio: 1, threshold: 0.75}",
                ""));
        List<String> classes = CocoLabels.read(TestData.modelDir().resolve("labels.json")).names();
        LookoutConfig loaded = ConfigFile.load(file, classes);
        WallSetup setup = new WallSetup(file, loaded, classes);
        setup.watch("gate", List.of("person", "car"));
        setup.save();

        String saved = Files.readString(file);
        assertTrue(saved.contains("password_file: mqtt.pw"), saved);
        assertFalse(saved.contains("Wall-Pa55word"), saved);
        assertTrue(saved.contains(String.join("\n",
                "    filters:",
                "      min_area: 0.001",
                "      threshold: 0.7",
                "      mask: [[0.6, 0], [1, 0], [1, 0.3], [0.6, 0.3]]",
                "      classes:",
                "        person:",
                "          min_area: 0.002",
                "          min_score: 0.6",
                "        car:",
                "          min_ratio: 1",
                "          threshold: 0.75")), saved);
        LookoutConfig read = ConfigFile.load(file, classes);
        assertEquals(loaded.cameras().get("gate").filters(), read.cameras().get("gate").filters());
        assertEquals(0.7, read.cameras().get("gate").events().threshold());

        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere")).resolve("wall.yml");
        setup.saveAs(elsewhere);
        assertEquals("Wall-Pa55word", ConfigFile.load(elsewhere, classes).mqtt().orElseThrow().password()
                .orElseThrow().reveal(), "the relative password file is still found from the new folder");
        assertTrue(Files.readString(elsewhere).contains("password_file: " + dir.resolve("mqtt.pw")));
    }

    @Test
    void linesAndZonesDrawnOnATileAreCheckedAndSavedWithTheirNamesAndCorners(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lookout.yml");
        Files.writeString(file, String.join("\n",
                "storage: data",
                "cameras:",
                "  gate:",
                "    source: 0",
                "    size: 640x480",
                "    watch: [person]",
                "    required_zones: [drive]",
                "    events:",
                "      min_detections: 5",
                "    lines:",
                "      door: [100, 50, 100, 400]",
                "    zones:",
                "      drive: [[0, 0], [320, 0], [320, 480]]",
                ""));
        List<String> classes = CocoLabels.read(TestData.modelDir().resolve("labels.json")).names();
        WallSetup setup = new WallSetup(file, ConfigFile.load(file, classes), classes);
        Regions drawn = CameraRegions.of(setup.config().cameras().get("gate"));
        assertEquals(List.of("door"), drawn.lines().stream().map(CountingLine::name).toList());
        assertFalse(drawn.lines().get(0).fractions(), "pixels stay pixels");

        List<CountingLine> lines = new java.util.ArrayList<>(drawn.lines());
        lines.add(new CountingLine("line-1", 0.25, 0.1, 0.25, 0.9, true));
        List<Zone> zones = new java.util.ArrayList<>(drawn.zones());
        zones.add(new Zone("zone-1", new double[] {0.5, 0.9, 0.9}, new double[] {0.5, 0.5, 0.9}, true));
        setup.regions("gate", new Regions(lines, zones));
        setup.save();
        CameraConfig read = ConfigFile.load(file, classes).cameras().get("gate");
        assertEquals(List.of("door", "line-1"), List.copyOf(read.lines().keySet()));
        assertEquals(List.of("drive", "zone-1"), List.copyOf(read.zones().keySet()));
        assertEquals(new Regions(lines, zones).lines(), CameraRegions.of(read).lines(), "the lines read back");
        assertEquals(List.of("person"), read.watch(), "what the editor does not touch stays");
        assertEquals(List.of("drive"), read.requiredZones());
        assertEquals(5, read.events().minDetections(), "and so does the event gate");

        LookoutConfig before = setup.config();
        ConfigException required = assertThrows(ConfigException.class, () -> setup.regions("gate",
                new Regions(lines, List.of(zones.get(1)))));
        assertTrue(CameraWall.describe(required).contains("drive"), CameraWall.describe(required));
        ConfigException outside = assertThrows(ConfigException.class, () -> setup.regions("gate",
                new Regions(List.of(new CountingLine("far", 10, 10, 900, 10, false)), zones)));
        assertTrue(CameraWall.describe(outside).contains("far"), CameraWall.describe(outside));
        assertEquals(before, setup.config(), "a refused edit changes nothing");
    }
}
