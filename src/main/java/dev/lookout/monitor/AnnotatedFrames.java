package dev.lookout.monitor;

import dev.lookout.capture.MatImages;
import dev.lookout.detect.Detection;
import dev.lookout.notify.SnapshotJpeg;
import dev.lookout.overlay.OverlayPainter;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.opencv.core.Mat;

/**
 * A camera's newest frame with its overlay, as JPEG, for the web page and its MJPEG streams. Encoding costs CPU,
 * so a frame is painted at most every {@code minIntervalNanos} ({@code 1/5 s} by default); frames in between are
 * not encoded. Called on the camera's reading thread; read from any thread. Listeners must return at once.
 */
final class AnnotatedFrames {

    private final long minIntervalNanos;
    private final List<Consumer<byte[]>> listeners = new CopyOnWriteArrayList<>();
    private BufferedImage canvas;
    private long lastNanos = Long.MIN_VALUE;
    private volatile byte[] latest;

    AnnotatedFrames(double maxFps) {
        this.minIntervalNanos = Math.round(1e9 / maxFps);
    }

    /** Paints and encodes {@code bgr} with {@code detections} if the last encoding is old enough. */
    void offer(Mat bgr, List<Detection> detections, OverlayPainter painter) {
        long now = System.nanoTime();
        if (lastNanos != Long.MIN_VALUE && now - lastNanos < minIntervalNanos) {
            return;
        }
        lastNanos = now;
        canvas = MatImages.toBufferedImage(bgr, canvas);
        if (painter != null) {
            Graphics2D g = canvas.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                painter.paint(g, detections, canvas.getWidth(), canvas.getHeight());
            } finally {
                g.dispose();
            }
        }
        byte[] jpeg;
        try {
            jpeg = SnapshotJpeg.encode(canvas);
        } catch (IOException e) {
            return; // in memory: only a broken JPEG writer fails, and the previous frame stays
        }
        latest = jpeg;
        for (Consumer<byte[]> l : listeners) {
            try {
                l.accept(jpeg);
            } catch (RuntimeException e) {
                // a reader's failure is its own; the camera goes on
            }
        }
    }

    Optional<byte[]> latest() {
        return Optional.ofNullable(latest);
    }

    AutoCloseable listen(Consumer<byte[]> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
