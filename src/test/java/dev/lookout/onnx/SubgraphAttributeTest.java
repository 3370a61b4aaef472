package dev.lookout.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A node attribute holding a subgraph: a tiny ONNX {@code Loop} built with OnnxGraph, run in ONNX Runtime. */
class SubgraphAttributeTest {

    /**
     * {@code acc = x; for i in 0..2: acc += step; partial[i] = acc * i}, where the body reads {@code step} from the
     * main graph by name (outer scope), as a converted TF while loop does.
     */
    private static OnnxGraph loopModel() {
        OnnxGraph body = new OnnxGraph("body");
        body.addInput(new OnnxGraph.ValueInfo("i", DataType.INT64, new long[0], null));
        body.addInput(new OnnxGraph.ValueInfo("cond_in", DataType.BOOL, new long[0], null));
        body.addInput(new OnnxGraph.ValueInfo("acc_in", DataType.FLOAT, new long[] {2}, null));
        body.addNode("Identity", "keep_going", List.of("cond_in"), List.of("cond_out"));
        body.addNode("Add", "accumulate", List.of("acc_in", "step"), List.of("acc_out"));
        body.addNode("Cast", "i_as_float", List.of("i"), List.of("i_f"),
                new OnnxGraph.Attribute("to", (long) DataType.FLOAT.onnxCode()));
        body.addNode("Mul", "partial", List.of("acc_out", "i_f"), List.of("partial_out"));
        body.addOutput(new OnnxGraph.ValueInfo("cond_out", DataType.BOOL, new long[0], null));
        body.addOutput(new OnnxGraph.ValueInfo("acc_out", DataType.FLOAT, new long[] {2}, null));
        body.addOutput(new OnnxGraph.ValueInfo("partial_out", DataType.FLOAT, new long[] {2}, null));

        OnnxGraph main = new OnnxGraph("loop");
        main.addInput(new OnnxGraph.ValueInfo("x", DataType.FLOAT, new long[] {2}, null));
        main.addInitializer("trips", Tensor.ofLongs(new long[0], 3));
        main.addInitializer("always", new Tensor(DataType.BOOL, new long[0], new byte[] {1}));
        main.addInitializer("step", Tensor.ofFloats(new long[] {2}, 1, 2));
        main.addNode("Loop", "loop", List.of("trips", "always", "x"), List.of("acc", "partials"),
                new OnnxGraph.Attribute("body", body));
        main.addOutput(new OnnxGraph.ValueInfo("acc", DataType.FLOAT, new long[] {2}, null));
        main.addOutput(new OnnxGraph.ValueInfo("partials", DataType.FLOAT, new long[] {3, 2}, null));
        return main;
    }

    @Test
    void loopWithABodySubgraphRunsInOnnxRuntime() throws Exception {
        byte[] model = OnnxWriter.write(loopModel(), "test", "0", Map.of());
        OrtEnvironment env = OrtNatives.environment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(model, options);
                OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {0, 10}), new long[] {2});
                OrtSession.Result result = session.run(Map.of("x", x))) {
            assertArrayEquals(new float[] {3, 16}, floats(result.get("acc").orElseThrow()));
            assertArrayEquals(new long[] {3, 2}, ((OnnxTensor) result.get("partials").orElseThrow()).getInfo().getShape());
            assertArrayEquals(new float[] {0, 0, 2, 14, 6, 32}, floats(result.get("partials").orElseThrow()));
        }
    }

    @Test
    void theSubgraphIsWrittenAsAGraphAttribute() throws Exception {
        onnx.Onnx.ModelProto written = OnnxProtos.parse(OnnxWriter.write(loopModel(), "test", "0", Map.of()));
        onnx.Onnx.AttributeProto body = written.getGraph().getNode(0).getAttribute(0);
        assertEquals(onnx.Onnx.AttributeProto.AttributeType.GRAPH, body.getType());
        assertEquals("body", body.getG().getName());
        assertEquals(List.of("keep_going", "accumulate", "i_as_float", "partial"),
                body.getG().getNodeList().stream().map(onnx.Onnx.NodeProto::getName).toList());
    }

    private static float[] floats(ai.onnxruntime.OnnxValue value) {
        FloatBuffer b = ((OnnxTensor) value).getFloatBuffer();
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
    }
}
