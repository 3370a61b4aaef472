package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.testsupport.FfmpegTestSource;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code detect --track} on the first 60 frames (6 s) of vtest.avi with the real detector. */
@IntegrationTest
class DetectTrackTest {

    private static final int FRAMES = 60;

    @TempDir
    Path dir;

    private List<JsonNode> detect(String... args) throws Exception {
        TestData.require(TestData.modelDir().resolve("model.onnx"), "the converted model");
        List<String> all = new ArrayList<>(List.of(args));
        all.add(TestData.vtestAvi().toString());
        CliRun run = CliRun.of(new DetectCommand(file -> new FfmpegTestSource(file, FRAMES)),
                all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.toString());
        return run.jsonLines();
    }

    @Test
    void tracksKeepTheirIdsAndCountsAndEventsFollow() throws Exception {
        Path events = dir.resolve("objects.jsonl");
        Path annotated = dir.resolve("annotated");
        List<JsonNode> lines = detect("--track", "--line", "door:0.45,0.3,0.45,0.95", "--track-events",
                events.toString(), "--annotate", annotated.toString());
        Map<Long, Integer> lengths = new HashMap<>();
        Map<Long, String> classes = new HashMap<>();
        Map<Long, double[]> spans = new HashMap<>();
        Map<Long, List<Double>> scores = new HashMap<>();
        int frames = 0;
        int counts = 0;
        for (JsonNode line : lines) {
            if (line.has("count")) {
                counts++;
                assertEquals("door", line.get("count").get("line").asText());
                continue;
            }
            assertEquals(frames / 10.0, line.get("t").asDouble(), 1e-6, "vtest.avi is 10 fps");
            frames++;
            for (JsonNode d : line.get("detections")) {
                long id = d.get("id").asLong();
                lengths.merge(id, 1, Integer::sum);
                double t = line.get("t").asDouble();
                spans.computeIfAbsent(id, k -> new double[] {t, t})[1] = t;
                scores.computeIfAbsent(id, k -> new ArrayList<>()).add(d.get("score").asDouble());
                String previous = classes.put(id, d.get("class").asText());
                assertTrue(previous == null || previous.equals(d.get("class").asText()), "a track keeps its class");
                assertTrue(d.has("stationary"));
            }
        }
        assertEquals(FRAMES, frames);
        // The two parked cars are seen in every frame under one id each; people walk through for seconds.
        assertEquals(2, classes.entrySet().stream().filter(e -> e.getValue().equals("car")
                && lengths.get(e.getKey()) == FRAMES).count(), lengths.toString());
        assertTrue(lengths.entrySet().stream().filter(e -> classes.get(e.getKey()).equals("person")
                && e.getValue() == FRAMES).count() >= 1, "a person seen throughout keeps one id: " + lengths);
        assertTrue(lengths.entrySet().stream().filter(e -> classes.get(e.getKey()).equals("person")
                && e.getValue() >= 15).count() >= 4, lengths.toString());
        assertTrue(counts >= 1, "someone crosses the door line in the first 6 s");

        List<String> eventLines = Files.readAllLines(events);
        Set<Long> opened = new HashSet<>();
        Set<Long> ended = new HashSet<>();
        for (String text : eventLines) {
            JsonNode e = new ObjectMapper().readTree(text);
            long track = e.get("after").get("track_id").asLong();
            switch (e.get("type").asText()) {
                case "new" -> assertTrue(opened.add(track), "one new per object");
                case "end" -> assertTrue(ended.add(track), "one end per object");
                default -> assertTrue(opened.contains(track) && !ended.contains(track), "updates while open");
            }
        }
        // An event needs an established track (1 s since its first sighting, which is one frame before its first
        // report): a track reported for under 0.9 s makes none; a clearly seen one of 2 s or more makes one.
        assertTrue(lengths.keySet().containsAll(opened));
        for (long id : lengths.keySet()) {
            double span = spans.get(id)[1] - spans.get(id)[0];
            List<Double> s = scores.get(id).stream().sorted().toList();
            if (span < 0.9 - 1e-6) {
                assertFalse(opened.contains(id), "track " + id + " lasted " + span + " s: no event");
            } else if (span >= 2 && s.get(s.size() / 2) >= 0.6) {
                assertTrue(opened.contains(id), "track " + id + " lasted " + span + " s: an event");
            }
        }
        assertTrue(opened.size() < lengths.size() && opened.size() >= 4,
                "short tracks made no event, the people walking through did: " + opened + " of " + spans.keySet());
        assertEquals(opened, ended, "the run's end ends every event");
        assertEquals(FRAMES, Files.list(annotated).count());
    }

    @Test
    void withoutTheEventGateEveryReportedTrackIsAnEvent() throws Exception {
        Path events = dir.resolve("all.jsonl");
        List<JsonNode> lines = detect("--track", "--track-events", events.toString(), "--event-min-age", "0",
                "--event-min-detections", "1", "--event-threshold", "0");
        Set<Long> reported = new HashSet<>();
        lines.forEach(line -> line.path("detections").forEach(d -> reported.add(d.get("id").asLong())));
        Set<Long> opened = new HashSet<>();
        for (String text : Files.readAllLines(events)) {
            JsonNode e = new ObjectMapper().readTree(text);
            if (e.get("type").asText().equals("new")) {
                opened.add(e.get("after").get("track_id").asLong());
            }
        }
        assertEquals(reported, opened, "none was stationary at first");
    }

    @Test
    void withoutTrackTheDetectionsKeepTfjsShape() throws Exception {
        List<JsonNode> lines = detect("--every", "30");
        assertEquals(2, lines.size());
        for (JsonNode line : lines) {
            assertTrue(line.has("t"));
            for (JsonNode d : line.get("detections")) {
                List<String> fields = new ArrayList<>();
                d.fieldNames().forEachRemaining(fields::add);
                assertEquals(List.of("bbox", "class", "score"), fields);
                assertTrue(d.get("score").asDouble() > 0.5, "TF.js's min score");
            }
        }
    }
}
