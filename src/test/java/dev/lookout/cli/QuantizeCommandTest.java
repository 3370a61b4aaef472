package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quantize}'s refusals, and {@code --precision} on the commands that run the model. */
@IntegrationTest
class QuantizeCommandTest {

    @Test
    void aMissingCalibrationInputIsNamed(@TempDir Path dir) {
        String model = TestData.modelDir().toString();
        CliRun run = CliRun.of("quantize", "--model", model, "--output", dir.resolve("q.onnx").toString(),
                "--calibration", dir.resolve("no-such-folder").toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("no-such-folder") && run.err().contains("not found"), run.err());
        assertFalse(Files.exists(dir.resolve("q.onnx")));
    }

    @Test
    void theOutputMayNotBeTheInput() throws Exception {
        Path model = TestData.require(TestData.modelDir().resolve("model.onnx"), "the model");
        long size = Files.size(model);
        CliRun run = CliRun.of("quantize", "--output", model.toString(), "--calibration",
                TestData.reference().resolve("images/dog.png").toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--output " + model + " is the input --model " + model
                + "; choose another file"), run.err());
        assertEquals(size, Files.size(model));
    }

    @Test
    void aCalibrationImageOverThePixelLimitNamesHowQuantizeRaisesIt(@TempDir Path dir) throws Exception {
        Path big = DetectHostileInputTest.pngBomb(dir.resolve("big.png"), 11000); // 121 megapixels
        CliRun run = CliRun.of("quantize", "--model", TestData.modelDir().toString(), "--output",
                dir.resolve("q.onnx").toString(), "--calibration", big.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("raise the limit with java -Dlookout.maxPixels=N"), run.err());
        assertFalse(run.err().contains("--max-pixels"), "quantize has no --max-pixels: " + run.err());
        assertFalse(Files.exists(dir.resolve("q.onnx")));
    }

    @Test
    void unknownMethodsAndPrecisionsAreUsageErrors(@TempDir Path dir) {
        CliRun method = CliRun.of("quantize", "--output", dir.resolve("q.onnx").toString(), "--method", "median",
                "--calibration", TestData.reference().resolve("images/dog.png").toString());
        assertEquals(2, method.exitCode(), method.toString());
        assertTrue(method.err().contains("unknown calibration method 'median'"), method.err());
        CliRun precision = CliRun.of("detect", "--precision", "fp16", "x.jpg");
        assertEquals(2, precision.exitCode(), precision.toString());
        assertTrue(precision.err().contains("fp32 or int8"), precision.err());
    }

    @Test
    void benchSaysWhichModelRuns() {
        Path dog = TestData.reference().resolve("images/dog.png");
        TestData.require(TestData.modelDir().resolve("model-int8.onnx"), "the int8 model");
        CliRun run = CliRun.of("bench", "--precision", "int8", "--runs", "1", "--warmup", "0", "--no-dnn",
                dog.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("model-int8.onnx (int8,"), run.out());
        assertTrue(run.out().contains("\"precision\":\"int8\""), run.out());
    }
}
