package dev.lookout.cli;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.detect.ModelFiles;
import dev.lookout.testsupport.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lookout bench} on a real image: stage figures, the OpenCV DNN comparison, the soak run. */
@IntegrationTest
class BenchCommandTest {

    @Test
    void timesEveryStageForTheImageAndA640x480FrameAndEndsWithJson() throws Exception {
        String model = TestData.require(TestData.modelDir().resolve(ModelFiles.MODEL_FILE), "the converted model")
                .getParent().toString();
        Path dog = TestData.reference().resolve("images/dog.png");
        CliRun run = CliRun.of("bench", "--model", model, "--runs", "3", "--warmup", "1", "--soak", "40",
                dog.toString());
        assertEquals(0, run.exitCode(), run.toString());
        String[] lines = run.out().strip().split("\n");
        JsonNode report = new ObjectMapper().readTree(lines[lines.length - 1]);

        assertEquals("CPU", report.get("provider").asText());
        assertEquals(3, report.get("runs").asInt());
        JsonNode rows = report.get("onnxruntime");
        assertEquals(2, rows.size());
        assertEquals("dog.png", rows.get(0).get("image").asText());
        assertEquals(768, rows.get(0).get("width").asInt());
        assertEquals(3, rows.get(0).get("detections").asInt());
        assertEquals(640, rows.get(1).get("width").asInt());
        assertEquals(480, rows.get(1).get("height").asInt());
        for (JsonNode row : rows) {
            for (String stage : List.of("decode", "preprocess", "inference", "postprocess", "detect", "total")) {
                double median = row.get(stage).get("median").asDouble();
                assertTrue(median > 0 && row.get(stage).get("p95").asDouble() >= median, stage + ": " + row);
            }
            assertTrue(row.get("total").get("median").asDouble() >= row.get("inference").get("median").asDouble());
        }

        JsonNode dnn = report.get("opencvDnn");
        if (dnn.get("loaded").asBoolean()) {
            assertEquals(2, dnn.get("images").size());
            assertTrue(dnn.get("images").get(0).get("dnnOverOrtInference").asDouble() > 0);
        } else {
            // OpenCV's importer refuses the graph: the reason is printed and the run carries on.
            assertFalse(dnn.get("error").asText().isBlank(), dnn.toString());
            assertTrue(run.out().contains("OpenCV DNN: cannot load the model: " + dnn.get("error").asText()));
        }

        JsonNode soak = report.get("soak");
        assertEquals(40, soak.get("calls").asInt());
        assertTrue(soak.get("rssStartBytes").asLong() > 0 && soak.get("rssEndBytes").asLong() > 0, soak.toString());
    }

    @Test
    void unreadableImagesAreSkippedAndNoImagesIsAUsageError(@TempDir Path dir) throws Exception {
        String model = TestData.require(TestData.modelDir().resolve(ModelFiles.MODEL_FILE), "the converted model")
                .getParent().toString();
        Path text = dir.resolve("a.png");
        Files.writeString(text, "text");
        CliRun run = CliRun.of("bench", "--model", model, "--runs", "1", "--no-dnn", text.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("skipping " + text) && run.err().contains("none of the images"), run.err());

        CliRun empty = CliRun.of("bench", "--model", model, dir.resolve("nothing").toString());
        assertEquals(1, empty.exitCode(), empty.toString());
        CliRun bad = CliRun.of("bench", "--runs", "0");
        assertEquals(2, bad.exitCode(), bad.toString());
    }
}
