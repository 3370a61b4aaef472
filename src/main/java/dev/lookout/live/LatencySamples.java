package dev.lookout.live;

import java.util.Arrays;

/**
 * The most recent latency samples in a fixed ring, so a run of any length keeps a bounded memory and the mean,
 * median and 95th percentile describe the recent past. Thread-safe.
 */
public final class LatencySamples {

    private final long[] ring;
    private long count;

    /** Keeps the last {@code capacity} samples. */
    public LatencySamples(int capacity) {
        this.ring = new long[capacity];
    }

    /** Adds one sample in nanoseconds. */
    public synchronized void add(long nanos) {
        ring[(int) (count % ring.length)] = nanos;
        count++;
    }

    /** How many samples were ever added. */
    public synchronized long count() {
        return count;
    }

    /** The mean of the kept samples in milliseconds, NaN when there are none. */
    public double meanMillis() {
        long[] s = snapshot();
        return s.length == 0 ? Double.NaN : Arrays.stream(s).average().orElse(Double.NaN) / 1e6;
    }

    /** The {@code p}-th percentile (0..100, nearest rank) of the kept samples in milliseconds, NaN when none. */
    public double percentileMillis(double p) {
        long[] s = snapshot();
        if (s.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))] / 1e6;
    }

    private synchronized long[] snapshot() {
        return Arrays.copyOf(ring, (int) Math.min(count, ring.length));
    }
}
