package dev.lookout.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.onnx.DataType;
import dev.lookout.onnx.Tensor;
import dev.lookout.run.OnnxModelRunner;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.OutputComparison;
import dev.lookout.testsupport.TfjsReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The graph models of {@code @vladmandic/human@3.3.6} convert, and ONNX Runtime's outputs match TF.js 4.22.0's (cpu
 * backend) on seeded image-like inputs within 1e-3 of each output's largest magnitude.
 */
@IntegrationTest
class HumanModelsParityTest {

    static final double TOLERANCE = 1e-3;

    @TempDir
    Path dir;

    /** TF.js holds a uint8 input as int32; ONNX Runtime takes it as the model declares it. */
    private static Tensor asType(Tensor t, DataType type) {
        if (t.type() == type || type != DataType.UINT8) {
            return t;
        }
        long[] v = t.longs();
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return new Tensor(type, t.shape(), b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"antispoof", "blazeface", "emotion", "facemesh", "faceres", "handlandmark-lite", "iris",
            "liveness", "centernet", "movenet-lightning", "handtrack"})
    void convertsAndMatchesTfjs(String name) throws Exception {
        Path json = TfjsReference.humanModel(name);
        TfjsReference.Run ref = TfjsReference.run(json, dir.resolve("ref"), 7, "--size", "320x320");
        byte[] onnx = TfjsConverter.convert(TfjsModel.load(json));
        Map<String, Tensor> actual;
        try (OnnxModelRunner runner = new OnnxModelRunner(onnx)) {
            Map<String, Tensor> inputs = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, Tensor> e : ref.inputs().entrySet()) {
                inputs.put(e.getKey(), asType(e.getValue(), runner.inputType(e.getKey())));
            }
            actual = runner.run(inputs);
        }
        assertEquals(List.copyOf(ref.outputs().keySet()), List.copyOf(actual.keySet()), "output names");
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : ref.outputs().entrySet()) {
            Tensor got = actual.get(e.getKey());
            assertArrayEquals(e.getValue().shape(), got.shape(), e.getKey() + " shape");
            OutputComparison c = OutputComparison.of(e.getValue(), got);
            report.add(String.format("%s %s: max |diff| %.3g of max |ref| %.3g (relative %.2g)", name, e.getKey(),
                    c.maxAbsDiff(), c.maxAbsRef(), c.relative()));
            System.out.println(report.get(report.size() - 1));
            assertTrue(c.relative() <= TOLERANCE, report.get(report.size() - 1));
        }
    }
}
