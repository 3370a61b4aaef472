package dev.lookout.ui;

import dev.lookout.live.DisplayBuffer;
import dev.lookout.live.LiveStats;
import java.awt.Color;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;

/**
 * The bottom layer: the current video frame, scaled to fit with its aspect ratio kept, on a dark letterbox. Only
 * the event thread touches it. The image is the display buffer's, reused for later frames, so nothing is
 * allocated per frame.
 */
public final class VideoView extends JComponent implements RegionEditor.Picture {

    private static final Color LETTERBOX = new Color(0x101114);

    private final LiveStats stats;
    private BufferedImage image;
    private int frameWidth;
    private int frameHeight;
    private long sequence = -1;
    private long paintedSequence = -1;
    private String placeholder = "";

    /** A view that counts painted frames in {@code stats}. */
    public VideoView(LiveStats stats) {
        this.stats = stats;
        setOpaque(true);
    }

    /** Shows a frame just taken from the display buffer. */
    public void show(DisplayBuffer.DisplayFrame frame) {
        image = frame.image();
        frameWidth = frame.frameWidth();
        frameHeight = frame.frameHeight();
        sequence = frame.sequence();
        repaint();
    }

    /** Removes the picture and shows {@code text} in its place (e.g. "Opening camera 0…"). */
    public void clear(String text) {
        image = null;
        sequence = -1;
        placeholder = text == null ? "" : text;
        repaint();
    }

    /** Stops showing the current picture (its buffer is being reused) and shows the placeholder text instead. */
    public void dropImage() {
        image = null;
        sequence = -1;
        repaint();
    }

    /** Sets the text shown while there is no picture. */
    public void setPlaceholder(String text) {
        placeholder = text == null ? "" : text;
        if (image == null) {
            repaint();
        }
    }

    /** The width of the captured frame shown (not of its scaled picture), 0 when none. */
    public int frameWidth() {
        return image == null ? 0 : frameWidth;
    }

    /** The height of the captured frame shown, 0 when none. */
    public int frameHeight() {
        return image == null ? 0 : frameHeight;
    }

    /**
     * The picture shown, already scaled to this view (owned by the display buffer: copy it to keep it), or
     * {@code null}.
     */
    public BufferedImage image() {
        return image;
    }

    /** The running number of the frame shown, -1 when none. */
    public long sequence() {
        return sequence;
    }

    /** The transform from frame pixels to this component's pixels. */
    public AffineTransform frameToView() {
        return VideoGeometry.frameToView(frameWidth(), frameHeight(), getWidth(), getHeight());
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setColor(LETTERBOX);
            if (image == null) {
                g.fillRect(0, 0, getWidth(), getHeight());
                paintPlaceholder(g);
                return;
            }
            Rectangle2D.Double r = VideoGeometry.fit(frameWidth, frameHeight, getWidth(), getHeight());
            fillLetterbox(g, r);
            double sx = g.getTransform().getScaleX();
            boolean exact = Math.abs(image.getWidth() - r.width * sx) <= 1.5
                    && Math.abs(image.getHeight() - r.height * sx) <= 1.5;
            // The capture thread scaled the picture to this view: a plain copy. Only while the window is being
            // resized (or a paused picture) does Java2D scale it.
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, exact
                    ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR
                    : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            AffineTransform t = AffineTransform.getTranslateInstance(r.x, r.y);
            t.scale(r.width / image.getWidth(), r.height / image.getHeight());
            g.drawImage(image, t, null);
            if (sequence != paintedSequence) {
                paintedSequence = sequence;
                stats.framePainted();
            }
        } finally {
            g.dispose();
        }
    }

    /** Fills only the bars around the picture: the picture covers the rest, so a full fill is wasted work. */
    private void fillLetterbox(Graphics2D g, Rectangle2D.Double picture) {
        int left = (int) Math.floor(picture.x);
        int top = (int) Math.floor(picture.y);
        int right = (int) Math.ceil(picture.x + picture.width);
        int bottom = (int) Math.ceil(picture.y + picture.height);
        // Overlapping by a pixel where the picture's edges are fractional: no seam of stale pixels.
        g.fillRect(0, 0, getWidth(), top + 1);
        g.fillRect(0, bottom - 1, getWidth(), getHeight() - bottom + 1);
        g.fillRect(0, 0, left + 1, getHeight());
        g.fillRect(right - 1, 0, getWidth() - right + 1, getHeight());
    }

    private void paintPlaceholder(Graphics2D g) {
        if (placeholder.isEmpty()) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(getFont().deriveFont(18f));
        g.setColor(new Color(0xB0B4BC));
        var fm = g.getFontMetrics();
        int x = (getWidth() - fm.stringWidth(placeholder)) / 2;
        int y = (getHeight() + fm.getAscent()) / 2;
        g.drawString(placeholder, x, y);
    }
}
