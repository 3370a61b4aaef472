package dev.lookout.cli;

import java.util.Arrays;

/** Median and 95th percentile of timing samples (nearest rank), in milliseconds. */
record Percentiles(double medianMs, double p95Ms, int samples) {

    /** The figures of {@code nanos} (not modified); zeros when there are no samples. */
    static Percentiles of(long[] nanos) {
        if (nanos.length == 0) {
            return new Percentiles(0, 0, 0);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
        int rank = (int) Math.ceil(0.95 * sorted.length); // nearest-rank: the smallest value ≥ 95 % of samples
        return new Percentiles(median / 1e6, sorted[Math.max(0, rank - 1)] / 1e6, sorted.length);
    }
}
