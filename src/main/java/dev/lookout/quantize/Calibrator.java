package dev.lookout.quantize;

import dev.lookout.capture.OpenCv;
import dev.lookout.onnx.OrtNatives;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Runs the float model over the calibration images and records what each chosen activation tensor holds
 * ({@link TensorStats}): the tensors are made extra graph outputs of a copy of the model, and every image is run
 * twice (range, then histogram), the second pass knowing each tensor's final range.
 */
final class Calibrator {

    private Calibrator() {
    }

    /** Statistics of {@code tensors} of {@code model} (a float model with a uint8 {@code [1,H,W,3]} RGB input). */
    static Map<String, TensorStats> collect(OnnxModelFile model, Set<String> tensors, CalibrationSet images)
            throws Exception {
        for (String t : tensors) {
            model.outputs.add(OnnxModelFile.floatValue(t));
        }
        byte[] bytes;
        try {
            bytes = model.write(Map.of());
        } finally {
            model.outputs.subList(model.outputs.size() - tensors.size(), model.outputs.size()).clear();
        }
        Map<String, TensorStats> stats = new LinkedHashMap<>();
        tensors.forEach(t -> stats.put(t, new TensorStats()));
        // the detector's own name and level: asking for others afterwards only logs a warning
        OrtEnvironment env = OrtNatives.environment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
            try (OrtSession session = env.createSession(bytes, options)) {
                String input = session.getInputNames().iterator().next();
                for (int pass = 0; pass < 2; pass++) {
                    boolean histogram = pass == 1;
                    images.forEach((name, bgr) -> run(env, session, input, bgr, tensors, stats, histogram));
                }
            }
        }
        return stats;
    }

    private static void run(OrtEnvironment env, OrtSession session, String input, Mat bgr, Set<String> tensors,
            Map<String, TensorStats> stats, boolean histogram) throws OrtException {
        try (OnnxTensor image = rgbTensor(env, bgr);
                OrtSession.Result result = session.run(Map.of(input, image), tensors)) {
            for (Map.Entry<String, OnnxValue> e : result) {
                TensorStats s = stats.get(e.getKey());
                var values = ((OnnxTensor) e.getValue()).getFloatBuffer();
                if (histogram) {
                    s.observeHistogram(values);
                } else {
                    s.observeRange(values);
                }
            }
        }
    }

    /** The image as the model's input: RGB bytes {@code [1, H, W, 3]}. */
    static OnnxTensor rgbTensor(OrtEnvironment env, Mat bgr) throws OrtException {
        Mat rgb = new Mat();
        try {
            Imgproc.cvtColor(bgr, rgb, bgr.channels() == 1 ? Imgproc.COLOR_GRAY2RGB : Imgproc.COLOR_BGR2RGB);
            byte[] pixels = new byte[(int) (rgb.total() * 3)];
            rgb.get(0, 0, pixels);
            ByteBuffer buffer = ByteBuffer.allocateDirect(pixels.length).order(ByteOrder.nativeOrder());
            buffer.put(pixels).flip();
            return OnnxTensor.createTensor(env, buffer, new long[] {1, rgb.rows(), rgb.cols(), 3},
                    OnnxJavaType.UINT8);
        } finally {
            OpenCv.release(rgb);
        }
    }
}
