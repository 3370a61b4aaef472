package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackCommandTest {

    @TempDir
    Path dir;

    /**
     * Two people walking towards each other and a chair, 40 frames at 10 fps, as {@code detect} writes them; the
     * ground truth in MOT rows.
     */
    private Path scene(List<String> truth) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int f = 0; f < 40; f++) {
            double a = 50 + 10 * f;
            double b = 600 - 10 * f;
            lines.add(String.format(Locale.ROOT, "{\"source\":\"walk.mp4\",\"frame\":%d,\"t\":%.1f,\"width\":800,"
                    + "\"height\":400,\"detections\":[{\"bbox\":[%.1f,100,40,100],\"class\":\"person\",\"score\":0.9},"
                    + "{\"bbox\":[%.1f,120,40,100],\"class\":\"person\",\"score\":0.8},"
                    + "{\"bbox\":[300,300,30,30],\"class\":\"chair\",\"score\":0.15}],\"ms\":12.5}",
                    f, f / 10.0, a, b));
            truth.add(String.format(Locale.ROOT, "%d,1,%.1f,100,40,100,1,-1,-1,-1", f + 1, a));
            truth.add(String.format(Locale.ROOT, "%d,2,%.1f,120,40,100,1,-1,-1,-1", f + 1, b));
        }
        Path file = dir.resolve("walk.jsonl");
        Files.write(file, lines);
        return file;
    }

    @Test
    void writesTheLinesBackWithIds() throws Exception {
        Path file = scene(new ArrayList<>());
        CliRun run = CliRun.of("track", file.toString());
        assertEquals(0, run.exitCode(), run.toString());
        List<JsonNode> lines = run.jsonLines();
        assertEquals(40, lines.size());
        JsonNode last = lines.get(39);
        assertEquals(1, last.get("detections").get(0).get("id").asLong());
        assertEquals(2, last.get("detections").get(1).get("id").asLong());
        assertFalse(last.get("detections").get(1).get("stationary").asBoolean());
        assertFalse(last.get("detections").get(2).has("id"), "a 0.15 chair never starts a track");
        assertEquals(12.5, last.get("ms").asDouble(), "the rest of the line is kept");
    }

    @Test
    void scoresAgainstTheTruthAndWritesMotRows() throws Exception {
        List<String> truth = new ArrayList<>();
        Path file = scene(truth);
        Path gt = dir.resolve("gt.txt");
        Files.write(gt, truth);
        Path mot = dir.resolve("tracked.txt");
        CliRun run = CliRun.of("track", "--truth", gt.toString(), "--format", "mot", "--output", mot.toString(),
                file.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("MOTA 1.000  IDF1 1.000  IDsw 0  Frag 0  MT 2/2"), run.out());
        List<String> rows = Files.readAllLines(mot);
        assertEquals(80, rows.size());
        assertEquals("1,1,50.00,100.00,40.00,100.00,0.9000,-1,-1,-1", rows.get(0));
    }

    @Test
    void badLinesAreNamedAndSkipped() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.write(file, List.of(
                "{\"source\":\"v\",\"frame\":0,\"t\":0.1,\"detections\":[]}",
                "{\"source\":\"v\",\"frame\":1,\"t\":0.1,\"detections\":[{\"bbox\":[1,2,3],\"class\":\"dog\",\"score\":1}]}",
                "{\"source\":\"v\",\"frame\":2,\"t\":0.05,\"detections\":[]}",
                "{\"source\":\"v\",\"frame\":3,\"t\":0.2,\"detections\":[",
                "{\"source\":\"v\",\"frame\":4,\"detections\":[]}",
                "{\"source\":\"v\",\"frame\":5,\"t\":0.3,\"detections\":[]}"));
        CliRun run = CliRun.of("track", file.toString());
        assertEquals(Main.EXIT_FAILED, run.exitCode(), run.toString());
        assertEquals(2, run.jsonLines().size(), "frames 0 and 5 are tracked");
        assertTrue(run.err().contains("line 2: detection 1: field 'bbox' must be [x, y, width, height]"), run.err());
        assertTrue(run.err().contains("line 3: field 't' is 0.05 s, before the previous frame's 0.1 s"), run.err());
        assertTrue(run.err().contains("line 4: not JSON"), run.err());
        assertTrue(run.err().contains("line 5: no field 't'"), run.err());
    }

    @Test
    void fpsGivesTimeToLinesWithout() throws Exception {
        Path file = dir.resolve("no-t.jsonl");
        List<String> lines = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            lines.add("{\"frame\":" + f + ",\"detections\":[{\"bbox\":[" + (10 + f) + ",10,40,80],\"class\":\"cat\","
                    + "\"score\":0.7}]}");
        }
        Files.write(file, lines);
        CliRun run = CliRun.of("track", "--fps", "25", file.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(1, run.jsonLines().get(4).get("detections").get(0).get("id").asLong());
    }

    @Test
    void badTruthRowsAreNamed() throws Exception {
        Path file = scene(new ArrayList<>());
        Path gt = dir.resolve("gt.txt");
        Files.write(gt, List.of("1,1,0,0,10,10", "2,one,0,0,10,10"));
        CliRun run = CliRun.of("track", "--truth", gt.toString(), file.toString());
        assertEquals(Main.EXIT_FAILED, run.exitCode(), run.toString());
        assertTrue(run.err().contains("gt.txt line 2: field 'id' is not a number: 'one'"), run.err());
    }

    @Test
    void detectRefusesMalformedRegionsAndTrackingOptionsWithoutTrack() {
        CliRun run = CliRun.of("detect", "--track", "--line", "gate:1,2,3", "video.mp4");
        assertEquals(Main.EXIT_USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--line gate:1,2,3: needs 4 numbers x1,y1,x2,y2 after the name, found 3"),
                run.err());
        run = CliRun.of("detect", "--track", "--zone", "lot:1,1;2,x;3,3", "video.mp4");
        assertTrue(run.err().contains("y2 must be a number"), run.err());
        run = CliRun.of("detect", "--line", "gate:1,2,3,4", "video.mp4");
        assertEquals(Main.EXIT_USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--line needs --track"), run.err());
        run = CliRun.of("detect", "--track", "--min-score", "0.3", "video.mp4");
        assertTrue(run.err().contains("--min-score does not apply with --track"), run.err());
        run = CliRun.of("detect", "--track", "--track-events", "e.jsonl", "--require", "gate", "video.mp4");
        assertTrue(run.err().contains("--require gate: no --line or --zone has that name"), run.err());
        run = CliRun.of("detect", "--event-min-age", "2", "video.mp4");
        assertEquals(Main.EXIT_USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--event-min-age, --event-min-detections, --event-threshold needs --track"),
                run.err());
        run = CliRun.of("detect", "--track", "--track-events", "e.jsonl", "--event-threshold", "1.5", "video.mp4");
        assertEquals(Main.EXIT_USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--event-threshold must be from 0 to 1, not 1.5"), run.err());
        run = CliRun.of("detect", "--track", "--event-min-detections", "0", "video.mp4");
        assertTrue(run.err().contains("--event-min-detections must be from 1 to 1000, not 0"), run.err());
        run = CliRun.of("live", "--watch", "person", "--event-min-age", "-1");
        assertEquals(Main.EXIT_USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--event-min-age must be from 0 to 3600 seconds, not -1.0"), run.err());
    }
}
