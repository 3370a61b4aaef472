package dev.lookout.quantize;

import dev.lookout.quantize.OnnxModelFile.Initializer;
import dev.lookout.quantize.OnnxModelFile.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Layer by layer, how much int8 loses: the signal-to-quantization-noise ratio (dB) of each candidate node's
 * weights (per-channel int8 against the floats) and of its output activation (the calibration histogram quantized
 * to the chosen range: rounding noise inside, clipping error outside). Low figures mark the layers worth keeping
 * in float; the end-to-end effect is then measured with {@link AccuracyEvaluator}.
 */
final class LayerReport {

    /** One node's figures. */
    record Layer(String node, String op, double weightSqnrDb, double outputSqnrDb) {
        String line() {
            return String.format(Locale.ROOT, "%-6s %8s %8.1f  %s", op,
                    Double.isNaN(weightSqnrDb) ? "-" : String.format(Locale.ROOT, "%.1f", weightSqnrDb),
                    outputSqnrDb, node);
        }
    }

    private LayerReport() {
    }

    /** The figures for every candidate node, in graph order. */
    static List<Layer> of(Quantizer.Calibrated calibrated, Quantizer.Options options) {
        OnnxModelFile model = Quantizer.prepared(calibrated.fp32());
        Map<String, List<Node>> consumers = Graphs.consumers(model.nodes);
        List<Layer> layers = new ArrayList<>();
        for (String name : Quantizer.candidates(model)) {
            Node n = model.nodes.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            double weights = Double.NaN;
            if (n.op().equals("Conv")) {
                Initializer w = model.initializers.get(n.inputs().get(1));
                float[] f = QdqRewriter.floatsOf(w.raw());
                WeightQuantizer.Quantized q = WeightQuantizer.perChannel(w.dims(), f, options.reducedRange());
                weights = weightSqnr(f, q);
            }
            String out = QdqRewriter.activations(model, java.util.Set.of(name)).stream()
                    .reduce((a, b) -> b).orElseThrow(); // the last is the output point
            TensorStats s = calibrated.stats().get(out);
            layers.add(new Layer(name, n.op(), weights, activationSqnr(s, options.method().estimate(s))));
        }
        return layers;
    }

    private static double weightSqnr(float[] f, WeightQuantizer.Quantized q) {
        int per = f.length / q.scales().length;
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < f.length; i++) {
            double back = q.values()[i] * (double) q.scales()[i / per];
            signal += (double) f[i] * f[i];
            noise += (f[i] - back) * (f[i] - back);
        }
        return db(signal, noise);
    }

    /** Rounding noise (step²/12) for values inside the range, squared clipping error outside. */
    static double activationSqnr(TensorStats s, ActivationRange r) {
        long[] h = s.histogram();
        double step = r.scale();
        double limit = Math.max(-r.min(), r.max());
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < h.length; i++) {
            if (h[i] == 0) {
                continue;
            }
            double x = s.absMax() * (i + 0.5) / h.length;
            signal += h[i] * x * x;
            noise += h[i] * (x > limit ? (x - limit) * (x - limit) : step * step / 12);
        }
        return db(signal, noise);
    }

    private static double db(double signal, double noise) {
        return noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
    }
}
