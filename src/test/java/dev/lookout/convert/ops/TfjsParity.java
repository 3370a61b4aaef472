package dev.lookout.convert.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.convert.TfjsConverter;
import dev.lookout.convert.TfjsModel;
import dev.lookout.convert.TfjsModelBuilder;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.Tensor;
import dev.lookout.run.OnnxModelRunner;
import dev.lookout.testsupport.OutputComparison;
import dev.lookout.testsupport.TfjsReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Converts a small graph, runs it with ONNX Runtime and with TF.js 4.22.0 (cpu) on the same seeded inputs, and
 * asserts the same output names, shapes, types and values (integers and booleans exactly).
 */
final class TfjsParity {

    /** The largest relative difference allowed for float outputs (TF.js and ONNX Runtime round differently). */
    static final double FLOAT_TOLERANCE = 1e-5;

    private TfjsParity() {
    }

    /** Asserts parity; {@code options} go to the reference tool (e.g. {@code --range -20,20}). */
    static Map<String, Tensor> assertMatches(TfjsModelBuilder graph, Path dir, String... options) throws Exception {
        Path model = dir.resolve("model");
        graph.write(model, 1 << 20);
        TfjsReference.Run ref = TfjsReference.run(model.resolve("model.json"), dir.resolve("ref"), 3, options);
        byte[] onnx = TfjsConverter.convert(TfjsModel.load(model));
        Map<String, Tensor> actual;
        try (OnnxModelRunner runner = new OnnxModelRunner(onnx)) {
            actual = runner.run(ref.inputs());
        }
        assertEquals(List.copyOf(ref.outputs().keySet()), List.copyOf(actual.keySet()), "output names");
        for (Map.Entry<String, Tensor> e : ref.outputs().entrySet()) {
            Tensor want = e.getValue();
            Tensor got = actual.get(e.getKey());
            assertArrayEquals(want.shape(), got.shape(), e.getKey() + " shape");
            OutputComparison c = OutputComparison.of(want, got);
            String what = e.getKey() + ": max |diff| " + c.maxAbsDiff() + " of max |ref| " + c.maxAbsRef()
                    + " at " + c.worstIndex();
            if (want.type() == DataType.FLOAT) {
                assertTrue(c.relative() <= FLOAT_TOLERANCE, what);
            } else {
                assertEquals(0.0, c.maxAbsDiff(), what);
            }
        }
        return actual;
    }
}
