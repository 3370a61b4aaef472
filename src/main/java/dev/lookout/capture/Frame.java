package dev.lookout.capture;

import org.opencv.core.Mat;

/**
 * One captured video frame: a BGR {@code Mat} (8-bit, 3 channels, as OpenCV captures it) with its place in the
 * source. The frame owns its {@code Mat}: whoever holds the frame closes it, and {@link #copy()} gives an
 * independent frame to a consumer that keeps it longer (a recorder, a pre-roll buffer).
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

    /** Releases the pixels; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            image.release();
        }
    }
}
