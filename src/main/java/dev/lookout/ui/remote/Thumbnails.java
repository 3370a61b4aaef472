package dev.lookout.ui.remote;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.swing.Icon;
import javax.swing.ImageIcon;

/**
 * Turns the nodes' snapshot JPEGs into small icons on a thread of its own, so that neither the MQTT client's
 * thread nor the event thread decodes images. At most {@link #QUEUE} snapshots wait; when more come, the oldest
 * waiting one is dropped (a newer snapshot of the same camera replaces it anyway). Bytes that are not an image are
 * skipped.
 */
final class Thumbnails implements AutoCloseable {

    /** A thumbnail's height in pixels. */
    static final int HEIGHT = 54;
    /** A thumbnail's widest width in pixels. */
    static final int MAX_WIDTH = 96;
    private static final int QUEUE = 16;

    /** Hears each decoded thumbnail (on the decoding thread). */
    interface Sink {
        void thumbnail(String node, String camera, String className, Icon icon);
    }

    private final Sink sink;
    private final ThreadPoolExecutor decoder = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), r -> {
                Thread t = new Thread(r, "lookout-remote-thumbnails");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardOldestPolicy());

    Thumbnails(Sink sink) {
        this.sink = sink;
    }

    /** Queues {@code jpeg} for decoding; returns at once. */
    void decode(String node, String camera, String className, byte[] jpeg) {
        if (decoder.isShutdown()) {
            return;
        }
        decoder.execute(() -> {
            Icon icon = icon(jpeg);
            if (icon != null) {
                sink.thumbnail(node, camera, className, icon);
            }
        });
    }

    /** The picture scaled to {@link #HEIGHT} (and at most {@link #MAX_WIDTH} wide), or null if it is no image. */
    static Icon icon(byte[] jpeg) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            return null;
        }
        if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
            return null;
        }
        double scale = Math.min((double) HEIGHT / image.getHeight(), (double) MAX_WIDTH / image.getWidth());
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return new ImageIcon(small);
    }

    @Override
    public void close() {
        decoder.shutdownNow();
    }
}
