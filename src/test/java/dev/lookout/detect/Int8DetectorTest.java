package dev.lookout.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The int8 model loads like the fp32 one: with the resize cut off, or whole, and answers alike both ways. */
@IntegrationTest
class Int8DetectorTest {

    @Test
    void int8RunsWithTheResizeCutOffAndWhole() throws Exception {
        Path dir = TestData.require(TestData.modelDir().resolve(Precision.INT8.modelFile()), "the int8 model")
                .getParent();
        Path dog = TestData.reference().resolve("images/dog.png");
        try (CocoSsdDetector cut = CocoSsdDetector.load(dir, Device.CPU, m -> { }, Precision.INT8, true);
                CocoSsdDetector whole = CocoSsdDetector.load(dir, Device.CPU, m -> { }, Precision.INT8, false)) {
            assertTrue(cut.resizesFrames(), "ResizeCut applies to the int8 graph");
            assertEquals(false, whole.resizesFrames());
            assertEquals(Precision.INT8, cut.precision());
            assertEquals(dir.resolve("model-int8.onnx"), cut.modelFile());
            List<Detection> a = cut.detect(dog, DetectOptions.DEFAULTS).detections();
            List<Detection> b = whole.detect(dog, DetectOptions.DEFAULTS).detections();
            // the same objects (close scores may swap places: the two resizes differ in the last float bits)
            assertEquals(a.stream().map(Detection::className).sorted().toList(),
                    b.stream().map(Detection::className).sorted().toList());
            assertTrue(a.stream().map(Detection::className).toList().containsAll(List.of("dog", "bicycle")),
                    "int8 on dog.png: " + a);
        }
    }

    @Test
    void aFolderWithoutTheInt8ModelSaysHowToMakeIt(@TempDir Path dir) throws Exception {
        Files.copy(TestData.require(TestData.modelDir().resolve("model.onnx"), "the model"),
                dir.resolve("model.onnx"));
        Files.copy(TestData.modelDir().resolve("labels.json"), dir.resolve("labels.json"));
        IOException e = assertThrows(IOException.class,
                () -> CocoSsdDetector.load(dir, Device.CPU, m -> { }, Precision.INT8));
        assertTrue(e.getMessage().contains("model-int8.onnx") && e.getMessage().contains("lookout quantize"),
                e.getMessage());
    }

    @Test
    void precisionParsesFp32AndInt8Only() {
        assertEquals(Precision.INT8, Precision.parse(" INT8 "));
        assertEquals(Precision.FP32, Precision.parse("fp32"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Precision.parse("fp16"));
        assertTrue(e.getMessage().contains("fp32 or int8"));
    }
}
