package dev.lookout.cli;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.capture.FfmpegFrameSource;
import dev.lookout.capture.Frame;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.Detection;
import dev.lookout.detect.Device;
import dev.lookout.detect.ModelFiles;
import dev.lookout.testsupport.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lookout detect} on Debian's vtest.avi (795 frames of people walking, 768×576). */
@IntegrationTest
class DetectVideoTest {

    private static Path modelDir;
    private static Path video;

    @BeforeAll
    static void data() {
        modelDir = TestData.require(TestData.modelDir().resolve(ModelFiles.MODEL_FILE), "the converted model")
                .getParent();
        video = TestData.vtestAvi();
    }

    @Test
    void everyNthFrameGivesOneLineWithItsFrameNumberAndTheSameAnswerAsTheLibrary(@TempDir Path dir)
            throws Exception {
        Path annotated = dir.resolve("annotated");
        CliRun run = CliRun.of("detect", "--model", modelDir.toString(), "--every", "100", "--classes", "person",
                "--annotate", annotated.toString(), video.toString());
        assertEquals(0, run.exitCode(), run.toString());
        List<JsonNode> lines = run.jsonLines();
        assertEquals(8, lines.size(), "frames 0, 100, ..., 700 of 795");
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            assertEquals(video.toString(), line.get("source").asText());
            assertEquals(100L * i, line.get("frame").asLong());
            assertEquals(768, line.get("width").asInt());
            assertEquals(576, line.get("height").asInt());
        }
        int persons = 0;
        for (JsonNode line : lines) {
            for (JsonNode d : line.get("detections")) {
                assertEquals("person", d.get("class").asText());
                persons++;
            }
        }
        assertTrue(persons >= 8, "people walk through the whole clip: " + persons);

        // Frame 300 decoded on its own and detected through the library gives the same line.
        List<Detection> direct = new ArrayList<>();
        try (FfmpegFrameSource source = FfmpegFrameSource.openFile(video);
                CocoSsdDetector detector = CocoSsdDetector.load(modelDir, Device.CPU)) {
            for (int i = 0; i <= 300; i++) {
                try (Frame frame = source.read()) {
                    if (i == 300) {
                        direct.addAll(detector.detect(frame.image(),
                                DetectOptions.DEFAULTS.withClasses(java.util.Set.of("person"))).detections());
                    }
                }
            }
        }
        JsonNode frame300 = lines.get(3).get("detections");
        assertEquals(direct.size(), frame300.size());
        for (int i = 0; i < direct.size(); i++) {
            assertEquals(direct.get(i).x(), frame300.get(i).get("bbox").get(0).asDouble(), 1e-9);
            assertEquals(direct.get(i).score(), frame300.get(i).get("score").asDouble(), 1e-12);
        }

        try (Stream<Path> files = Files.list(annotated)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(8, names.size(), names.toString());
            assertEquals("vtest-frame000000.jpg", names.get(0));
            assertEquals("vtest-frame000700.jpg", names.get(7));
        }
    }

    @Test
    void aBrokenVideoIsReportedAndTheOtherInputsStillRun(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("fake.mp4");
        Files.writeString(fake, "this is not a video\n");
        Path png = TestData.reference().resolve("images/eagle.png");
        CliRun run = CliRun.of("detect", "--model", modelDir.toString(), fake.toString(), png.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(1, run.jsonLines().size());
        assertTrue(run.err().contains(fake.toString()), run.err());
        assertTrue(!run.err().contains("\tat "), run.err());
    }
}
