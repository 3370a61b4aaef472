package dev.lookout.cli;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.detect.ModelFiles;
import dev.lookout.overlay.ClassColors;
import dev.lookout.testsupport.TestData;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lookout detect} end to end on real images with the real model. */
@IntegrationTest
class DetectCommandTest {

    private static String model;
    private static Path images;

    @BeforeAll
    static void data() {
        model = TestData.require(TestData.modelDir().resolve(ModelFiles.MODEL_FILE), "the converted model")
                .getParent().toString();
        images = TestData.reference().resolve("images");
    }

    private static List<JsonNode> reference(String minScore) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : Files.readAllLines(TestData.reference().resolve("tfjs-detections-" + minScore + ".jsonl"))) {
            if (!line.isBlank()) {
                lines.add(mapper.readTree(line));
            }
        }
        return lines;
    }

    /** Same classes in order, bbox values within 0.5 px, scores within 1e-4. */
    private static void assertSameDetections(JsonNode expected, JsonNode actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": " + actual);
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            JsonNode a = actual.get(i);
            assertEquals(List.of("bbox", "class", "score"), fieldNames(a), "TF.js's shape");
            assertEquals(e.get("class").asText(), a.get("class").asText(), what + " #" + i);
            assertEquals(e.get("score").asDouble(), a.get("score").asDouble(), 1e-4, what + " #" + i);
            for (int k = 0; k < 4; k++) {
                assertEquals(e.get("bbox").get(k).asDouble(), a.get("bbox").get(k).asDouble(), 0.5,
                        what + " #" + i + " bbox[" + k + "]");
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void folderGivesOneTfjsLinePerImageInNameOrder() throws Exception {
        for (String minScore : new String[] {"0.5", "0.3"}) {
            CliRun run = CliRun.of("detect", "--model", model, "--min-score", minScore, images.toString());
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.err().contains("running on CPU"), run.err());
            assertEquals(1, run.err().split("running on", -1).length - 1, "provider told once: " + run.err());
            List<JsonNode> lines = run.jsonLines();
            List<JsonNode> expected = reference(minScore);
            assertEquals(7, lines.size(), run.out());
            for (int i = 0; i < 7; i++) {
                JsonNode line = lines.get(i);
                JsonNode want = expected.get(i);
                assertEquals(List.of("source", "width", "height", "detections", "ms"), fieldNames(line));
                assertTrue(line.get("source").asText().endsWith(want.get("image").asText().substring(7)),
                        line.get("source").asText());
                assertEquals(want.get("width").asInt(), line.get("width").asInt());
                assertEquals(want.get("height").asInt(), line.get("height").asInt());
                assertTrue(line.get("ms").asDouble() > 0);
                assertSameDetections(want.get("detections"), line.get("detections"),
                        line.get("source").asText() + "@" + minScore);
            }
        }
    }

    @Test
    void badInputsAreReportedAndTheOthersStillProcessed(@TempDir Path dir) throws Exception {
        byte[] jpeg = Files.readAllBytes(TestData.darknetPhoto("dog.jpg"));
        Path truncated = dir.resolve("truncated.jpg");
        Files.write(truncated, Arrays.copyOf(jpeg, jpeg.length / 3));
        Path text = dir.resolve("text.jpg");
        Files.writeString(text, "not a picture\n");
        Path missing = dir.resolve("missing.png");
        Path good = images.resolve("person.png");

        CliRun run = CliRun.of("detect", "--model", model, truncated.toString(), good.toString(), text.toString(),
                missing.toString());
        assertEquals(1, run.exitCode(), run.toString());
        List<JsonNode> lines = run.jsonLines();
        assertEquals(1, lines.size(), run.out());
        assertEquals(good.toString(), lines.get(0).get("source").asText());
        assertEquals(3, lines.get(0).get("detections").size());
        assertTrue(run.err().contains(truncated + ": truncated JPEG"), run.err());
        assertTrue(run.err().contains(text + ": not an image"), run.err());
        assertTrue(run.err().contains(missing + ": no such file or folder"), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void folderWithoutImagesIsAFailedInput(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("readme.txt"), "nothing here");
        CliRun run = CliRun.of("detect", "--model", model, dir.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("folder holds no images"), run.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        String png = images.resolve("dog.png").toString();
        String[][] bad = {
            {"detect", "--model", model},
            {"detect", "--model", model, "--min-score", "abc", png},
            {"detect", "--model", model, "--min-score", "1.5", png},
            {"detect", "--model", model, "--max-boxes", "0", png},
            {"detect", "--model", model, "--iou", "0", png},
            {"detect", "--model", model, "--every", "0", png},
            {"detect", "--model", model, "--min-area", "-3", png},
            {"detect", "--model", model, "--device", "tpu", png},
            {"detect", "--model", model, "--frobnicate", png},
            {"detect", "--model", model, "--classes", "persn,dog", png},
        };
        for (String[] args : bad) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), String.join(" ", args) + "\n" + run);
            assertTrue(run.out().isEmpty(), run.out());
            assertTrue(run.err().startsWith("lookout detect: "), run.err());
        }
        assertTrue(CliRun.of("detect", "--model", model, "--classes", "persn,dog", png).err()
                .contains("unknown class persn"));
        CliRun help = CliRun.of("detect", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--min-score") && help.out().contains("--annotate"));
    }

    @Test
    void missingModelFolderIsAClearFailure(@TempDir Path dir) {
        CliRun run = CliRun.of("detect", "--model", dir.resolve("none").toString(), images.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("does not exist") && run.err().contains("lookout convert"), run.err());
        assertTrue(run.out().isEmpty());
    }

    @Test
    void unwritableOutputOrAnnotateFolderFailsClearlyBeforeAnyWork(@TempDir Path dir) throws Exception {
        String png = images.resolve("eagle.png").toString();
        CliRun toFolder = CliRun.of("detect", "--model", model, "--output", dir.toString(), png);
        assertEquals(2, toFolder.exitCode());
        assertTrue(toFolder.err().contains("--output " + dir + " is a folder; give a file name"), toFolder.err());
        assertTrue(toFolder.out().isEmpty());

        Path file = Files.writeString(dir.resolve("taken.txt"), "x");
        CliRun annotateFile = CliRun.of("detect", "--model", model, "--annotate", file.toString(), png);
        assertEquals(2, annotateFile.exitCode());
        assertTrue(annotateFile.err().contains("--annotate " + file + " is a file, not a folder"), annotateFile.err());
        assertTrue(annotateFile.out().isEmpty());
    }

    @Test
    void filtersAndMaxBoxesApplyToTfjsAnswer() throws Exception {
        String kite = images.resolve("kite.png").toString();
        JsonNode persons = CliRun.of("detect", "--model", model, "--classes", "person", kite).jsonLines().get(0)
                .get("detections");
        assertEquals(5, persons.size());
        for (JsonNode d : persons) {
            assertEquals("person", d.get("class").asText());
        }
        JsonNode two = CliRun.of("detect", "--model", model, "--max-boxes", "2", kite).jsonLines().get(0)
                .get("detections");
        assertEquals(2, two.size());
        JsonNode big = CliRun.of("detect", "--model", model, "--min-area", "20000", kite).jsonLines().get(0)
                .get("detections");
        for (JsonNode d : big) {
            assertTrue(d.get("bbox").get(2).asDouble() * d.get("bbox").get(3).asDouble() >= 20000, d.toString());
        }
        assertTrue(big.size() < 8);
    }

    @Test
    void outputOptionWritesTheLinesToAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.jsonl");
        CliRun run = CliRun.of("detect", "--model", model, "--output", file.toString(),
                images.resolve("dog.png").toString(), images.resolve("eagle.png").toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().isEmpty());
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertEquals("bird", new ObjectMapper().readTree(lines.get(1)).get("detections").get(0).get("class")
                .asText());
    }

    @Test
    void annotateDrawsEachBoxInItsClassColour(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("annotated");
        Path dog = images.resolve("dog.png");
        CliRun run = CliRun.of("detect", "--model", model, "--annotate", out.toString(), dog.toString());
        assertEquals(0, run.exitCode(), run.toString());
        Path annotated = out.resolve("dog.png");
        assertTrue(Files.isRegularFile(annotated), "written as " + annotated);
        BufferedImage painted = ImageIO.read(annotated.toFile());
        BufferedImage original = ImageIO.read(dog.toFile());
        assertEquals(original.getWidth(), painted.getWidth());
        JsonNode detections = run.jsonLines().get(0).get("detections");
        assertEquals(3, detections.size());
        for (JsonNode d : detections) {
            double x = d.get("bbox").get(0).asDouble();
            double y = d.get("bbox").get(1).asDouble();
            double w = d.get("bbox").get(2).asDouble();
            double h = d.get("bbox").get(3).asDouble();
            Color want = ClassColors.of(d.get("class").asText());
            // Middle of the left and right edges: under the 3 px outline, away from the label.
            int midY = (int) Math.round(y + h * 0.6);
            assertColour(want, painted.getRGB((int) Math.floor(x), midY), d + " left edge");
            assertColour(want, painted.getRGB((int) Math.floor(x + w), midY), d + " right edge");
        }
        // Away from every box the pixels are untouched.
        assertEquals(original.getRGB(5, 570), painted.getRGB(5, 570));
    }

    private static void assertColour(Color want, int rgb, String what) {
        Color got = new Color(rgb);
        int diff = Math.abs(got.getRed() - want.getRed()) + Math.abs(got.getGreen() - want.getGreen())
                + Math.abs(got.getBlue() - want.getBlue());
        assertTrue(diff <= 30, what + ": " + got + " vs " + want);
    }
}
