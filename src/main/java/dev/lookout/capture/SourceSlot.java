package dev.lookout.capture;

import java.io.IOException;

/**
 * The inner source of a decorator that replaces it now and then (a looping file, a reconnecting stream), shared
 * by the reading thread and {@link #close()}. Closing never blocks on a read in progress (a network read can take
 * up to its timeout, and close() is typically called on the UI thread): the reading thread closes the source when
 * its read returns.
 */
final class SourceSlot {

    /**
     * What one read of the inner source gave.
     *
     * @param frame the frame, or null at the source's end or on failure
     * @param failure why the read failed, or null
     * @param closed true when the slot was closed before or during the read (frame and failure are then null)
     */
    record Outcome(Frame frame, IOException failure, boolean closed) {
    }

    private final Waiter waiter = new Waiter();
    private FrameSource current;
    private boolean closed;
    private boolean reading;

    SourceSlot(FrameSource first) {
        this.current = first;
    }

    /** Reads one frame from the current source; unexpected runtime failures are rethrown as they are. */
    Outcome read() {
        FrameSource source;
        synchronized (this) {
            if (closed) {
                return new Outcome(null, null, true);
            }
            source = current;
            reading = true;
        }
        Frame frame = null;
        IOException failure = null;
        RuntimeException unexpected = null;
        try {
            frame = source.read();
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException e) {
            unexpected = e;
        }
        boolean closedMeanwhile;
        synchronized (this) {
            reading = false;
            closedMeanwhile = closed;
        }
        if (closedMeanwhile) {
            // close() left the source to us
            source.close();
            if (frame != null) {
                frame.close();
            }
            return new Outcome(null, null, true);
        }
        if (unexpected != null) {
            throw unexpected;
        }
        return new Outcome(frame, failure, false);
    }

    /** Closes the current source before it is replaced. */
    void closeCurrent() {
        FrameSource old;
        synchronized (this) {
            old = current;
        }
        old.close();
    }

    /** Puts a freshly opened source in place; false, closing it, when the slot was closed meanwhile. */
    synchronized boolean replace(FrameSource fresh) {
        if (closed) {
            fresh.close();
            return false;
        }
        current = fresh;
        return true;
    }

    /** True once {@link #close()} was called. */
    synchronized boolean isClosed() {
        return closed;
    }

    /** Waits until {@code deadlineNanos} ({@link System#nanoTime()}); false when woken by {@link #close()}. */
    boolean awaitUntil(long deadlineNanos) {
        return waiter.awaitUntil(deadlineNanos);
    }

    /** Closes the slot and its source (or leaves the source to a read in progress); idempotent, never blocks. */
    void close() {
        FrameSource toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = reading ? null : current;
        }
        waiter.wake();
        if (toClose != null) {
            toClose.close();
        }
    }
}
