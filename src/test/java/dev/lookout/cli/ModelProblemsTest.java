package dev.lookout.cli;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.SmallDisk;
import dev.lookout.testsupport.TestData;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code detect} says about a model folder, its labels and the folder ONNX Runtime unpacks into. */
@IntegrationTest
class ModelProblemsTest {

    @TempDir
    Path dir;

    private Path image() throws Exception {
        Path file = dir.resolve("grey.png");
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR), "png", file.toFile());
        return file;
    }

    private Path modelCopy(String labelsJson) throws Exception {
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.createSymbolicLink(model.resolve("model.onnx"), TestData.modelDir().resolve("model.onnx").toAbsolutePath());
        if (labelsJson != null) {
            Files.writeString(model.resolve("labels.json"), labelsJson);
        }
        return model;
    }

    @Test
    void aFolderWithoutLabelsSaysHowToMakeThem() throws Exception {
        CliRun run = CliRun.of("detect", "--model", modelCopy(null).toString(), image().toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("has no labels.json: copy models/coco-ssd/labels.json"), run.err());
        assertTrue(run.err().contains("'lookout convert' writes only the ONNX model"), run.err());
    }

    @Test
    void labelsThatLackClassesAreNamed() throws Exception {
        String labels = Files.readString(TestData.modelDir().resolve("labels.json"))
                .replace("\"3\": \"car\",", "").replace("\"3\":\"car\",", "")
                .replace("\"18\": \"dog\",", "").replace("\"18\":\"dog\",", "");
        CliRun run = CliRun.of("detect", "--model", modelCopy(labels).toString(), image().toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().contains("names 78 of Coco-SSD's 80 classes: detections of class ids 3, 18 will not be "
                + "reported"), run.err());
    }

    @Test
    void minScoreZeroExplainsTheSuppression() throws Exception {
        CliRun run = CliRun.of("detect", "--min-score", "0", image().toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--min-score 0 is also TF.js's suppression IoU threshold"), run.err());
        CliRun withIou = CliRun.of("detect", "--min-score", "0", "--iou", "0.5", image().toString());
        assertFalse(withIou.err().contains("suppression IoU threshold"), withIou.err());
    }

    @Test
    void aTemporaryFolderThatCannotHoldTheNativeLibrarySaysWhereToGo() throws Exception {
        Path image = image();
        for (String option : List.of("ro", "noexec")) {
            try (SmallDisk tmp = SmallDisk.mount(dir, 400_000, option)) {
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                Process p = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp.path(), "-cp",
                        System.getProperty("java.class.path"), "dev.lookout.cli.Main", "detect", "--model",
                        TestData.modelDir().toString(), image.toString()).redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(60, TimeUnit.SECONDS));
                assertEquals(1, p.exitValue(), option + ": " + output);
                assertTrue(output.contains("ONNX Runtime's native library could not be loaded")
                        && output.contains("temporary folder " + tmp.path())
                        && output.contains("-Djava.io.tmpdir=DIR"), option + ": " + output);
                assertFalse(output.contains("\tat "), option + ": " + output);
            }
        }
    }
}
