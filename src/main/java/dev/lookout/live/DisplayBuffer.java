package dev.lookout.live;

import dev.lookout.capture.MatImages;
import dev.lookout.capture.OpenCv;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Hands frames from the capture thread to the display without either waiting for the other, and without
 * allocating per frame: five reusable images. The capture thread fills an image that is neither waiting nor on
 * screen, then queues it; the display takes the oldest waiting frame. Up to {@link #DEPTH} frames wait, so a
 * display that is late by a frame (a garbage collection, a busy core) still shows every frame, just a little later;
 * only when it falls further behind is the oldest waiting frame dropped and counted as not shown. The two sides
 * share one lock, held only to pick or move a slot, never while pixels are copied.
 *
 * <p>The scaling scratch {@code Mat} belongs to the publishing thread; {@link #publish} and {@link #releaseScratch}
 * are serialized on this object, so a capture thread that ends (and releases it) while a newer one publishes never
 * frees it under OpenCV's resize.
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

    /** How many frames may wait for the display before the oldest is dropped. */
    public static final int DEPTH = 3;

    // DEPTH waiting + one on screen + one being filled.
    private final DisplayFrame[] slots = {new DisplayFrame(), new DisplayFrame(), new DisplayFrame(),
        new DisplayFrame(), new DisplayFrame()};
    private final Object lock = new Object();
    private final ArrayDeque<DisplayFrame> waiting = new ArrayDeque<>(DEPTH + 1); // guarded by lock
    private DisplayFrame shown;                                                   // guarded by lock
    // The size of the area the video is shown in, in device pixels (0: unknown, no scaling).
    private volatile long targetSize;
    // The publishing thread's: the frame scaled to the screen, reused. Guarded by this.
    private Mat scaled;
    private final int downscaling;

    /** A buffer that scales frames down with OpenCV's area interpolation, the sharpest. */
    public DisplayBuffer() {
        this(true);
    }

    /**
     * @param sharpDownscaling area interpolation when scaling down (the sharpest), or bilinear, about six times
     *     cheaper at the odd ratios of a tile, for many small views at once (the camera wall)
     */
    public DisplayBuffer(boolean sharpDownscaling) {
        this.downscaling = sharpDownscaling ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR;
    }

    /**
     * Display thread: the size of the area frames are shown in. Frames are scaled to fit it (aspect kept) on the
     * capture thread by OpenCV, so that painting is a plain copy: Java2D's bilinear scaling costs the event thread
     * ~15 ms a frame, OpenCV's resize ~1 ms.
     */
    public void setTargetSize(int width, int height) {
        targetSize = ((long) Math.max(0, width) << 32) | Math.max(0, height);
    }

    /**
     * Capture thread: copies {@code bgr} into a free image and queues it for the display.
     *
     * @return true when the oldest waiting frame had to be dropped to make room (a frame not shown)
     */
    public synchronized boolean publish(Mat bgr, long sequence, long capturedNanos) {
        DisplayFrame free = null;
        synchronized (lock) {
            for (DisplayFrame slot : slots) {
                if (slot != shown && !waiting.contains(slot)) {
                    free = slot;
                    break;
                }
            }
        }
        // Only this thread writes a slot that is neither waiting nor shown, so the copy needs no lock.
        free.image = MatImages.toBufferedImage(scaledForScreen(bgr), free.image);
        free.frameWidth = bgr.cols();
        free.frameHeight = bgr.rows();
        free.sequence = sequence;
        free.capturedNanos = capturedNanos;
        synchronized (lock) {
            waiting.addLast(free);
            if (waiting.size() > DEPTH) {
                waiting.removeFirst();
                return true;
            }
            return false;
        }
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
        Imgproc.resize(bgr, scaled, new Size(w, h), 0, 0, scale < 1 ? downscaling : Imgproc.INTER_LINEAR);
        return scaled;
    }

    /**
     * Display thread: takes the oldest waiting frame, which stays valid until the next call that returns non-null.
     * Show it before taking the next one: {@link #hasPending()} says whether another is waiting.
     *
     * @return the frame, or {@code null} when no frame is waiting
     */
    public DisplayFrame take() {
        synchronized (lock) {
            DisplayFrame next = waiting.pollFirst();
            if (next != null) {
                shown = next;
            }
            return next;
        }
    }

    /** True when a frame is waiting for the display. */
    public boolean hasPending() {
        synchronized (lock) {
            return !waiting.isEmpty();
        }
    }

    /**
     * Forgets the waiting frames (a new source starts, or the pipeline stops).
     *
     * @return how many frames were waiting: captured but never to be shown
     */
    public int clear() {
        synchronized (lock) {
            int n = waiting.size();
            waiting.clear();
            return n;
        }
    }

    /**
     * Frees the scaling buffer (a capture thread when it ends); a frame being published is finished first, and a
     * later one makes a new buffer.
     */
    public synchronized void releaseScratch() {
        Mat m = scaled;
        scaled = null;
        if (m != null) {
            OpenCv.release(m);
        }
    }
}
