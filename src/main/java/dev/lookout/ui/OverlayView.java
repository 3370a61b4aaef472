package dev.lookout.ui;

import dev.lookout.detect.Detection;
import dev.lookout.live.LiveDetections;
import dev.lookout.live.LiveStats;
import dev.lookout.overlay.OverlayPainter;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.List;
import javax.swing.JComponent;

/**
 * The transparent layer above the video: the newest detections, painted by the shared {@link OverlayPainter} in the
 * coordinates of the frame they were computed on, mapped exactly as {@link VideoView} maps the video (so boxes
 * stay on their objects when the window is resized). The painting is kept in an image and redrawn only when the
 * detections, the view's size or the frame's size change: the video below repaints at its own rate (each of its
 * repaints repaints this layer too), and the tracking overlay's trails, zones and labels cost several
 * milliseconds of anti-aliased drawing each time.
 */
public final class OverlayView extends JComponent {

    private final VideoView video;
    private final OverlayPainter painter;
    private final LiveStats stats;
    private LiveDetections detections;
    private boolean latencyCounted;
    private java.awt.image.BufferedImage cache;
    private Object cacheKey;

    /** An overlay for {@code video}, painting with {@code painter}. */
    public OverlayView(VideoView video, OverlayPainter painter, LiveStats stats) {
        this.video = video;
        this.painter = painter;
        this.stats = stats;
        setOpaque(false);
    }

    /** Shows new detections (event thread). */
    public void setDetections(LiveDetections value) {
        detections = value;
        latencyCounted = false;
        repaint();
    }

    /**
     * Paints two sample boxes off screen, so that the first real detections do not pay for loading the
     * anti-aliased shape and text code and the label font (~150 ms on the event thread, enough to hold up frames).
     */
    public void warmUp() {
        // An image of the screen's own kind, so that the screen's drawing pipeline is the one warmed up.
        java.awt.Image scratch = isDisplayable() ? createVolatileImage(320, 240) : null;
        if (scratch == null) {
            scratch = new java.awt.image.BufferedImage(320, 240, java.awt.image.BufferedImage.TYPE_INT_RGB);
        }
        Graphics2D g = (Graphics2D) scratch.getGraphics();
        try {
            painter.paint(g, List.of(new Detection(20, 30, 120, 150, "person", 0.87),
                    new Detection(60, 50, 200, 120, "dog", 0.66)), 320, 240);
        } finally {
            g.dispose();
            scratch.flush();
        }
    }

    /** Removes every box (a new source starts). */
    public void clear() {
        setDetections(null);
    }

    /** The detections shown, or {@code null}. */
    public LiveDetections detections() {
        return detections;
    }

    /** The boxes on screen, in their frame's pixels; empty when none. */
    public List<Detection> shownDetections() {
        return detections == null ? List.of() : detections.result().detections();
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        LiveDetections d = detections;
        if (d == null) {
            return;
        }
        int resultW = d.result().width();
        int resultH = d.result().height();
        // Map through the video's own geometry; when the video has no frame yet, through the result's size.
        int frameW = video.frameWidth() > 0 ? video.frameWidth() : resultW;
        int frameH = video.frameHeight() > 0 ? video.frameHeight() : resultH;
        AffineTransform toView = VideoGeometry.frameToView(frameW, frameH, getWidth(), getHeight());
        toView.scale((double) frameW / resultW, (double) frameH / resultH);
        Graphics2D screen = (Graphics2D) graphics;
        double scale = screen.getTransform().getScaleX(); // HiDPI: paint the cache in device pixels
        int w = Math.max(1, (int) Math.ceil(getWidth() * scale));
        int h = Math.max(1, (int) Math.ceil(getHeight() * scale));
        java.util.List<Object> key = java.util.List.of(d, w, h, frameW, frameH);
        if (!key.equals(cacheKey)) {
            if (cache == null || cache.getWidth() != w || cache.getHeight() != h) {
                cache = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB_PRE);
            }
            Graphics2D g = cache.createGraphics();
            try {
                g.setComposite(java.awt.AlphaComposite.Clear);
                g.fillRect(0, 0, w, h);
                g.setComposite(java.awt.AlphaComposite.SrcOver);
                g.setFont(getFont());
                g.scale(scale, scale);
                g.transform(toView);
                painter.paint(g, d.result().detections(), resultW, resultH);
            } finally {
                g.dispose();
            }
            cacheKey = key;
        }
        screen.drawImage(cache, 0, 0, getWidth(), getHeight(), null);
        if (!latencyCounted) {
            latencyCounted = true;
            stats.detectionsPainted(d.capturedNanos(), System.nanoTime());
        }
    }
}
