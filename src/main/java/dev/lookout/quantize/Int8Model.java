package dev.lookout.quantize;

import dev.lookout.OutputPaths;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.Device;
import dev.lookout.detect.ModelFiles;
import dev.lookout.detect.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code lookout quantize}'s work, for the command line: make a model folder's {@code model-int8.onnx} from its
 * {@code model.onnx} and calibration images, and measure it against the float model.
 */
public final class Int8Model {

    /**
     * The calibration method chosen by measurement on the calibration images (docs/PERFORMANCE.md, "int8"):
     * min-max gave the highest AP against fp32; percentile and the per-tensor best-SQNR choice clip the outliers
     * of the residual stream, which costs more than their finer steps gain; entropy clipped far too tightly.
     */
    public static final String DEFAULT_METHOD = "minmax";
    /**
     * Nodes kept in float by default, chosen by measurement: the first convolution (3 input channels, the raw
     * image: int8 there cost the most AP for the least time). Keeping the box predictors in float changed nothing.
     */
    public static final List<String> DEFAULT_KEEP_FLOAT =
            List.of("FeatureExtractor/MobilenetV2/Conv/BatchNorm/batchnorm/mul_1");

    /**
     * How to quantize.
     *
     * @param method minmax, percentile, entropy or best
     * @param reducedRange 7-bit weights (for x86 without VNNI)
     * @param keepFloat node names (or prefixes ending in {@code /}) left in float
     */
    public record Settings(String method, boolean reducedRange, List<String> keepFloat) {
    }

    private Int8Model() {
    }

    /**
     * Calibrates on {@code calibration} (image files, folders, {@code video@from-to/step}) and writes the int8
     * model to {@code output} (through a temporary file beside it, so a failure leaves no partial file).
     *
     * @return a one-line summary, and per-layer figures when {@code layers} is given
     * @throws IOException for unreadable inputs, or an output that is the input
     * @throws IllegalArgumentException for an unknown method or a keep-float name that matches nothing
     */
    public static String make(Path fp32Model, Path output, List<String> calibration, Settings settings,
            Consumer<String> layers) throws Exception {
        OutputPaths.refuseOverwriting("the output", output, fp32Model, IOException::new);
        RangeEstimator method = RangeEstimator.parse(settings.method());
        CalibrationSet images = CalibrationSet.parse(calibration);
        byte[] fp32 = Files.readAllBytes(fp32Model);
        Quantizer.Options options = new Quantizer.Options(method, settings.reducedRange(), settings.keepFloat());
        java.util.Set<String> candidates = Quantizer.candidates(Quantizer.prepared(fp32));
        for (String k : settings.keepFloat()) {
            if (candidates.stream().noneMatch(n -> k.endsWith("/") ? n.startsWith(k) : n.equals(k))) {
                throw new IllegalArgumentException("--keep-float " + k + " names no Conv or residual Add of the "
                        + "model");
            }
        }
        Quantizer.Calibrated calibrated = Quantizer.calibrate(fp32, images);
        byte[] int8 = Quantizer.quantize(calibrated, options);
        if (layers != null) {
            layers.accept("op      weights   output  node   (SQNR in dB: signal over int8 error)");
            LayerReport.of(calibrated, options).forEach(l -> layers.accept(l.line()));
        }
        Path dir = output.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        dev.lookout.AtomicFiles.replace(output, out -> out.write(int8), true); // a model is an ordinary readable file
        return String.format(Locale.ROOT, "wrote %s (%,d bytes): %d images, %s calibration, %s weights", output,
                int8.length, calibrated.images().size(), method.name().toLowerCase(Locale.ROOT),
                settings.reducedRange() ? "7-bit" : "8-bit");
    }

    /**
     * AP@0.5 of a model folder's int8 model against its fp32 model on {@code images}: one line per class, then
     * the totals, handed to {@code lines}.
     */
    public static void evaluate(Path modelDir, List<String> images, Consumer<String> lines) throws Exception {
        CalibrationSet set = CalibrationSet.parse(images);
        ModelFiles.in(modelDir).model(Precision.INT8);
        try (CocoSsdDetector fp32 = CocoSsdDetector.load(modelDir, Device.CPU, s -> { }, Precision.FP32);
                CocoSsdDetector int8 = CocoSsdDetector.load(modelDir, Device.CPU, s -> { }, Precision.INT8)) {
            AccuracyEvaluator.Result r = AccuracyEvaluator.evaluate(fp32, int8, set);
            lines.accept(String.format(Locale.ROOT, "%-16s %7s %7s %7s", "class", "fp32", "int8", "AP@0.5"));
            for (AveragePrecision.ClassAp c : r.ap().perClass()) {
                lines.accept(String.format(Locale.ROOT, "%-16s %7d %7d %7.3f", c.className(), c.truths(),
                        c.predictions(), c.ap()));
            }
            lines.accept(String.format(Locale.ROOT, "images %d; mAP@0.5 %.4f (mean over classes), pooled AP@0.5 %.4f; "
                    + "same top detection (class, IoU >= 0.9) on %d of %d images with detections", r.images(),
                    r.ap().meanAp(), r.ap().pooledAp(), r.sameTopDetection(), r.withDetections()));
        }
    }
}
