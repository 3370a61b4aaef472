package dev.lookout.quantize;

import dev.lookout.quantize.OnnxModelFile.Node;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Static post-training int8 quantization of Coco-SSD's ONNX graph: calibrate activation ranges on real images, then
 * rewrite the feature extractor's and box predictors' convolutions and residual sums into QDQ form
 * ({@link QdqRewriter}). The input's preprocessing and the box decoder stay float, as do the nodes in
 * {@link Options#keepFloat()}.
 */
final class Quantizer {

    /**
     * @param method how activation ranges are chosen
     * @param reducedRange 7-bit weights (for x86 CPUs without VNNI)
     * @param keepFloat nodes left in float: a name, or a prefix ending in {@code /}
     */
    record Options(RangeEstimator method, boolean reducedRange, List<String> keepFloat) {
        boolean keeps(String node) {
            return keepFloat.stream().anyMatch(k -> k.endsWith("/") ? node.startsWith(k) : node.equals(k));
        }
    }

    /** A calibrated model, ready to be rewritten with any options. */
    record Calibrated(byte[] fp32, Map<String, TensorStats> stats, List<String> images) {
    }

    private Quantizer() {
    }

    /** The model with its residual constants folded (see {@link BiasFolding}): what is calibrated and rewritten. */
    static OnnxModelFile prepared(byte[] fp32) {
        OnnxModelFile model = OnnxModelFile.read(fp32);
        BiasFolding.fold(model);
        return model;
    }

    /** Every Conv and residual Add of the feature extractor and the box predictors, in graph order. */
    static Set<String> candidates(OnnxModelFile model) {
        Predicate<Node> inNetwork = n -> n.name().startsWith("FeatureExtractor/")
                || n.name().startsWith("BoxPredictor");
        Set<String> nodes = new LinkedHashSet<>();
        for (Node n : model.nodes) {
            boolean residual = n.op().equals("Add") && n.inputs().size() == 2
                    && n.inputs().stream().noneMatch(model.initializers::containsKey);
            if (inNetwork.test(n) && (n.op().equals("Conv") || residual)) {
                nodes.add(n.name());
            }
        }
        return nodes;
    }

    /** Collects activation statistics for every candidate node's tensors over {@code images}. */
    static Calibrated calibrate(byte[] fp32, CalibrationSet images) throws Exception {
        OnnxModelFile model = prepared(fp32);
        Set<String> tensors = QdqRewriter.activations(model, candidates(model));
        return new Calibrated(fp32, Calibrator.collect(model, tensors, images), images.names());
    }

    /** The int8 model's bytes for {@code options}. */
    static byte[] quantize(Calibrated calibrated, Options options) {
        OnnxModelFile model = prepared(calibrated.fp32());
        Set<String> nodes = new LinkedHashSet<>(candidates(model));
        nodes.removeIf(options::keeps);
        Map<String, ActivationRange> ranges = new LinkedHashMap<>();
        calibrated.stats().forEach((t, s) -> ranges.put(t, options.method().estimate(s)));
        QdqRewriter.rewrite(model, new QdqRewriter.Plan(nodes, ranges, options.reducedRange()));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("lookout.precision", "int8");
        metadata.put("lookout.quantization", "static QDQ; activations uint8 asymmetric per tensor ("
                + options.method().name().toLowerCase(java.util.Locale.ROOT) + " calibration on "
                + calibrated.images().size() + " images); weights int8 symmetric per channel"
                + (options.reducedRange() ? " (7-bit)" : "") + "; float nodes: "
                + (options.keepFloat().isEmpty() ? "none" : String.join(", ", options.keepFloat())));
        return model.write(metadata);
    }
}
