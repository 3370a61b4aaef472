package dev.lookout.capture;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a live source (camera, network stream) going: when a read fails, or the source ends, it closes it and
 * opens it again with exponential backoff (by default 0.5 s doubling to 10 s) until it works or a finite attempt
 * budget runs out. Meanwhile {@link #read()} blocks; it resumes by itself with the first frame after reconnecting.
 * It reports its state to a {@link SourceStateListener}: LIVE when connected, STALLED when a read has waited
 * longer than the stall limit without a frame (LIVE again with the next frame), RECONNECTING with attempt and
 * delay, OFFLINE when it gives up (then {@link #read()} throws).
 *
 * <p>Frame indices keep increasing across reconnections, and timestamps count from this source's opening, so a
 * consumer never sees time go back. {@link #close()} may be called from another thread: a backoff wait ends at
 * once, an open or read in progress ends within the network timeout, and {@link #read()} then returns null.
 */
public final class ReconnectingFrameSource implements FrameSource {

    private static final long NOT_READING = Long.MIN_VALUE;
    // one timer for every source's stall check; its thread ends when no source is open
    private static final ScheduledThreadPoolExecutor STALL_TIMER = stallTimer();

    private final SourceOpener opener;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final int maxAttempts;
    private final long stallNanos;
    private final SourceStateListener listener;
    private final String description;
    private final double frameRate;
    private final SourceSlot slot;
    private final long openedNanos = System.nanoTime();
    private volatile long readingSinceNanos = NOT_READING;
    private ScheduledFuture<?> stallCheck;
    private SourceState.Kind reported;
    private long nextIndex;
    private long lastTimestamp = -1;
    private int reconnections;
    private IOException failure;

    private ReconnectingFrameSource(SourceOpener opener, FrameSource first, SourceOptions options,
            SourceStateListener listener) {
        this.opener = opener;
        this.slot = new SourceSlot(first);
        this.initialDelay = options.reconnectInitialDelay();
        this.maxDelay = options.reconnectMaxDelay();
        this.maxAttempts = options.reconnectMaxAttempts();
        this.stallNanos = options.stallAfter().toNanos();
        this.listener = listener;
        this.description = first.description();
        this.frameRate = first.frameRate();
    }

    /**
     * Opens the source now (a wrong address or a missing camera fails here, at once, with the source's own
     * message) and keeps it open from then on, with the reconnection and stall settings of {@code options} and
     * its {@link SourceOptions#stateListener()}.
     */
    public static ReconnectingFrameSource open(SourceOpener opener, SourceOptions options) throws IOException {
        FrameSource first = opener.open();
        ReconnectingFrameSource source = new ReconnectingFrameSource(opener, first, options,
                options.stateListener());
        source.report(SourceState.of(SourceState.Kind.LIVE, source.description, ""));
        if (source.listener != null) {
            long period = Math.max(50, source.stallNanos / 4_000_000);
            source.stallCheck = STALL_TIMER.scheduleWithFixedDelay(source::checkStall, period, period,
                    TimeUnit.MILLISECONDS);
        }
        return source;
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
        readingSinceNanos = System.nanoTime();
        try {
            while (true) {
                SourceSlot.Outcome read = slot.read();
                if (read.closed()) {
                    return null;
                }
                if (read.frame() != null) {
                    reportIf(SourceState.Kind.STALLED, SourceState.of(SourceState.Kind.LIVE, description, ""));
                    return renumber(read.frame());
                }
                String lost = read.failure() != null ? read.failure().getMessage() : "the stream ended";
                slot.closeCurrent();
                if (!reconnect(UrlRedaction.redact(lost))) {
                    return null;
                }
            }
        } finally {
            readingSinceNanos = NOT_READING;
        }
    }

    /**
     * Waits and reopens until it succeeds (true), the source is closed (false), or the attempts run out
     * (OFFLINE, IOException).
     */
    private boolean reconnect(String reason) throws IOException {
        Duration delay = initialDelay;
        for (int attempt = 1; maxAttempts == 0 || attempt <= maxAttempts; attempt++) {
            report(SourceState.reconnecting(description, attempt, delay, reason));
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
            readingSinceNanos = System.nanoTime(); // the stall clock starts again with the new connection
            report(SourceState.of(SourceState.Kind.LIVE, description, ""));
            return true;
        }
        String gaveUp = "gave up reconnecting to " + description + ": " + reason;
        report(SourceState.of(SourceState.Kind.OFFLINE, description, gaveUp));
        failure = new IOException(gaveUp);
        throw failure;
    }

    /** Timer thread: a read waiting longer than the stall limit while connected is reported once as STALLED. */
    private void checkStall() {
        long since = readingSinceNanos;
        long waited = System.nanoTime() - since;
        if (since != NOT_READING && waited >= stallNanos) {
            reportIf(SourceState.Kind.LIVE, SourceState.of(SourceState.Kind.STALLED, description,
                    String.format(Locale.ROOT, "no frames from %s for %.0f s", description, waited / 1e9)));
        }
    }

    private Frame renumber(Frame frame) {
        // each reconnection restarts the inner source's count and clock; this source's own keep going
        long timestamp = Math.max((frame.capturedNanos() - openedNanos) / 1000, lastTimestamp + 1);
        lastTimestamp = timestamp;
        return frame.renumbered(nextIndex++, timestamp, frame.capturedNanos());
    }

    private synchronized void report(SourceState state) {
        reported = state.kind();
        if (listener != null) {
            listener.stateChanged(state);
        }
    }

    private synchronized void reportIf(SourceState.Kind current, SourceState state) {
        if (reported == current) {
            report(state);
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
        synchronized (this) {
            if (stallCheck != null) {
                stallCheck.cancel(false);
            }
        }
        slot.close();
    }

    private static ScheduledThreadPoolExecutor stallTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "lookout-stall-watch");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }
}
