package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code track --line --zone --counts} on the detections of all of vtest.avi gives the counts of
 * {@code detect --track --line --zone} on the video. The detections must be the tracker's candidates
 * ({@code --min-score 0.1 --max-boxes 100 --iou 0.5}, what {@code detect --track} asks the detector for): with
 * detect's defaults (above 0.5, at most 20) the tracker would lack its low-score second association.
 */
@IntegrationTest
class TrackCountsVtestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LINE = "door:0.45,0.3,0.45,0.95";
    private static final String ZONE = "lot:0.1,0.5;0.5,0.5;0.5,0.95;0.1,0.95";

    @TempDir
    Path dir;

    @Test
    void retrackedCandidatesCountAsDetectTrackDoes() throws Exception {
        TestData.require(TestData.modelDir().resolve("model.onnx"), "the converted model");
        String video = TestData.vtestAvi().toString();
        CliRun tracked = CliRun.of("detect", "--track", "--line", LINE, "--zone", ZONE, video);
        assertEquals(0, tracked.exitCode(), tracked.err());
        ObjectNode expected = totals(tracked.jsonLines());

        CliRun detected = CliRun.of("detect", "--every", "1", "--min-score", "0.1", "--max-boxes", "100", "--iou",
                "0.5", video);
        assertEquals(0, detected.exitCode(), detected.err());
        Path detections = dir.resolve("vtest.jsonl");
        Files.writeString(detections, detected.out());
        Path counts = dir.resolve("counts.json");
        CliRun retracked = CliRun.of("track", "--line", LINE, "--zone", ZONE, "--counts", counts.toString(),
                detections.toString());
        assertEquals(0, retracked.exitCode(), retracked.err());
        JsonNode actual = JSON.readTree(counts.toFile());
        assertTrue(actual.at("/lines/door/in").size() + actual.at("/lines/door/out").size() > 0,
                "people cross the door line: " + actual);
        assertEquals(expected, actual);
        assertEquals(expected, totals(retracked.jsonLines()), "track's count lines are detect's");
    }

    /** The totals that the "count" lines of a run give, in --counts' shape. */
    private static ObjectNode totals(List<JsonNode> lines) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode door = root.putObject("lines").putObject("door");
        door.putObject("in");
        door.putObject("out");
        ObjectNode entered = root.putObject("zones").putObject("lot").putObject("entered");
        for (JsonNode l : lines) {
            JsonNode c = l.get("count");
            if (c == null) {
                continue;
            }
            String cls = c.get("class").asText();
            if (c.has("line")) {
                ObjectNode dir = (ObjectNode) door.get(c.get("direction").asText());
                dir.put(cls, dir.path(cls).asInt() + 1);
            } else if (c.get("event").asText().equals("enter")) {
                entered.put(cls, entered.path(cls).asInt() + 1);
            }
        }
        return root;
    }
}
