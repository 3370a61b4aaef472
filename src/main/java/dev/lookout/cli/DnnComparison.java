package dev.lookout.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.capture.OpenCv;
import dev.lookout.detect.CocoLabels;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.Detection;
import dev.lookout.detect.ImageFiles;
import dev.lookout.detect.ModelFiles;
import dev.lookout.detect.Postprocessor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.opencv.core.Mat;

/**
 * {@code bench}'s comparison with OpenCV DNN: the same {@code model.onnx}, the same images, inference time side
 * by side, and whether OpenCV's outputs give the same detections through the same post-processing.
 */
final class DnnComparison {

    private DnnComparison() {
    }

    /**
     * Times OpenCV DNN on the same images and model, beside ONNX Runtime's inference medians; when OpenCV cannot
     * load or run the model, says why and returns a node recording it.
     */
    static ObjectNode run(Path modelDir, List<BenchImages.Sample> samples, int runs, int warmup,
            List<Percentiles> ortInference, CocoSsdDetector detector, PrintStream out,
            ObjectMapper mapper) throws IOException {
        ObjectNode node = mapper.createObjectNode();
        out.println();
        OpenCvDnnModel model;
        try {
            model = OpenCvDnnModel.load(modelDir.resolve(ModelFiles.MODEL_FILE));
        } catch (IllegalStateException e) {
            out.println("OpenCV DNN: cannot load the model: " + e.getMessage());
            node.put("loaded", false);
            node.put("error", e.getMessage());
            return node;
        }
        node.put("loaded", true);
        out.printf("%-22s %-9s %15s %15s %15s %9s %s%n", "OpenCV DNN", "size", "preprocess", "inference",
                "ORT inference", "ORT/DNN", "same detections");
        Postprocessor postprocessor = new Postprocessor(
                CocoLabels.read(modelDir.resolve(ModelFiles.LABELS_FILE)));
        ArrayNode rows = node.putArray("images");
        try (model) {
            for (int i = 0; i < samples.size(); i++) {
                BenchImages.Sample sample = samples.get(i);
                Mat bgr = ImageFiles.decode(sample.encoded(), sample.name());
                long[] prep = new long[runs];
                long[] infer = new long[runs];
                String same;
                try {
                    for (int r = -warmup; r < runs; r++) {
                        long t0 = System.nanoTime();
                        Mat blob = model.prepare(bgr);
                        long t1 = System.nanoTime();
                        model.run(blob);
                        long t2 = System.nanoTime();
                        if (r >= 0) {
                            prep[r] = t1 - t0;
                            infer[r] = t2 - t1;
                        }
                    }
                    List<Detection> viaDnn = postprocessor.process(model.scores(), model.boxes(), 1917, 90,
                            sample.width(), sample.height(), DetectOptions.DEFAULTS);
                    List<Detection> viaOrt = detector.detect(bgr, DetectOptions.DEFAULTS).detections();
                    same = sameDetections(viaDnn, viaOrt) ? "yes" : "NO (" + viaDnn.size() + " vs " + viaOrt.size()
                            + ")";
                } catch (IllegalStateException e) {
                    out.println("OpenCV DNN: cannot run on " + sample.name() + ": " + e.getMessage());
                    node.put("error", e.getMessage());
                    return node;
                } finally {
                    OpenCv.release(bgr);
                }
                Percentiles p = Percentiles.of(prep);
                Percentiles inf = Percentiles.of(infer);
                Percentiles ort = ortInference.get(i);
                double ratio = ort.medianMs() > 0 ? inf.medianMs() / ort.medianMs() : 0;
                out.printf(Locale.ROOT, "%-22s %-9s %7.2f/%7.2f %7.2f/%7.2f %7.2f/%7.2f %8.2fx %s%n",
                        BenchCommand.abbreviate(sample.name(), 22), sample.width() + "x" + sample.height(),
                        p.medianMs(), p.p95Ms(), inf.medianMs(), inf.p95Ms(), ort.medianMs(), ort.p95Ms(), ratio, same);
                ObjectNode row = rows.addObject();
                row.put("image", sample.name());
                row.putObject("preprocess").put("median", BenchCommand.round(p.medianMs()))
                        .put("p95", BenchCommand.round(p.p95Ms()));
                row.putObject("inference").put("median", BenchCommand.round(inf.medianMs()))
                        .put("p95", BenchCommand.round(inf.p95Ms()));
                row.put("dnnOverOrtInference", BenchCommand.round(ratio));
                row.put("sameDetections", same.equals("yes"));
            }
        }
        return node;
    }

    private static boolean sameDetections(List<Detection> a, List<Detection> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Detection x = a.get(i);
            Detection y = b.get(i);
            if (!x.className().equals(y.className()) || Math.abs(x.score() - y.score()) > 1e-3
                    || Math.abs(x.x() - y.x()) > 1 || Math.abs(x.y() - y.y()) > 1) {
                return false;
            }
        }
        return true;
    }
}
