package dev.lookout.live;

import dev.lookout.capture.MatImages;
import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicReference;
import org.opencv.core.Mat;

/**
 * Hands frames from the capture thread to the display without either waiting for the other, and without
 * allocating per frame: three reusable images (triple buffering). The capture thread fills the one image that is
 * neither waiting to be shown nor being shown; the display takes the newest waiting one. When the display falls
 * behind, a waiting frame is replaced by a newer one and counted as not shown.
 */
public final class DisplayBuffer {

    /** A frame ready for the screen: the pixels plus which frame it is. Read it only on the display thread. */
    public static final class DisplayFrame {
        private BufferedImage image;
        private long sequence;
        private long capturedNanos;

        /** The pixels (TYPE_3BYTE_BGR), owned by the buffer and reused for later frames. */
        public BufferedImage image() {
            return image;
        }

        /** The pipeline's running number of this frame. */
        public long sequence() {
            return sequence;
        }

        /** {@link System#nanoTime()} at capture. */
        public long capturedNanos() {
            return capturedNanos;
        }
    }

    private final DisplayFrame[] slots = {new DisplayFrame(), new DisplayFrame(), new DisplayFrame()};
    private final AtomicReference<DisplayFrame> pending = new AtomicReference<>();
    private volatile DisplayFrame shown;

    /**
     * Capture thread: copies {@code bgr} into a free image and makes it the newest waiting frame.
     *
     * @return true when the previous waiting frame was replaced before the display took it (a frame not shown)
     */
    public boolean publish(Mat bgr, long sequence, long capturedNanos) {
        // Read 'pending' before 'shown': the display only ever moves the pending slot to 'shown', so a slot that is
        // neither of the two values read in this order cannot be in the display's hands.
        DisplayFrame waiting = pending.get();
        DisplayFrame onScreen = shown;
        DisplayFrame free = null;
        for (DisplayFrame slot : slots) {
            if (slot != waiting && slot != onScreen) {
                free = slot;
                break;
            }
        }
        free.image = MatImages.toBufferedImage(bgr, free.image);
        free.sequence = sequence;
        free.capturedNanos = capturedNanos;
        return pending.getAndSet(free) != null;
    }

    /**
     * Display thread: takes the newest waiting frame, which stays valid until the next call that returns non-null.
     *
     * @return the frame, or {@code null} when no new frame has arrived since the last call
     */
    public DisplayFrame take() {
        DisplayFrame next = pending.getAndSet(null);
        if (next != null) {
            shown = next;
        }
        return next;
    }

    /** True when a frame is waiting for the display. */
    public boolean hasPending() {
        return pending.get() != null;
    }

    /** Forgets the waiting frame (a new source starts). */
    public void clear() {
        pending.set(null);
    }
}
