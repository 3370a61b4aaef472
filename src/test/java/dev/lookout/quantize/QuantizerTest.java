package dev.lookout.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.quantize.OnnxModelFile.Node;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Quantizing the shipped model on two real images: deterministic bytes, and the QDQ graph ONNX Runtime fuses. */
@IntegrationTest
class QuantizerTest {

    @Test
    void theSameInputsGiveTheSameBytesAndAQdqGraph() throws Exception {
        byte[] fp32 = Files.readAllBytes(TestData.require(TestData.modelDir().resolve("model.onnx"), "the model"));
        Path images = TestData.reference().resolve("images");
        CalibrationSet set = CalibrationSet.parse(List.of(images.resolve("dog.png").toString(),
                images.resolve("person.png").toString()));
        Quantizer.Options options = new Quantizer.Options(RangeEstimator.BEST, false, List.of());
        byte[] first = Quantizer.quantize(Quantizer.calibrate(fp32, set), options);
        byte[] second = Quantizer.quantize(Quantizer.calibrate(fp32, set), options);
        assertArrayEquals(first, second);

        OnnxModelFile model = OnnxModelFile.read(first);
        OnnxModelFile prepared = Quantizer.prepared(fp32);
        Set<String> candidates = Quantizer.candidates(prepared);
        long convs = prepared.nodes.stream().filter(n -> n.op().equals("Conv")).count();
        assertEquals(88, convs);
        assertEquals(88 + 10, candidates.size(), "every Conv and the 10 residual sums");
        assertEquals(10, OnnxModelFile.read(fp32).nodes.size() - prepared.nodes.size(),
                "the 10 residual constants folded into the projections' biases");
        long quantize = model.nodes.stream().filter(n -> n.op().equals("QuantizeLinear")).count();
        assertEquals(QdqRewriter.activations(prepared, candidates).size(), quantize);
        for (Node conv : model.nodes.stream().filter(n -> n.op().equals("Conv")).toList()) {
            for (String input : conv.inputs()) {
                assertTrue(input.endsWith("/dequantized"), conv.name() + " reads " + input);
            }
            OnnxModelFile.Initializer w = model.initializers.get(conv.inputs().get(1).replace("/dequantized",
                    "/quantized"));
            assertEquals(OnnxModelFile.INT8, w.dataType(), conv.name());
        }
        assertTrue(model.nodes.stream().anyMatch(n -> n.name().startsWith("Postprocessor/Decode")
                && n.op().equals("Exp")), "the box decoder stays float");

        // ONNX Runtime accepts it and fuses the QDQ groups into integer kernels
        var env = ai.onnxruntime.OrtEnvironment.getEnvironment(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
                "lookout");
        try (var opts = new ai.onnxruntime.OrtSession.SessionOptions()) {
            Path optimized = Files.createTempFile("int8-optimized", ".onnx");
            try {
                opts.setOptimizedModelFilePath(optimized.toString());
                opts.setOptimizationLevel(ai.onnxruntime.OrtSession.SessionOptions.OptLevel.ALL_OPT);
                env.createSession(first, opts).close();
                Map<String, Long> ops = opsOf(Files.readAllBytes(optimized));
                assertTrue(ops.getOrDefault("QLinearConv", 0L) >= 80, "fused convolutions: " + ops);
                assertEquals(0L, ops.getOrDefault("Conv", 0L), "float convolutions left: " + ops);
            } finally {
                Files.deleteIfExists(optimized);
            }
        }
    }

    private static Map<String, Long> opsOf(byte[] model) {
        return OnnxModelFile.read(model).nodes.stream().collect(java.util.stream.Collectors.groupingBy(Node::op,
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }
}
