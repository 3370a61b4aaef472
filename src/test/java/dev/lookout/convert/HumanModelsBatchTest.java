package dev.lookout.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.onnx.DataType;
import dev.lookout.onnx.Tensor;
import dev.lookout.run.Npy;
import dev.lookout.run.OnnxModelRunner;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.OutputComparison;
import dev.lookout.testsupport.TfjsReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code @vladmandic/human@3.3.6} models whose input has an unknown batch keep it unknown in ONNX, and a batch
 * of two different images gives TF.js's (cpu) outputs for that batch within {@link HumanModelsParityTest#TOLERANCE}.
 */
@IntegrationTest
class HumanModelsBatchTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"antispoof", "emotion", "facemesh", "faceres", "iris", "liveness"})
    void aBatchOfTwoMatchesTfjs(String name) throws Exception {
        Path json = TfjsReference.humanModel(name);
        byte[] onnx = TfjsConverter.convert(TfjsModel.load(json));
        TfjsReference.Run one = TfjsReference.run(json, dir.resolve("one"), 7);
        assertEquals(1, one.inputs().size(), name + " has one input");
        String input = one.inputs().keySet().iterator().next();
        Tensor image = one.inputs().get(input);
        Tensor batch = withMirror(image);
        Path file = dir.resolve("batch.npy");
        Files.write(file, Npy.write(batch));
        TfjsReference.Run ref = TfjsReference.run(json, dir.resolve("two"), 7, "--input", input + "=" + file);
        Map<String, Tensor> actual;
        try (OnnxModelRunner runner = new OnnxModelRunner(onnx)) {
            assertEquals(-1, runner.inputs().get(input)[0], name + ": the ONNX input's batch is unknown");
            actual = runner.run(Map.of(input, batch));
        }
        assertEquals(List.copyOf(ref.outputs().keySet()), List.copyOf(actual.keySet()), "output names");
        for (Map.Entry<String, Tensor> e : ref.outputs().entrySet()) {
            Tensor got = actual.get(e.getKey());
            assertEquals(2, e.getValue().shape()[0], e.getKey() + ": TF.js computed a batch of two");
            assertArrayEquals(e.getValue().shape(), got.shape(), e.getKey() + " shape");
            OutputComparison c = OutputComparison.of(e.getValue(), got);
            String what = String.format("%s %s batch 2: max |diff| %.3g of max |ref| %.3g (relative %.2g)", name,
                    e.getKey(), c.maxAbsDiff(), c.maxAbsRef(), c.relative());
            System.out.println(what);
            assertTrue(c.relative() <= HumanModelsParityTest.TOLERANCE, what);
        }
    }

    /** {@code [1, H, W, C]} float image followed by its left-right mirror: a batch of two different images. */
    private static Tensor withMirror(Tensor image) {
        long[] s = image.shape();
        assertEquals(DataType.FLOAT, image.type());
        assertEquals(1, s[0]);
        int h = (int) s[1];
        int w = (int) s[2];
        int c = (int) s[3];
        float[] v = image.floats();
        float[] out = new float[2 * v.length];
        System.arraycopy(v, 0, out, 0, v.length);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int k = 0; k < c; k++) {
                    out[v.length + (y * w + x) * c + k] = v[(y * w + (w - 1 - x)) * c + k];
                }
            }
        }
        return Tensor.ofFloats(new long[] {2, h, w, c}, out);
    }
}
