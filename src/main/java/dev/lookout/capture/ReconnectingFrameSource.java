package dev.lookout.capture;

import java.io.IOException;
import java.time.Duration;

/**
 * Keeps a live source (camera, network stream) going: when a read fails, or the source ends, it closes it and
 * opens it again with exponential backoff (by default 0.5 s doubling to 10 s), telling a {@link ConnectionListener}
 * each step (CONNECTED, RECONNECTING with attempt and delay, FAILED when a finite attempt budget runs out).
 * Meanwhile {@link #read()} blocks; it resumes by itself with the first frame after reconnecting.
 *
 * <p>Frame indices keep increasing across reconnections, and timestamps count from this source's opening, so a
 * consumer never sees time go back. {@link #close()} may be called from another thread: a backoff wait ends at
 * once, an open or read in progress ends within the network timeout, and {@link #read()} then returns null.
 */
public final class ReconnectingFrameSource implements FrameSource {

    private final SourceOpener opener;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final int maxAttempts;
    private final ConnectionListener listener;
    private final String description;
    private final double frameRate;
    private final SourceSlot slot;
    private final long openedNanos = System.nanoTime();
    private long nextIndex;
    private long lastTimestamp = -1;
    private int reconnections;
    private IOException failure;

    private ReconnectingFrameSource(SourceOpener opener, FrameSource first, Duration initialDelay, Duration maxDelay,
            int maxAttempts, ConnectionListener listener) {
        this.opener = opener;
        this.slot = new SourceSlot(first);
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.maxAttempts = maxAttempts;
        this.listener = listener;
        this.description = first.description();
        this.frameRate = first.frameRate();
    }

    /**
     * Opens the source now (a wrong address or a missing camera fails here, at once, with the source's own
     * message) and keeps it open from then on.
     *
     * @param initialDelay the wait before the first reconnection attempt; it doubles after each failed attempt
     * @param maxDelay the longest wait between attempts
     * @param maxAttempts consecutive failed attempts before giving up (FAILED), or 0 to try forever
     * @param listener told about state changes on the reading thread, or null
     */
    public static ReconnectingFrameSource open(SourceOpener opener, Duration initialDelay, Duration maxDelay,
            int maxAttempts, ConnectionListener listener) throws IOException {
        FrameSource first = opener.open();
        ReconnectingFrameSource source =
                new ReconnectingFrameSource(opener, first, initialDelay, maxDelay, maxAttempts, listener);
        source.report(new ConnectionState(ConnectionState.Status.CONNECTED, 0, Duration.ZERO, null,
                source.description));
        return source;
    }

    /** Opens with the reconnection settings of {@code options}. */
    public static ReconnectingFrameSource open(SourceOpener opener, SourceOptions options) throws IOException {
        return open(opener, options.reconnectInitialDelay(), options.reconnectMaxDelay(),
                options.reconnectMaxAttempts(), options.connectionListener());
    }

    @Override
    public String description() {
        return description;
    }

    /** How many times the connection has been re-established. */
    public synchronized int reconnections() {
        return reconnections;
    }

    @Override
    public Frame read() throws IOException {
        if (failure != null) {
            throw new IOException(failure.getMessage(), failure);
        }
        while (true) {
            SourceSlot.Outcome read = slot.read();
            if (read.closed()) {
                return null;
            }
            if (read.frame() != null) {
                return renumber(read.frame());
            }
            String lost = read.failure() != null ? read.failure().getMessage() : "the stream ended";
            slot.closeCurrent();
            if (!reconnect(UrlRedaction.redact(lost))) {
                return null;
            }
        }
    }

    /**
     * Waits and reopens until it succeeds (true), the source is closed (false), or the attempts run out
     * (FAILED, IOException).
     */
    private boolean reconnect(String reason) throws IOException {
        Duration delay = initialDelay;
        for (int attempt = 1; maxAttempts == 0 || attempt <= maxAttempts; attempt++) {
            report(new ConnectionState(ConnectionState.Status.RECONNECTING, attempt, delay, reason, description));
            if (!slot.awaitUntil(System.nanoTime() + delay.toNanos())) {
                return false;
            }
            FrameSource fresh;
            try {
                fresh = opener.open();
            } catch (IOException e) {
                if (slot.isClosed()) {
                    return false;
                }
                reason = UrlRedaction.redact(e.getMessage());
                delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
                continue;
            }
            if (!slot.replace(fresh)) {
                return false;
            }
            synchronized (this) {
                reconnections++;
            }
            report(new ConnectionState(ConnectionState.Status.CONNECTED, 0, Duration.ZERO, null, description));
            return true;
        }
        ConnectionState failed = new ConnectionState(ConnectionState.Status.FAILED, maxAttempts, Duration.ZERO,
                reason, description);
        report(failed);
        failure = new IOException(failed.describe());
        throw failure;
    }

    private Frame renumber(Frame frame) {
        // each reconnection restarts the inner source's count and clock; this source's own keep going
        long timestamp = Math.max((frame.capturedNanos() - openedNanos) / 1000, lastTimestamp + 1);
        lastTimestamp = timestamp;
        return new Frame(frame.image(), nextIndex++, timestamp, frame.capturedNanos());
    }

    private void report(ConnectionState state) {
        if (listener != null) {
            listener.stateChanged(state);
        }
    }

    @Override
    public double frameRate() {
        return frameRate;
    }

    @Override
    public boolean isLive() {
        return true;
    }

    @Override
    public void close() {
        slot.close();
    }
}
