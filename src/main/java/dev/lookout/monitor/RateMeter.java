package dev.lookout.monitor;

/**
 * Events per second over the last few seconds (a health line's "fps"): counted in windows of {@link #WINDOW_NANOS};
 * the rate is the last full window's, or the current one's once it is longer. Thread-safe.
 */
final class RateMeter {

    static final long WINDOW_NANOS = 2_000_000_000L;

    private long windowStart = System.nanoTime();
    private long count;
    private double rate;

    synchronized void tick() {
        roll(System.nanoTime());
        count++;
    }

    synchronized double perSecond() {
        long now = System.nanoTime();
        roll(now);
        return rate;
    }

    private void roll(long now) {
        long elapsed = now - windowStart;
        if (elapsed >= WINDOW_NANOS) {
            rate = count * 1e9 / elapsed;
            count = 0;
            windowStart = now;
        }
    }
}
