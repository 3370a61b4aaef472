package dev.lookout.monitor;

import dev.lookout.capture.Frame;

/**
 * The newest frame of one camera waiting for the detector: one place, never a queue. A frame offered while an
 * older one still waits replaces it, and the older one is closed and counted as stale, so the detector always sees
 * a camera's latest picture and a slow detector costs skipped frames, never memory or latency. Thread-safe: the
 * camera's reading thread offers, the scheduler takes.
 */
final class FrameSlot implements AutoCloseable {

    private Frame waiting;
    private long stale;
    private boolean closed;

    /** Takes ownership of {@code frame}; a frame still waiting is closed and counted as stale. */
    synchronized void offer(Frame frame) {
        if (closed) {
            frame.close();
            return;
        }
        if (waiting != null) {
            waiting.close();
            stale++;
        }
        waiting = frame;
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

    /** Frames replaced before the detector took them. */
    synchronized long stale() {
        return stale;
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
