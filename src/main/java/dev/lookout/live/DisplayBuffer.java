package dev.lookout.live;

import dev.lookout.capture.MatImages;
import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicReference;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

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
        private int frameWidth;
        private int frameHeight;

        /**
         * The pixels (TYPE_3BYTE_BGR), already scaled to the size the display asked for, owned by the buffer and
         * reused for later frames.
         */
        public BufferedImage image() {
            return image;
        }

        /** The width of the captured frame (before scaling for the screen). */
        public int frameWidth() {
            return frameWidth;
        }

        /** The height of the captured frame (before scaling for the screen). */
        public int frameHeight() {
            return frameHeight;
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
    // The size of the area the video is shown in, in device pixels (0: unknown, no scaling).
    private volatile long targetSize;
    // Capture thread only: the frame scaled to the screen, reused.
    private Mat scaled;

    /**
     * Display thread: the size of the area frames are shown in. Frames are scaled to fit it (aspect kept) on the
     * capture thread by OpenCV, so that painting is a plain copy: Java2D's bilinear scaling costs the event thread
     * ~15 ms a frame, OpenCV's resize ~1 ms.
     */
    public void setTargetSize(int width, int height) {
        targetSize = ((long) Math.max(0, width) << 32) | Math.max(0, height);
    }

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
        free.image = MatImages.toBufferedImage(scaledForScreen(bgr), free.image);
        free.frameWidth = bgr.cols();
        free.frameHeight = bgr.rows();
        free.sequence = sequence;
        free.capturedNanos = capturedNanos;
        return pending.getAndSet(free) != null;
    }

    private Mat scaledForScreen(Mat bgr) {
        long target = targetSize;
        int tw = (int) (target >>> 32);
        int th = (int) target;
        if (tw <= 0 || th <= 0) {
            return bgr;
        }
        double scale = Math.min((double) tw / bgr.cols(), (double) th / bgr.rows());
        int w = Math.max(1, (int) Math.round(bgr.cols() * scale));
        int h = Math.max(1, (int) Math.round(bgr.rows() * scale));
        if (w == bgr.cols() && h == bgr.rows()) {
            return bgr;
        }
        if (scaled == null) {
            scaled = new Mat();
        }
        Imgproc.resize(bgr, scaled, new Size(w, h), 0, 0, scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        return scaled;
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

    /** Capture thread, when it ends: frees the scaling buffer. */
    void releaseScratch() {
        Mat m = scaled;
        scaled = null;
        if (m != null) {
            m.release();
        }
    }
}
