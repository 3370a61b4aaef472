package dev.lookout.capture;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.javacpp.Pointer;

/**
 * The limits a network stream must keep, enforced through FFmpeg's interrupt callback
 * ({@code AVFormatContext.interrupt_callback}), which every protocol and demuxer of that input polls while it
 * waits or reads: so they hold inside FFmpeg's own loops, where a socket timeout cannot reach.
 * <ul>
 *   <li>Opening (connect, headers, probing) ends within the network timeout: a server that sends one header line
 *       that never ends, a byte at a time, never lets a single read time out.</li>
 *   <li>Between two frames at most {@link #partLimit} bytes are read: max(32 MB, 16 × a BGR frame). A part that
 *       declares 100 GB, or no end at all, is otherwise gathered into one packet until memory runs out (FFmpeg's
 *       mpjpeg demuxer does that).</li>
 *   <li>A read gets a frame within the network timeout, counted from the later of the last frame and the start of
 *       the read (a consumer that pauses is not a dead camera).</li>
 *   <li>{@link #abort()} (another thread closing the source) ends the wait at once.</li>
 * </ul>
 * The reason a limit tripped is kept for the message ({@link Tripped}); FFmpeg itself only reports
 * {@code AVERROR_EXIT}.
 */
final class StreamGuard {

    private static final long MIN_PART_BYTES = 32L << 20;
    // one callback for every input, as javacpp callbacks are few: the opaque pointer (the context) finds the guard
    private static final Map<Long, StreamGuard> GUARDS = new ConcurrentHashMap<>();
    private static final AVIOInterruptCB.Callback_Pointer CALLBACK = new Callback().retainReference();

    private final String source;
    private final long timeoutNanos;
    private final long openBudgetNanos;
    private long address;
    private AVFormatContext context;
    private volatile boolean opening = true;
    private volatile boolean aborted;
    private volatile long since = System.nanoTime();
    private volatile long bytesAtFrame;
    private volatile long partLimit = MIN_PART_BYTES;
    private volatile String tripped;

    /**
     * @param source the stream as messages name it (credentials masked)
     * @param timeout the network timeout: how long a read may go without a frame
     * @param openBudget how long opening may take (the timeout, or what an earlier attempt left of it)
     */
    StreamGuard(String source, java.time.Duration timeout, java.time.Duration openBudget) {
        this.source = source;
        this.timeoutNanos = timeout.toNanos();
        this.openBudgetNanos = openBudget.toNanos();
    }

    /** Makes {@code context} (allocated, not yet opened) poll this guard. */
    void install(AVFormatContext context) {
        this.context = context;
        this.address = context.address();
        GUARDS.put(address, this);
        context.interrupt_callback().callback(CALLBACK).opaque(context);
    }

    /** Opening is over: from now the per-frame limits apply, the part limit scaled to the frame size. */
    void opened(int width, int height) {
        partLimit = Math.max(MIN_PART_BYTES, 16L * width * height * 3);
        opening = false;
        frameDecoded();
    }

    /** A read begins: the frame clock starts no earlier than now. */
    void readStarted() {
        since = System.nanoTime();
    }

    /** A frame came: the byte and time budgets start again. */
    void frameDecoded() {
        since = System.nanoTime();
        bytesAtFrame = bytesRead();
    }

    /** Makes FFmpeg give up whatever it waits for, at its next poll. */
    void abort() {
        aborted = true;
    }

    /** Why FFmpeg was interrupted, or null when it was not (or was closed). */
    String tripped() {
        return tripped;
    }

    /** Stops answering for the context: call once it is freed. */
    void uninstall() {
        GUARDS.remove(address, this);
        context = null;
    }

    private long bytesRead() {
        AVFormatContext c = context;
        AVIOContext pb = c == null ? null : c.pb();
        // RTSP and other AVFMT_NOFILE inputs have no byte stream here: only the time limits hold for them
        return pb == null || pb.isNull() ? 0 : pb.pos();
    }

    private boolean shouldStop() {
        if (aborted) {
            return true;
        }
        if (tripped != null) {
            return true;
        }
        long waited = System.nanoTime() - since;
        if (waited > (opening ? openBudgetNanos : timeoutNanos)) {
            tripped = String.format(Locale.ROOT, opening
                    ? "cannot open stream %s: no video within the %.1f s network timeout; the server answers but "
                            + "sends no usable stream"
                    : "no frames from %s for %.1f s (network timeout)", source, timeoutNanos / 1e9);
            return true;
        }
        long part = bytesRead() - bytesAtFrame;
        if (part > partLimit) {
            tripped = String.format(Locale.ROOT, opening
                    ? "cannot open stream %s: it sent a frame part larger than %d MB; the camera sends malformed data"
                    : "%s sent a frame part larger than %d MB; the camera sends malformed data", source,
                    partLimit >> 20);
            return true;
        }
        return false;
    }

    /** An open or read that a limit of the guard ended; the message is complete and names the stream. */
    static final class Tripped extends java.io.IOException {
        Tripped(String message) {
            super(message);
        }
    }

    private static final class Callback extends AVIOInterruptCB.Callback_Pointer {
        @Override
        public int call(Pointer opaque) {
            try {
                StreamGuard guard = opaque == null ? null : GUARDS.get(opaque.address());
                return guard != null && guard.shouldStop() ? 1 : 0;
            } catch (RuntimeException e) {
                return 0; // never let an exception unwind through FFmpeg's C frames
            }
        }
    }
}
