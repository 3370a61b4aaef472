package dev.lookout.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.onnx.Tensor;
import dev.lookout.run.OnnxModelRunner;
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
class HumanModelsParityTest {

    static final double TOLERANCE = 1e-3;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"antispoof", "blazeface", "emotion", "facemesh", "faceres", "handlandmark-lite", "iris",
            "liveness", "centernet", "movenet-lightning"})
    void convertsAndMatchesTfjs(String name) throws Exception {
        Path json = TfjsReference.humanModel(name);
        TfjsReference.Run ref = TfjsReference.run(json, dir.resolve("ref"), 7);
        byte[] onnx = TfjsConverter.convert(TfjsModel.load(json));
        Map<String, Tensor> actual;
        try (OnnxModelRunner runner = new OnnxModelRunner(onnx)) {
            actual = runner.run(ref.inputs());
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
