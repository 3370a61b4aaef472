package dev.lookout.live;

import java.util.concurrent.TimeUnit;

/**
 * Plays a file at its own pace: waits until each frame is due, measured from the first frame after (re)starting.
 * A frame more than a second late re-anchors the clock instead of rushing to catch up (after a stall, a pause or a
 * seek the video goes on at normal speed). Used by the capture thread only.
 */
public final class Pacing {

    /** How frames are timed. */
    public enum Mode {
        /** As fast as the source delivers (live sources, {@code --fast}). */
        NONE,
        /** By each frame's media timestamp (files). */
        TIMESTAMPS,
        /** One frame every fixed interval (a slideshow of images). */
        INTERVAL
    }

    private static final long MAX_LATE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Mode mode;
    private final long intervalNanos;
    private final double fallbackFps;
    private long originNanos = Long.MIN_VALUE;
    private long originMediaNanos;
    private long lastMediaNanos = Long.MIN_VALUE;
    private long framesSinceOrigin;

    /**
     * @param mode how frames are timed
     * @param intervalSeconds the slideshow interval for {@link Mode#INTERVAL}
     * @param fallbackFps the source's frame rate, used when timestamps do not increase (0: unknown, then 25)
     */
    public Pacing(Mode mode, double intervalSeconds, double fallbackFps) {
        this.mode = mode;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
        this.fallbackFps = fallbackFps > 0 ? fallbackFps : 25;
    }

    /** The timing mode. */
    public Mode mode() {
        return mode;
    }

    /** Forgets the clock: the next frame is shown at once and later frames are timed from it. */
    public void restart() {
        originNanos = Long.MIN_VALUE;
        lastMediaNanos = Long.MIN_VALUE;
        framesSinceOrigin = 0;
    }

    /** Sleeps until the frame with media time {@code timestampMicros} is due. */
    public void awaitDue(long timestampMicros) throws InterruptedException {
        if (mode == Mode.NONE) {
            return;
        }
        long now = System.nanoTime();
        if (originNanos == Long.MIN_VALUE) {
            anchor(now, timestampMicros * 1000);
            return;
        }
        long offset;
        if (mode == Mode.INTERVAL) {
            offset = framesSinceOrigin * intervalNanos;
        } else {
            long media = timestampMicros * 1000;
            // Sources without usable timestamps: fall back to the nominal frame rate.
            offset = media > lastMediaNanos ? media - originMediaNanos
                    : (long) ((framesSinceOrigin) * 1e9 / fallbackFps);
            lastMediaNanos = Math.max(lastMediaNanos, media);
        }
        framesSinceOrigin++;
        long due = originNanos + offset;
        if (now - due > MAX_LATE_NANOS) {
            anchor(now, timestampMicros * 1000);
            return;
        }
        long wait = due - now;
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private void anchor(long now, long mediaNanos) {
        originNanos = now;
        originMediaNanos = mediaNanos;
        lastMediaNanos = mediaNanos;
        framesSinceOrigin = 1;
    }
}
