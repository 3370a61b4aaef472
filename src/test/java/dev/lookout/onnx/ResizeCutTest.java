package dev.lookout.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.TestData;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cutting the input resize off the shipped model, and refusing graphs of any other shape. */
class ResizeCutTest {

    @Test
    void shippedModelStartsAtThe300x300ImageAfterTheCut() throws Exception {
        byte[] whole = Files.readAllBytes(TestData.require(TestData.modelDir().resolve("model.onnx"), "the model"));
        ResizeCut cut = ResizeCut.of(whole).orElseThrow();
        assertEquals(300, cut.height());
        assertEquals(300, cut.width());

        OnnxModelInfo before = OnnxModelInfo.read(whole);
        OnnxModelInfo after = OnnxModelInfo.read(cut.model());
        assertEquals(1, after.inputs().size());
        assertEquals(cut.input(), after.inputs().get(0).name());
        assertEquals("float", after.inputs().get(0).dtype());
        assertArrayEquals(new long[] {1, 3, 300, 300}, after.inputs().get(0).shape());
        assertEquals(before.outputs().stream().map(OnnxModelInfo.Port::name).toList(),
                after.outputs().stream().map(OnnxModelInfo.Port::name).toList());
        // Exactly the transpose, the cast and the resize are gone; every weight stays.
        Map<String, Integer> removed = new java.util.TreeMap<>(before.opHistogram());
        after.opHistogram().forEach((op, n) -> removed.merge(op, -n, Integer::sum));
        removed.values().removeIf(n -> n == 0);
        assertEquals(Map.of("Cast", 1, "Resize", 1, "Transpose", 1), removed);
        assertTrue(before.parameters() - after.parameters() <= 8, "only the resize's size constants may go: "
                + before.parameters() + " → " + after.parameters());
        assertEquals(before.opset(), after.opset());
    }

    @Test
    void aResizeOfAnotherKindIsNotCut() {
        assertFalse(ResizeCut.of(model("nearest", "asymmetric", true)).isPresent(), "nearest neighbour");
        assertFalse(ResizeCut.of(model("linear", "half_pixel", true)).isPresent(), "half-pixel centres");
        assertFalse(ResizeCut.of(model("linear", "asymmetric", false)).isPresent(), "no transpose before it");
        assertTrue(ResizeCut.of(model("linear", "asymmetric", true)).isPresent(), "the one shape that is cut");
    }

    @Test
    void bytesThatAreNotAModelAreNotCut() {
        assertFalse(ResizeCut.of(new byte[0]).isPresent());
        assertFalse(ResizeCut.of("not a model at all".getBytes()).isPresent());
    }

    /** image uint8 [1,H,W,3] → (Transpose) → Cast → Resize(mode, transform) to 4×4 → Relu → out. */
    private static byte[] model(String mode, String transform, boolean transpose) {
        OnnxGraph g = new OnnxGraph("tiny");
        g.addInput(new OnnxGraph.ValueInfo("image", DataType.UINT8, new long[] {1, -1, -1, 3},
                new String[] {null, "h", "w", null}));
        String castInput = "image";
        if (transpose) {
            g.addNode("Transpose", "nchw", List.of("image"), List.of("image_nchw"),
                    new OnnxGraph.Attribute("perm", new long[] {0, 3, 1, 2}));
            castInput = "image_nchw";
        }
        g.addNode("Cast", "to_float", List.of(castInput), List.of("image_f"),
                new OnnxGraph.Attribute("to", (long) DataType.FLOAT.onnxCode()));
        g.addInitializer("sizes", Tensor.vector(1, 3, 4, 4));
        g.addNode("Resize", "resize", List.of("image_f", "", "", "sizes"), List.of("resized"),
                new OnnxGraph.Attribute("mode", mode),
                new OnnxGraph.Attribute("coordinate_transformation_mode", transform));
        g.addNode("Relu", "relu", List.of("resized"), List.of("out"));
        g.addOutput(new OnnxGraph.ValueInfo("out", DataType.FLOAT, new long[] {1, 3, 4, 4}, null));
        return OnnxWriter.write(g, "test", "0", Map.of());
    }
}
