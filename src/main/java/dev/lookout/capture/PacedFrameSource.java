package dev.lookout.capture;

import java.io.IOException;

/**
 * Plays a file or image source at its own pace and optionally in a loop. Paced, each frame is handed out when its
 * timestamp, relative to the first, has elapsed on the wall clock (a consumer that falls more than a second behind
 * restarts the clock instead of getting a burst); in fast mode frames come as fast as they are read. Looping opens
 * the source again at its end; frame indices keep increasing and timestamps continue one frame after the last.
 *
 * <p>{@link #close()} may be called from another thread: it ends a pacing wait at once, and {@link #read()} then
 * returns null.
 */
public final class PacedFrameSource implements FrameSource {

    private static final long MAX_LAG_NANOS = 1_000_000_000L;
    private static final long FALLBACK_FRAME_MICROS = 100_000;

    private final SourceOpener opener;
    private final boolean paced;
    private final boolean loop;
    private final String description;
    private final double frameRate;
    private final SourceSlot slot;

    private long nextIndex;
    private long lastTimestamp = Long.MIN_VALUE;
    private long previousTimestamp = Long.MIN_VALUE;
    private long passOffsetMicros;
    private long passFirstMicros = Long.MIN_VALUE;
    private long framesThisPass;
    private long anchorNanos;
    private long anchorMicros = Long.MIN_VALUE;
    private int passes = 1;

    private PacedFrameSource(SourceOpener opener, FrameSource first, boolean paced, boolean loop) {
        this.opener = opener;
        this.slot = new SourceSlot(first);
        this.paced = paced;
        this.loop = loop;
        this.description = first.description();
        this.frameRate = first.frameRate();
    }

    /**
     * Opens the source once now (so a bad file fails here) and again at each loop.
     *
     * @param paced wait for each frame's time; false = fast mode
     * @param loop start again at the end
     */
    public static PacedFrameSource open(SourceOpener opener, boolean paced, boolean loop) throws IOException {
        return new PacedFrameSource(opener, opener.open(), paced, loop);
    }

    @Override
    public String description() {
        return description;
    }

    /** How many times the source has been started (1 before the first loop). */
    public synchronized int passes() {
        return passes;
    }

    @Override
    public Frame read() throws IOException {
        while (true) {
            SourceSlot.Outcome read = slot.read();
            if (read.closed()) {
                return null;
            }
            if (read.failure() != null) {
                throw read.failure();
            }
            if (read.frame() == null) {
                if (!loop || framesThisPass == 0 || !restart()) {
                    return null;
                }
                continue;
            }
            return pace(read.frame());
        }
    }

    /** Opens the source again for the next pass; false if closed meanwhile. */
    private boolean restart() throws IOException {
        slot.closeCurrent();
        if (!slot.replace(opener.open())) {
            return false;
        }
        synchronized (this) {
            passes++;
        }
        passOffsetMicros = lastTimestamp + frameDurationMicros();
        passFirstMicros = Long.MIN_VALUE;
        framesThisPass = 0;
        return true;
    }

    private long frameDurationMicros() {
        if (frameRate > 0) {
            return Math.round(1e6 / frameRate);
        }
        if (previousTimestamp != Long.MIN_VALUE && lastTimestamp > previousTimestamp) {
            return lastTimestamp - previousTimestamp;
        }
        return FALLBACK_FRAME_MICROS;
    }

    private Frame pace(Frame frame) {
        if (passFirstMicros == Long.MIN_VALUE) {
            // the first pass keeps the file's own timestamps; later passes continue after the previous one
            passFirstMicros = passes == 1 ? 0 : frame.timestampMicros();
        }
        long timestamp = passOffsetMicros + frame.timestampMicros() - passFirstMicros;
        if (lastTimestamp != Long.MIN_VALUE && timestamp < lastTimestamp) {
            timestamp = lastTimestamp; // damaged files can step back; consumers rely on monotonic time
        }
        framesThisPass++;
        if (paced) {
            long now = System.nanoTime();
            if (anchorMicros == Long.MIN_VALUE) {
                anchorMicros = timestamp;
                anchorNanos = now;
            }
            long due = anchorNanos + (timestamp - anchorMicros) * 1000;
            if (now - due > MAX_LAG_NANOS) {
                anchorMicros = timestamp;
                anchorNanos = now;
            } else if (due > now) {
                slot.awaitUntil(due);
            }
        }
        previousTimestamp = lastTimestamp;
        lastTimestamp = timestamp;
        // a paced frame is "captured" when it is due, not when it was decoded ahead of time
        return frame.renumbered(nextIndex++, timestamp, paced ? System.nanoTime() : frame.capturedNanos());
    }

    @Override
    public double frameRate() {
        return frameRate;
    }

    @Override
    public boolean isLive() {
        return false;
    }

    @Override
    public void close() {
        slot.close();
    }
}
