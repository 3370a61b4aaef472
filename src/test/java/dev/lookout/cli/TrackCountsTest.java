package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code track --line/--zone/--counts} on detections built by hand, whose crossings are known. */
class TrackCountsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /**
     * 40 frames at 10 fps of an 800 × 400 frame: person A walks right along y 60..160 (foot 160), person B walks
     * left along y 180..280, a dog runs right along y 300..340. The vertical line at x 400 (drawn downwards, so
     * moving right is {@code out}) is crossed by A and the dog {@code out}, by B {@code in}; the zone over the top
     * right (x above 480, y below 200) is entered by A only.
     */
    private Path scene(boolean withSize) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int f = 0; f < 40; f++) {
            lines.add(String.format(Locale.ROOT, "{\"source\":\"yard.mp4\",\"frame\":%d,\"t\":%.1f,%s"
                    + "\"detections\":[{\"bbox\":[%d,60,40,100],\"class\":\"person\",\"score\":0.9},"
                    + "{\"bbox\":[%d,180,40,100],\"class\":\"person\",\"score\":0.85},"
                    + "{\"bbox\":[%d,300,50,40],\"class\":\"dog\",\"score\":0.8}]}",
                    f, f / 10.0, withSize ? "\"width\":800,\"height\":400," : "", 50 + 15 * f, 700 - 15 * f,
                    30 + 18 * f));
        }
        Path file = dir.resolve("yard.jsonl");
        Files.write(file, lines);
        return file;
    }

    @Test
    void countsFileHoldsExactlyTheKnownCrossingsAndEntries() throws Exception {
        Path counts = dir.resolve("counts.json");
        CliRun run = CliRun.of("track", "--line", "gate:0.5,0,0.5,1", "--line", "floor:0,390,800,390",
                "--zone", "yard:0.6,0;1,0;1,0.5;0.6,0.5", "--zone", "pen:10,10;60,10;60,40",
                "--counts", counts.toString(), scene(true).toString());
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode totals = JSON.readTree(counts.toFile());
        assertEquals(JSON.readTree("{\"lines\":{\"gate\":{\"in\":{\"person\":1},\"out\":{\"dog\":1,\"person\":1}},"
                + "\"floor\":{\"in\":{},\"out\":{}}},"
                + "\"zones\":{\"yard\":{\"entered\":{\"person\":1}},\"pen\":{\"entered\":{}}}}"), totals);
        List<JsonNode> crossings = run.jsonLines().stream().filter(l -> l.has("count")).toList();
        assertEquals(3, crossings.stream().filter(l -> l.get("count").has("line")).count(), run.out());
        assertEquals(2, crossings.stream().filter(l -> l.get("count").has("zone")).count(),
                "A enters the yard and leaves it when its track ends: " + run.out());
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary left");
    }

    @Test
    void fractionsWithoutTheFrameSizeAreNamedAndPixelsNeedNone() throws Exception {
        Path file = scene(false);
        CliRun run = CliRun.of("track", "--line", "gate:0.5,0,0.5,1", "--counts", dir.resolve("c.json").toString(),
                file.toString());
        assertEquals(Main.EXIT_FAILED, run.exitCode(), run.toString());
        assertTrue(run.err().contains("line 1: no field 'width' and 'height' (the frame size in pixels), which "
                + "--line and --zone in fractions of the frame need"), run.err());
        Path counts = dir.resolve("px.json");
        run = CliRun.of("track", "--line", "gate:400,0,400,400", "--counts", counts.toString(), file.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(1, JSON.readTree(counts.toFile()).at("/lines/gate/in/person").asInt());
    }

    @Test
    void countsWithoutRegionsOrOntoTheInputIsAUsageError() throws Exception {
        Path file = scene(true);
        CliRun run = CliRun.of("track", "--counts", dir.resolve("c.json").toString(), file.toString());
        assertEquals(Main.EXIT_USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--counts needs a --line or a --zone to count"), run.err());
        String before = Files.readString(file);
        run = CliRun.of("track", "--line", "gate:400,0,400,400", "--counts", file.toString(), file.toString());
        assertEquals(Main.EXIT_USAGE, run.exitCode(), run.toString());
        assertEquals(before, Files.readString(file), "the input stays as it was");
        run = CliRun.of("track", "--line", "gate:1,2,3", file.toString());
        assertEquals(Main.EXIT_USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--line gate:1,2,3: needs 4 numbers"), run.err());
    }

    @Test
    void countsIntoAMissingFolderSayWhere() throws Exception {
        Path counts = dir.resolve("no-such-folder").resolve("c.json");
        CliRun run = CliRun.of("track", "--line", "gate:400,0,400,400", "--counts", counts.toString(),
                scene(true).toString());
        assertEquals(Main.EXIT_FAILED, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--counts: cannot write " + counts), run.err());
    }
}
