package dev.lookout.ui.wall;

import dev.lookout.capture.Frame;
import dev.lookout.detect.Detection;
import dev.lookout.live.DisplayBuffer;
import dev.lookout.monitor.CameraFrameListener;
import dev.lookout.overlay.OverlayPainter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.swing.SwingUtilities;

/**
 * Hands one monitored camera's frames to its tile: on the camera's thread each frame is scaled to the tile and
 * copied into the live window's {@link DisplayBuffer} (a few reused images, never a growing queue), with the boxes
 * tracked at that moment; the event thread is then asked, once per batch, to take the oldest waiting frame.
 * Nothing here waits on the event thread, so a slow screen costs skipped frames, never the camera's rate.
 */
final class TileFrames implements CameraFrameListener {

    // More than the buffer's slots (waiting + shown + filling), so a shown frame's boxes are never overwritten.
    private static final int BOXES = 8;

    private final DisplayBuffer buffer = new DisplayBuffer(false);
    private final AtomicReferenceArray<List<Detection>> boxes = new AtomicReferenceArray<>(BOXES);
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicLong received = new AtomicLong();
    private final TileView view;
    private volatile OverlayPainter overlay;
    private boolean released;

    /** What the event thread shows. */
    interface TileView {
        /** Event thread: shows {@code frame} with {@code tracked} drawn by {@code overlay}. */
        void show(DisplayBuffer.DisplayFrame frame, List<Detection> tracked, OverlayPainter overlay);
    }

    TileFrames(TileView view) {
        this.view = view;
    }

    /** Event thread: the tile's size in device pixels; frames are scaled to fit it on the camera's thread. */
    void setTargetSize(int width, int height) {
        buffer.setTargetSize(width, height);
    }

    @Override
    public void frame(Frame frame, List<Detection> tracked, OverlayPainter overlay) {
        synchronized (this) { // only against release(): the camera's thread is the one publisher
            if (released) {
                return;
            }
            long sequence = received.incrementAndGet();
            this.overlay = overlay;
            boxes.set((int) (sequence % BOXES), tracked);
            buffer.publish(frame.image(), sequence, frame.capturedNanos());
        }
        if (queued.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(this::showNext);
        }
    }

    /** Event thread: shows the oldest waiting frame; the next one is taken after this one is painted. */
    private void showNext() {
        queued.set(false);
        DisplayBuffer.DisplayFrame f = buffer.take();
        if (f == null) {
            return;
        }
        view.show(f, boxes.get((int) (f.sequence() % BOXES)), overlay);
        if (buffer.hasPending() && queued.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(this::showNext);
        }
    }

    /** Frees the scaling buffer; frames handed over later are ignored. */
    synchronized void release() {
        released = true;
        buffer.releaseScratch();
    }

    /** Frames the camera has handed to the tile since it was built. */
    long framesReceived() {
        return received.get();
    }
}
