package dev.lookout.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convert} given model files whose declared sizes lie: every shape is checked before anything is allocated
 * for it, and the run ends with exit 1, a message naming the tensor and its shape, and no output file.
 */
class ConvertDeclaredSizesTest {

    @TempDir
    Path dir;

    private Path model() {
        return dir.resolve("model");
    }

    private TfjsModelBuilder withInput() {
        return new TfjsModelBuilder().placeholder("x", 1, 1, 2);
    }

    /** Converts the model, expecting it refused with every one of {@code expected} in the message. */
    private void assertRefused(String... expected) {
        Path out = dir.resolve("out.onnx");
        CliRun run = CliRun.of("convert", model().toString(), out.toString());
        assertEquals(1, run.exitCode(), run.toString());
        for (String s : expected) {
            assertTrue(run.err().contains(s), "'" + s + "' in: " + run.err());
        }
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception")
                || run.err().contains("OutOfMemory"), run.err());
        assertFalse(Files.exists(out), "no output file");
    }

    @Test
    void aWeightWhoseShapeOverflowsALongIsRefusedByNameAndShape() throws Exception {
        // 2^62 × 4 float32 elements = 2^66 bytes, which wraps to 0 in 64 bits and so "matches" an empty shard
        withInput().constRaw("w", new long[] {4611686018427387904L, 4}, "float32", new byte[0], null)
                .op("y", "Mul", "{}", "x", "w").write(model(), 1 << 20);
        assertRefused("weight w", "[4611686018427387904, 4]");
    }

    @Test
    void aWeightWithNegativeDimensionsIsRefusedByNameAndShape() throws Exception {
        // -1 × -4 = 4 elements: the 16 bytes of the shard would pass a size check on the product alone
        withInput().constRaw("w", new long[] {-1, -4}, "float32", new byte[16], null)
                .op("y", "Mul", "{}", "x", "w").write(model(), 1 << 20);
        assertRefused("weight w", "[-1, -4]", "negative");
    }

    @Test
    void aWeightDimensionBeyondALongIsRefusedInsteadOfReadAsZero() throws Exception {
        withInput().constRaw("w", new long[] {7}, "float32", new byte[0], null)
                .op("y", "Mul", "{}", "x", "w").write(model(), 1 << 20);
        Path json = model().resolve("model.json");
        String text = Files.readString(json);
        assertTrue(text.contains("\"shape\":[7]"), text);
        Files.writeString(json, text.replace("\"shape\":[7]", "\"shape\":[73786976294838206464]"));
        assertRefused("weight w", "73786976294838206464");
    }

    @Test
    void anInlineConstantWithAnOverflowingShapeAndNoBytesIsRefused() throws Exception {
        withInput().op("c", "Const", "{\"dtype\":{\"type\":\"DT_FLOAT\"},\"value\":{\"tensor\":{\"dtype\":"
                + "\"DT_FLOAT\",\"tensorShape\":{\"dim\":[{\"size\":\"4611686018427387904\"},{\"size\":\"4\"}]},"
                + "\"tensorContent\":\"\"}}}").op("y", "Mul", "{}", "x", "c").write(model(), 1 << 20);
        assertRefused("constant c", "[4611686018427387904, 4]");
    }

    @Test
    void anInlineConstantFilledToAnAbsurdShapeIsRefusedBeforeItIsAllocated() throws Exception {
        // one value in model.json, repeated to fill 10^10 elements (40 GB) as TF's rule says
        withInput().op("c", "Const", "{\"dtype\":{\"type\":\"DT_FLOAT\"},\"value\":{\"tensor\":{\"dtype\":"
                + "\"DT_FLOAT\",\"tensorShape\":{\"dim\":[{\"size\":\"100000\"},{\"size\":\"100000\"}]},"
                + "\"floatVal\":[0]}}}").op("y", "Mul", "{}", "x", "c").write(model(), 1 << 20);
        assertRefused("constant c", "[100000, 100000]", "more than the 2 GB");
    }

    @Test
    void aFoldedFillOfAnAbsurdShapeIsRefusedBeforeItIsComputed() throws Exception {
        withInput().constInt("dims", new long[] {3}, 100000, 100000, 100000)
                .constFloat("zero", new long[0], 0f)
                .op("f", "Fill", "{}", "dims", "zero")
                .op("y", "Mul", "{}", "x", "f").write(model(), 1 << 20);
        assertRefused("node f (Fill)", "[100000, 100000, 100000]", "more than the 2 GB");
    }
}
