package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.convert.TfjsModelBuilder;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.Tensor;
import dev.lookout.run.Npy;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lookout run}: a TF.js model on a .npy tensor and on an image, outputs as .npz, JSON and summary lines. */
class RunCommandTest {

    @TempDir
    Path dir;
    Path model;

    @BeforeEach
    void writeModel() throws Exception {
        model = dir.resolve("model");
        // y = x * [1, 10, 100] per channel, over an image-shaped input of any size
        new TfjsModelBuilder()
                .placeholder("x", 1, 1, -1, -1, 3)
                .constFloat("w", new long[] {3}, 1, 10, 100)
                .op("y", "Mul", "{}", "x", "w")
                .write(model, 1 << 20);
    }

    @Test
    void aNpyTensorInJsonOut() throws Exception {
        Path in = dir.resolve("x.npy");
        Files.write(in, Npy.write(Tensor.ofFloats(new long[] {1, 1, 2, 3}, 1, 2, 3, 4, 5, 6)));
        Path json = dir.resolve("y.json");
        CliRun run = CliRun.of("run", model.toString(), "--input", in.toString(), "--output", json.toString());
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode y = new ObjectMapper().readTree(json.toFile()).get("y");
        assertEquals("float", y.get("dtype").asText());
        assertEquals("[1,1,2,3]", y.get("shape").toString());
        assertEquals("[1.0,20.0,300.0,4.0,50.0,600.0]", y.get("data").toString());
    }

    @Test
    void anOutputInAMissingFolderIsNamedWithItsFolderNotATemporaryFile() throws Exception {
        Path in = dir.resolve("x.npy");
        Files.write(in, Npy.write(Tensor.ofFloats(new long[] {1, 1, 1, 3}, 1, 2, 3)));
        Path out = dir.resolve("missing").resolve("y.npz");
        CliRun run = CliRun.of("run", model.toString(), "--input", in.toString(), "--output", out.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals("lookout run: cannot write " + out + ": its folder " + out.getParent() + " does not exist\n",
                run.err());
        assertFalse(Files.exists(out.getParent()));
    }

    @Test
    void anImageResizedAndScaledInNpzOut() throws Exception {
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 4; x++) {
            for (int yy = 0; yy < 2; yy++) {
                image.setRGB(x, yy, 0x102030); // r = 16, g = 32, b = 48
            }
        }
        Path png = dir.resolve("in.png");
        ImageIO.write(image, "png", png.toFile());
        Path npz = dir.resolve("y.npz");
        CliRun run = CliRun.of("run", model.toString(), "--input", png.toString(), "--size", "2x1", "--scale", "0.5",
                "--mean", "1", "--std", "2", "--output", npz.toString());
        assertEquals(0, run.exitCode(), run.toString());
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            Tensor y = Npy.read(zip.getInputStream(zip.getEntry("y.npy")).readAllBytes(), "y.npy");
            assertEquals(DataType.FLOAT, y.type());
            assertArrayEquals(new long[] {1, 1, 2, 3}, y.shape());
            // (16 * 0.5 - 1) / 2 = 3.5, (32 * 0.5 - 1) / 2 = 7.5, (48 * 0.5 - 1) / 2 = 11.5; times 1, 10, 100
            assertArrayEquals(new float[] {3.5f, 75f, 1150f, 3.5f, 75f, 1150f}, y.floats());
        }
    }

    @Test
    void withoutOutputOneSummaryLinePerOutput() throws Exception {
        Path in = dir.resolve("x.npy");
        Files.write(in, Npy.write(Tensor.ofFloats(new long[] {1, 1, 1, 3}, 1, 2, 3)));
        CliRun run = CliRun.of("run", model.toString(), "--input", in.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("y float [1, 1, 1, 3] min 1.00000 max 300.000 mean 107.000\n", run.out());
    }

    @Test
    void aTensorOfTheWrongShapeOrAnOutputThatIsTheInputIsRefused() throws Exception {
        Path in = dir.resolve("x.npy");
        Files.write(in, Npy.write(Tensor.ofFloats(new long[] {1, 3}, 1, 2, 3)));
        CliRun wrong = CliRun.of("run", model.toString(), "--input", in.toString());
        assertEquals(1, wrong.exitCode());
        assertEquals("lookout run: " + in + " holds float [1, 3]; the model's input takes float [1, -1, -1, 3]"
                + " (-1: any size)\n", wrong.err());
        Path json = model.resolve("model.json");
        byte[] before = Files.readAllBytes(json);
        CliRun clobber = CliRun.of("run", model.toString(), "--input", in.toString(), "--output", json.toString());
        assertEquals(2, clobber.exitCode());
        assertTrue(clobber.err().startsWith("lookout run: --output " + json + " is the input MODEL " + json
                + "; choose another file"), clobber.err());
        assertArrayEquals(before, Files.readAllBytes(json));
    }
}
