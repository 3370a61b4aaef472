package dev.lookout.convert;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.onnx.OnnxModelInfo;
import dev.lookout.testsupport.TestData;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The committed {@code models/coco-ssd/model.onnx}: its shape, and that it reproduces from the npm package. */
@IntegrationTest
class ShippedModelTest {

    @Test
    void hasTheDocumentedInterfaceAndAFlatNchwGraph() throws Exception {
        OnnxModelInfo info = OnnxModelInfo.read(Files.readAllBytes(TestData.modelDir().resolve("model.onnx")));
        assertEquals(17, info.opset());
        assertEquals(1, info.inputs().size());
        assertEquals("image_tensor", info.inputs().get(0).name());
        assertEquals("uint8", info.inputs().get(0).dtype());
        assertArrayEquals(new long[] {1, -1, -1, 3}, info.inputs().get(0).shape());
        assertEquals("scores", info.outputs().get(0).name());
        assertArrayEquals(new long[] {1, 1917, 90}, info.outputs().get(0).shape());
        assertEquals("boxes", info.outputs().get(1).name());
        assertArrayEquals(new long[] {1, 1917, 1, 4}, info.outputs().get(1).shape());
        // map_fn unrolled: no ONNX Loop; 55 Conv2D + 33 depthwise, with every batch norm folded into them
        assertFalse(info.opHistogram().containsKey("Loop"), info.opHistogram().toString());
        assertEquals(88, info.opHistogram().get("Conv"));
        assertEquals(1, info.opHistogram().get("Resize"));
        assertFalse(info.opHistogram().containsKey("BatchNormalization"));
        // Transposes only at the edges: the input's, one per box-predictor output (12), and the box decoder's.
        assertTrue(info.opHistogram().get("Transpose") <= 15, info.opHistogram().toString());
    }

    @Test
    void reconvertingTheNpmModelGivesTheCommittedBytes() throws Exception {
        byte[] converted = TfjsConverter.convert(TfjsModel.load(TestData.tfjsCocoSsd()));
        byte[] committed = Files.readAllBytes(TestData.modelDir().resolve("model.onnx"));
        assertArrayEquals(committed, converted, "models/coco-ssd/model.onnx must reproduce byte for byte");
    }
}
