package dev.lookout.quantize;

import java.util.Locale;

/**
 * How an activation's quantization range is chosen from its calibration statistics. Each returns a range holding
 * 0; a tensor that never went negative gets {@code [0, t]}, others {@code [max(min, -t), min(max, t)]} for the
 * estimator's magnitude threshold {@code t}.
 */
enum RangeEstimator {
    /** The whole observed range: no value clips, but rare outliers widen the steps for all others. */
    MINMAX,
    /** Clips the rarest 0.01 % of magnitudes (threshold at the 99.99th percentile of |x|). */
    PERCENTILE,
    /** TensorRT's entropy calibration: the threshold whose quantized histogram loses least information (KL). */
    ENTROPY,
    /**
     * Per tensor, whichever of the three above loses least: the highest signal-to-quantization-noise ratio on the
     * calibration histogram (rounding noise inside the range, clipping error outside, see {@link LayerReport}).
     */
    BEST;

    /** The estimator named {@code name} (case-insensitive). */
    static RangeEstimator parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown calibration method '" + name
                    + "': use minmax, percentile, entropy or best");
        }
    }

    /** The range for one tensor. */
    ActivationRange estimate(TensorStats s) {
        if (this == BEST) {
            ActivationRange best = null;
            double bestSqnr = Double.NEGATIVE_INFINITY;
            for (RangeEstimator e : new RangeEstimator[] {MINMAX, PERCENTILE, ENTROPY}) {
                ActivationRange r = e.estimate(s);
                double sqnr = LayerReport.activationSqnr(s, r);
                if (sqnr > bestSqnr) {
                    bestSqnr = sqnr;
                    best = r;
                }
            }
            return best;
        }
        double t = switch (this) {
            case MINMAX -> s.absMax();
            case PERCENTILE -> percentile(s, 0.9999);
            case ENTROPY -> entropy(s);
            case BEST -> throw new AssertionError();
        };
        if (s.nonNegative()) {
            return ActivationRange.rounded(0, Math.min(s.max(), t));
        }
        return ActivationRange.rounded(Math.max(s.min(), -t), Math.min(s.max(), t));
    }

    private static double percentile(TensorStats s, double p) {
        long[] h = s.histogram();
        long target = (long) Math.ceil(s.count() * p);
        long seen = 0;
        for (int i = 0; i < h.length; i++) {
            seen += h[i];
            if (seen >= target) {
                return s.binEdge(i);
            }
        }
        return s.absMax();
    }

    /** The threshold minimising KL(P || Q), Q being P quantized to the levels one side of the range has. */
    private static double entropy(TensorStats s) {
        long[] h = s.histogram();
        int levels = s.nonNegative() ? 255 : 128;
        int best = h.length;
        double bestKl = Double.POSITIVE_INFINITY;
        for (int i = levels; i <= h.length; i += 8) {
            double kl = divergence(h, i, levels);
            if (kl < bestKl) {
                bestKl = kl;
                best = i;
            }
        }
        return s.binEdge(best - 1);
    }

    private static double divergence(long[] h, int bins, int levels) {
        double[] p = new double[bins];
        for (int i = 0; i < bins; i++) {
            p[i] = h[i];
        }
        for (int i = bins; i < h.length; i++) {
            p[bins - 1] += h[i]; // outliers clip to the last bin
        }
        double[] q = new double[bins];
        for (int level = 0; level < levels; level++) {
            int from = (int) ((long) level * bins / levels);
            int to = (int) ((long) (level + 1) * bins / levels);
            double sum = 0;
            int nonZero = 0;
            for (int i = from; i < to; i++) {
                sum += h[i];
                nonZero += h[i] > 0 ? 1 : 0;
            }
            for (int i = from; i < to; i++) {
                q[i] = h[i] > 0 ? sum / nonZero : 0;
            }
        }
        double pSum = 0;
        double qSum = 0;
        for (int i = 0; i < bins; i++) {
            pSum += p[i];
            qSum += q[i];
        }
        if (pSum == 0 || qSum == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double kl = 0;
        for (int i = 0; i < bins; i++) {
            if (p[i] > 0) {
                double pi = p[i] / pSum;
                double qi = q[i] > 0 ? q[i] / qSum : 1e-12;
                kl += pi * Math.log(pi / qi);
            }
        }
        return kl;
    }
}
