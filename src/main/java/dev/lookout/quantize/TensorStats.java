package dev.lookout.quantize;

import java.nio.FloatBuffer;

/**
 * What calibration saw of one activation tensor over all images: its minimum and maximum (first pass) and a
 * histogram of absolute values over {@code [0, max |x|]} (second pass), from which the range estimators choose.
 */
final class TensorStats implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Histogram bins; TensorRT's entropy calibration uses the same count. */
    static final int BINS = 2048;

    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private final long[] histogram = new long[BINS];
    private long count;

    /** First pass: widens the minimum and maximum. */
    void observeRange(FloatBuffer values) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int i = values.position(); i < values.limit(); i++) {
            float v = values.get(i);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        min = Math.min(min, lo);
        max = Math.max(max, hi);
    }

    /** Second pass (after every first pass): counts absolute values into the histogram. */
    void observeHistogram(FloatBuffer values) {
        double absMax = absMax();
        double perBin = absMax > 0 ? BINS / absMax : 0;
        for (int i = values.position(); i < values.limit(); i++) {
            int bin = (int) (Math.abs(values.get(i)) * perBin);
            histogram[Math.min(BINS - 1, bin)]++;
        }
        count += values.limit() - values.position();
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    /** The largest absolute value seen. */
    double absMax() {
        return Math.max(Math.abs(min), Math.abs(max));
    }

    /** True when no negative value was seen (a ReLU's output): the range then starts at 0. */
    boolean nonNegative() {
        return min >= 0;
    }

    /** The histogram of absolute values (not a copy: do not modify). */
    long[] histogram() {
        return histogram;
    }

    /** Values counted into the histogram. */
    long count() {
        return count;
    }

    /** The upper edge of bin {@code i}. */
    double binEdge(int i) {
        return absMax() * (i + 1) / BINS;
    }
}
