package dev.lookout.capture;

import org.opencv.core.Mat;

/**
 * One captured video frame: a BGR {@code Mat} (8-bit, 3 channels, as OpenCV captures it) with its place in the
 * source. The frame owns its {@code Mat}, and one holder at a time owns the frame:
 * <ul>
 *   <li><b>Handing a frame over</b>: return it or pass it to a method documented as taking it; the receiver now
 *       owns it and closes it ({@link #renumbered} hands it over to a new place in a stream).</li>
 *   <li><b>Sharing a frame</b>: pass it to any other method; it is valid only during that call, and a receiver
 *       that keeps it keeps a {@link #copy()}.</li>
 * </ul>
 */
public final class Frame implements AutoCloseable {

    private final Mat image;
    private final long index;
    private final long timestampMicros;
    private final long capturedNanos;
    private volatile boolean closed;

    /**
     * Wraps a BGR image; the new frame takes ownership of {@code image}.
     *
     * @param index 0-based frame number within its source
     * @param timestampMicros the frame's media time: the presentation time for files, time since opening for live
     *     sources
     * @param capturedNanos {@link System#nanoTime()} when the frame was captured, for latency figures
     */
    public Frame(Mat image, long index, long timestampMicros, long capturedNanos) {
        this.image = image;
        this.index = index;
        this.timestampMicros = timestampMicros;
        this.capturedNanos = capturedNanos;
    }

    /** The BGR pixels; valid until this frame is closed. */
    public Mat image() {
        if (closed) {
            throw new IllegalStateException("frame " + index + " is closed");
        }
        return image;
    }

    /** 0-based frame number within its source. */
    public long index() {
        return index;
    }

    /** The frame's media time in microseconds. */
    public long timestampMicros() {
        return timestampMicros;
    }

    /** {@link System#nanoTime()} at capture. */
    public long capturedNanos() {
        return capturedNanos;
    }

    /** Width in pixels. */
    public int width() {
        return image().cols();
    }

    /** Height in pixels. */
    public int height() {
        return image().rows();
    }

    /** A deep copy that the caller owns and must close. */
    public Frame copy() {
        return new Frame(image().clone(), index, timestampMicros, capturedNanos);
    }

    /**
     * Hands this frame's pixels over to a new frame with another place in a stream (a decorator renumbering its
     * source's frames), without copying them: this frame is closed, the caller owns the new one.
     */
    public Frame renumbered(long newIndex, long newTimestampMicros, long newCapturedNanos) {
        Mat pixels = image();
        closed = true;
        return new Frame(pixels, newIndex, newTimestampMicros, newCapturedNanos);
    }

    /** Releases the pixels (through {@link OpenCv#release}: the {@code Mat} stays alive meanwhile); idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            OpenCv.release(image);
        }
    }
}
