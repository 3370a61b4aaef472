package dev.lookout.run;

import java.io.IOException;
import dev.lookout.onnx.OrtNatives;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.OrtTypes;
import dev.lookout.onnx.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an ONNX model with ONNX Runtime on the CPU: tensors in, every output out, by name in the model's order.
 * One session per instance; close it.
 */
public final class OnnxModelRunner implements AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession session;

    /** Loads the model's bytes. */
    public OnnxModelRunner(byte[] model) throws OrtException, IOException {
        env = OrtNatives.environment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            session = env.createSession(model, options);
        }
    }

    /** The inputs' names and shapes ({@code -1} where dynamic), in the model's order. */
    public Map<String, long[]> inputs() throws OrtException {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, NodeInfo> e : session.getInputInfo().entrySet()) {
            out.put(e.getKey(), ((TensorInfo) e.getValue().getInfo()).getShape());
        }
        return out;
    }

    /** The element type of input {@code name}. */
    public DataType inputType(String name) throws OrtException {
        return typeOf(((TensorInfo) session.getInputInfo().get(name).getInfo()).type);
    }

    /** Runs the model once and returns every output. */
    public Map<String, Tensor> run(Map<String, Tensor> inputs) throws OrtException {
        List<OnnxTensor> feeds = new ArrayList<>();
        try {
            Map<String, OnnxTensor> byName = new LinkedHashMap<>();
            for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
                Tensor t = e.getValue();
                ByteBuffer data = ByteBuffer.allocateDirect(t.bytes().length).order(ByteOrder.nativeOrder());
                data.put(t.bytes()).flip(); // Tensor bytes are little-endian, as are the machines ORT runs on
                OnnxTensor in = OnnxTensor.createTensor(env, data, t.shape(), OrtTypes.of(t.type()));
                feeds.add(in);
                byName.put(e.getKey(), in);
            }
            Map<String, Tensor> outputs = new LinkedHashMap<>();
            try (OrtSession.Result result = session.run(byName)) {
                for (Map.Entry<String, OnnxValue> e : result) {
                    OnnxTensor t = (OnnxTensor) e.getValue();
                    TensorInfo info = t.getInfo();
                    ByteBuffer b = t.getByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                    byte[] bytes = new byte[b.remaining()];
                    b.get(bytes);
                    outputs.put(e.getKey(), new Tensor(typeOf(info.type), info.getShape(), bytes));
                }
            }
            return outputs;
        } finally {
            feeds.forEach(OnnxTensor::close);
        }
    }

    private static DataType typeOf(OnnxJavaType t) throws OrtException {
        DataType type = OrtTypes.of(t);
        if (type == null) {
            throw new OrtException("the model has a " + t + " tensor, which Lookout does not read");
        }
        return type;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
