package dev.lookout.convert;

import java.io.IOException;
import dev.lookout.onnx.OrtNatives;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.OnnxGraph;
import dev.lookout.onnx.OnnxWriter;
import dev.lookout.onnx.OrtTypes;
import dev.lookout.onnx.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a small constant-only ONNX graph with ONNX Runtime on the CPU. Folding with the same runtime that will
 * run the model means a folded op computes exactly what the unfolded op would have.
 */
final class ConstantFolder implements AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession.SessionOptions options;

    ConstantFolder() throws OrtException, IOException {
        env = OrtNatives.environment(); // also removes the binding's temporary folder at exit
        options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        // Run the ops exactly as written: no graph rewrites while folding.
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
    }

    /** Runs {@code graph} (no inputs) and returns the values of {@code outputs}. */
    List<Tensor> evaluate(OnnxGraph graph, List<String> outputs) throws ConversionException {
        byte[] bytes = OnnxWriter.write(graph, "lookout-fold", "1", Map.of());
        try (OrtSession session = env.createSession(bytes, options);
                OrtSession.Result result = session.run(Map.of())) {
            List<Tensor> values = new ArrayList<>();
            for (String name : outputs) {
                OnnxValue v = result.get(name).orElseThrow();
                values.add(toTensor((OnnxTensor) v));
            }
            return values;
        } catch (OrtException e) {
            throw new ConversionException("constant folding failed: " + e.getMessage(), e);
        }
    }

    private static Tensor toTensor(OnnxTensor t) throws ConversionException {
        long[] shape = t.getInfo().getShape();
        DataType type = OrtTypes.of(t.getInfo().type);
        if (type == null) {
            throw new ConversionException("constant folding produced an unsupported type " + t.getInfo().type);
        }
        DeclaredShape.bytes(shape, type.size(), "a folded constant"); // before it is copied into a Java array
        ByteBuffer buffer = t.getByteBuffer().order(ByteOrder.nativeOrder());
        byte[] data = new byte[buffer.remaining()];
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN || type.size() == 1) {
            buffer.get(data);
        } else {
            ByteBuffer le = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < data.length / type.size(); i++) {
                switch (type.size()) {
                    case 4 -> le.putInt(buffer.getInt());
                    default -> le.putLong(buffer.getLong());
                }
            }
        }
        return new Tensor(type, shape, data);
    }

    @Override
    public void close() {
        options.close();
    }
}
