package dev.lookout.cli;

import dev.lookout.capture.OpenCv;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
import org.opencv.imgproc.Imgproc;

/**
 * The same {@code model.onnx} run through OpenCV's DNN module (openpnp's build), for {@code bench} to compare
 * ONNX Runtime with. Feeds the RGB pixels as the model's {@code [1, H, W, 3]} input.
 */
final class OpenCvDnnModel implements AutoCloseable {

    private final Net net;
    private final List<String> outputNames = List.of("scores", "boxes");
    private final Mat rgb = new Mat();
    private final Mat floats = new Mat();
    private final List<Mat> outputs = new ArrayList<>();

    private OpenCvDnnModel(Net net) {
        this.net = net;
    }

    /**
     * Loads the model; throws with OpenCV's reason when its importer cannot read the graph.
     *
     * @throws IllegalStateException with the first line of OpenCV's message
     */
    static OpenCvDnnModel load(Path model) {
        OpenCv.load();
        try {
            Net net = Dnn.readNetFromONNX(model.toString());
            if (net.empty()) {
                throw new IllegalStateException("OpenCV DNN loaded an empty network");
            }
            net.setPreferableBackend(Dnn.DNN_BACKEND_OPENCV);
            net.setPreferableTarget(Dnn.DNN_TARGET_CPU);
            return new OpenCvDnnModel(net);
        } catch (RuntimeException e) {
            throw new IllegalStateException(summary(e), e);
        }
    }

    /** Converts a BGR image to the model's input blob; returns the blob (valid until the next call). */
    Mat prepare(Mat bgr) {
        Imgproc.cvtColor(bgr, rgb, Imgproc.COLOR_BGR2RGB);
        rgb.convertTo(floats, CvType.CV_32F);
        return floats.reshape(1, new int[] {1, bgr.rows(), bgr.cols(), 3});
    }

    /** Runs the network on a prepared blob; the outputs stay in this object until the next run. */
    void run(Mat blob) {
        try {
            net.setInput(blob);
            releaseOutputs();
            net.forward(outputs, outputNames);
        } catch (RuntimeException e) {
            throw new IllegalStateException(summary(e), e);
        }
    }

    /** The last run's scores as floats. */
    FloatBuffer scores() {
        return floatsOf(outputs.get(0));
    }

    /** The last run's boxes as floats. */
    FloatBuffer boxes() {
        return floatsOf(outputs.get(1));
    }

    private static FloatBuffer floatsOf(Mat m) {
        Mat continuous = m.isContinuous() ? m : m.clone();
        float[] values = new float[(int) continuous.total() * continuous.channels()];
        continuous.reshape(1, 1).get(0, 0, values);
        if (continuous != m) {
            OpenCv.release(continuous);
        }
        return FloatBuffer.wrap(values);
    }

    private void releaseOutputs() {
        outputs.forEach(OpenCv::release);
        outputs.clear();
    }

    /**
     * OpenCV's exceptions span lines of context with source paths: keep the most specific line (the failing
     * node's), without the paths.
     */
    static String summary(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String best = "";
        for (String line : message.split("\n")) {
            String l = line.strip().replaceFirst("^>\\s*", "");
            if (l.length() > best.length()) {
                best = l;
            }
        }
        best = best.replaceAll("(cv::Exception: )?OpenCV\\([^)]*\\) \\S+:\\d+: error: ", "").strip();
        if (best.isEmpty()) {
            best = e.getClass().getSimpleName();
        }
        return best.length() > 400 ? best.substring(0, 400) + "…" : best;
    }

    @Override
    public void close() {
        releaseOutputs();
        OpenCv.release(rgb);
        OpenCv.release(floats);
    }
}
