package dev.lookout.cli;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.capture.MatImages;
import dev.lookout.overlay.ClassColors;
import dev.lookout.testsupport.FfmpegTestSource;
import dev.lookout.testsupport.TestData;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code detect --record / --watch / --snapshot} on the first 60 frames of vtest.avi with the real model. */
@IntegrationTest
class DetectRecordTest {

    static final int FRAMES = 60;

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
        List<JsonNode> json() throws Exception {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(new ObjectMapper().readTree(line));
                }
            }
            return lines;
        }
    }

    Result detect(String... args) throws Exception {
        TestData.require(TestData.modelDir().resolve("model.onnx"), "the converted model");
        Path video = TestData.vtestAvi();
        DetectCommand command = new DetectCommand(file -> new FfmpegTestSource(file, FRAMES));
        List<String> all = new ArrayList<>(List.of(args));
        all.add(video.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = command.run(all.toArray(String[]::new), o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void recordWritesTheWholeVideoWithTheDetectedBoxesBurntIn() throws Exception {
        Path out = dir.resolve("annotated.mp4");
        Result r = detect("--record", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("recorded " + FRAMES + " frames"), r.err());
        List<JsonNode> lines = r.json();
        assertEquals(FRAMES, lines.size());

        try (FfmpegTestSource back = new FfmpegTestSource(out, 0)) {
            assertEquals(10.0, back.frameRate(), 0.01);
            var first = back.read();
            try (first) {
                assertEquals(768, first.width());
                assertEquals(576, first.height());
                BufferedImage image = MatImages.toBufferedImage(first.image(), null);
                // The left edge of frame 0's first detected person, half-way down: drawn in the person colour.
                JsonNode bbox = lines.get(0).get("detections").get(0).get("bbox");
                assertEquals("person", lines.get(0).get("detections").get(0).get("class").asText());
                int x = (int) Math.round(bbox.get(0).asDouble());
                int y = (int) Math.round(bbox.get(1).asDouble() + bbox.get(3).asDouble() / 2);
                Color actual = new Color(image.getRGB(x, y));
                Color expected = ClassColors.of("person");
                int distance = Math.abs(actual.getRed() - expected.getRed())
                        + Math.abs(actual.getGreen() - expected.getGreen())
                        + Math.abs(actual.getBlue() - expected.getBlue());
                assertTrue(distance < 90, "box edge pixel " + actual + " vs " + expected);
            }
            int count = 1;
            while (true) {
                try (var f = back.read()) {
                    if (f == null) {
                        break;
                    }
                    count++;
                }
            }
            assertEquals(FRAMES, count, "offline recording drops nothing");
        }
    }

    @Test
    void watchPersonGivesOneEventForPeopleWalkingAllTheTime() throws Exception {
        Result r = detect("--watch", "person", "--record-dir", dir.resolve("clips").toString(), "--events",
                dir.resolve("events.jsonl").toString(), "--snapshot", dir.resolve("shots").toString());
        assertEquals(0, r.exit(), r.err());
        List<String> log = Files.readAllLines(dir.resolve("events.jsonl"));
        assertEquals(2, log.size(), String.join("\n", log));
        JsonNode start = new ObjectMapper().readTree(log.get(0));
        JsonNode end = new ObjectMapper().readTree(log.get(1));
        assertEquals("start", start.get("event").asText());
        assertEquals("end", end.get("event").asText());
        assertEquals(0.2, start.get("sourceSeconds").asDouble(), 1e-6, "confirmed on the third frame");
        assertEquals(FRAMES, end.get("clipFrames").asInt(), "2 frames of pre-roll + the rest of the video");
        assertTrue(Files.exists(Path.of(end.get("clip").asText())));
        assertTrue(Files.exists(Path.of(end.get("snapshot").asText())));
        assertTrue(r.err().contains("event 1 at 0.2 s: person"), r.err());
    }

    @Test
    void anUnwritableRecordTargetIsReportedAndDetectionGoesOn() throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        Result r = detect("--record", blocker.resolve("sub/out.mp4").toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("cannot record vtest.avi") && r.err().contains(blocker.toString()), r.err());
        assertEquals(FRAMES, r.json().size(), "all frames were still detected");
    }

    @Test
    void unknownWatchClassIsAUsageError() throws Exception {
        Result r = detect("--watch", "persn");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--watch: unknown class persn"), r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }
}
