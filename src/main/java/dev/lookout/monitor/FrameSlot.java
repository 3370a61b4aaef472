package dev.lookout.monitor;

import dev.lookout.capture.Frame;

/**
 * The newest frame of one camera waiting for the detector: one place, never a queue. A frame offered while an
 * older one still waits replaces it, and the older one is closed and counted as stale, so the detector always sees
 * a camera's latest picture and a slow detector costs skipped frames, never memory or latency. Thread-safe: the
 * camera's reading thread offers, the scheduler takes.
 *
 * <p>A stale frame is counted by why it waited ({@link #holdUntil}): the camera's {@code detect_fps} cap had not
 * yet let the scheduler take it ({@link #skippedRate}), or the cap allowed it and the detector was busy with
 * another frame, of this camera or another ({@link #skippedBusy}). The replacing frame's {@link
 * Frame#capturedNanos} is the time of the replacement: the scheduler's clock is the frames' clock.
 */
final class FrameSlot implements AutoCloseable {

    private Frame waiting;
    private long skippedBusy;
    private long skippedRate;
    private long heldUntilNanos = Long.MIN_VALUE;
    private boolean closed;

    /** Takes ownership of {@code frame}; a frame still waiting is closed and counted as stale. */
    synchronized void offer(Frame frame) {
        if (closed) {
            frame.close();
            return;
        }
        if (waiting != null) {
            waiting.close();
            if (frame.capturedNanos() <= heldUntilNanos) { // at the end itself the scheduler had no turn yet
                skippedRate++;
            } else {
                skippedBusy++;
            }
        }
        waiting = frame;
    }

    /** The scheduler takes no frame of this camera before {@code nanos} (its detect_fps cap); any thread. */
    synchronized void holdUntil(long nanos) {
        heldUntilNanos = nanos;
    }

    /** The waiting frame (the caller now owns it), or null when none waits. */
    synchronized Frame take() {
        Frame f = waiting;
        waiting = null;
        return f;
    }

    /** True when a frame waits. */
    synchronized boolean hasFrame() {
        return waiting != null;
    }

    /** Frames replaced before the detector took them, for whatever reason. */
    synchronized long stale() {
        return skippedBusy + skippedRate;
    }

    /** Frames replaced while the camera's cap allowed a detection but the detector was busy. */
    synchronized long skippedBusy() {
        return skippedBusy;
    }

    /** Frames replaced while the camera's detect_fps cap held the detector off. */
    synchronized long skippedRate() {
        return skippedRate;
    }

    /** Closes the waiting frame; later offers are closed at once. */
    @Override
    public synchronized void close() {
        closed = true;
        if (waiting != null) {
            waiting.close();
            waiting = null;
        }
    }
}
