package dev.lookout.ui.wall;

import dev.lookout.detect.Detection;
import dev.lookout.live.DisplayBuffer;
import dev.lookout.monitor.CameraStatus;
import dev.lookout.overlay.OverlayPainter;
import dev.lookout.ui.RegionEditor;
import dev.lookout.ui.VideoGeometry;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import javax.swing.JComponent;

/**
 * One camera of the wall: its newest frame letterboxed, the monitor's overlay over it (boxes, track ids and trails,
 * lines and zones, drawn by the camera's own painter), and a caption with its key, name, state and rates. When the
 * camera is not live the state and its problem are written across the picture. Event thread only; the picture is
 * the {@link TileFrames} buffer's, reused for later frames, so nothing is allocated per frame.
 */
final class CameraTile extends JComponent implements RegionEditor.Picture {

    private static final Color LETTERBOX = new Color(0x101114);
    private static final Color CAPTION = new Color(0, 0, 0, 150);
    private static final Color TEXT = new Color(0xE8EAED);
    private static final Color MUTED = new Color(0xB0B4BC);

    private final String name;
    private final int key;
    private BufferedImage image;
    private int frameWidth;
    private int frameHeight;
    private List<Detection> tracked = List.of();
    private OverlayPainter overlay;
    private long sequence = -1;
    private long paintedSequence = -1;
    private long framesPainted;
    private CameraStatus status;

    /** @param key the number key that enlarges it (1–9), or 0 for none */
    CameraTile(String name, int key) {
        this.name = name;
        this.key = key;
        setOpaque(true);
        setToolTipText(name + (key > 0 ? " — click or press " + key + " to enlarge" : " — click to enlarge"));
    }

    /** Shows a frame just taken from the tile's buffer. */
    void show(DisplayBuffer.DisplayFrame frame, List<Detection> boxes, OverlayPainter painter) {
        image = frame.image();
        frameWidth = frame.frameWidth();
        frameHeight = frame.frameHeight();
        sequence = frame.sequence();
        tracked = boxes == null ? List.of() : boxes;
        overlay = painter;
        repaint();
    }

    /**
     * Shows the camera's state and rates (refreshed by the wall's timer). New rates repaint only the caption strip:
     * the picture is repainted by its frames.
     */
    void setStatus(CameraStatus value) {
        CameraStatus old = status;
        status = value;
        boolean sameState = old != null && old.state() == value.state()
                && java.util.Objects.equals(old.problem(), value.problem());
        if (!sameState) {
            repaint();
        } else if (Math.round(old.fps() * 10) != Math.round(value.fps() * 10)
                || Math.round(old.detectFps() * 10) != Math.round(value.detectFps() * 10)) {
            repaint(0, 0, getWidth(), captionHeight());
        }
    }

    private int captionHeight() {
        return getFontMetrics(getFont().deriveFont(Font.BOLD, 13f)).getHeight() + 8;
    }

    @Override
    public int frameWidth() {
        return image == null ? 0 : frameWidth;
    }

    @Override
    public int frameHeight() {
        return image == null ? 0 : frameHeight;
    }

    String cameraName() {
        return name;
    }

    /** Distinct frames painted since the tile was built. */
    long framesPainted() {
        return framesPainted;
    }

    /** The caption's state word, e.g. {@code live} or {@code reconnecting}, as painted. */
    String stateText() {
        return status == null ? "starting" : status.state().name().toLowerCase(Locale.ROOT);
    }

    /** The problem written across the picture, or {@code null} while the camera is live. */
    String problemText() {
        if (status == null || status.state() == CameraStatus.State.LIVE) {
            return null;
        }
        return status.problem();
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setColor(LETTERBOX);
            g.fillRect(0, 0, getWidth(), getHeight());
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            if (image != null) {
                paintPicture(g);
            }
            paintCaption(g);
            if (status != null && status.state() != CameraStatus.State.LIVE) {
                paintState(g);
            } else if (image == null) {
                paintCentered(g, "Starting…", null);
            }
        } finally {
            g.dispose();
        }
    }

    private void paintPicture(Graphics2D g) {
        Rectangle2D.Double r = VideoGeometry.fit(frameWidth, frameHeight, getWidth(), getHeight());
        double sx = g.getTransform().getScaleX();
        boolean exact = Math.abs(image.getWidth() - r.width * sx) <= 1.5
                && Math.abs(image.getHeight() - r.height * sx) <= 1.5;
        if (exact && sx == 1) {
            // the camera's thread scaled the picture to this tile: a plain copy, the cheapest draw there is
            g.drawImage(image, (int) Math.round(r.x), (int) Math.round(r.y), null);
        } else {
            // only while the wall is being resized (or on a scaled screen) does Java2D scale the picture
            AffineTransform t = AffineTransform.getTranslateInstance(r.x, r.y);
            t.scale(r.width / image.getWidth(), r.height / image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, exact
                    ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR
                    : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, t, null);
        }
        if (overlay != null) {
            Graphics2D o = (Graphics2D) g.create();
            try {
                o.transform(VideoGeometry.frameToView(frameWidth, frameHeight, getWidth(), getHeight()));
                overlay.paint(o, tracked, frameWidth, frameHeight);
            } finally {
                o.dispose();
            }
        }
        if (sequence != paintedSequence) {
            paintedSequence = sequence;
            framesPainted++;
        }
    }

    private void paintCaption(Graphics2D g) {
        Font bold = getFont().deriveFont(Font.BOLD, 13f);
        Font plain = getFont().deriveFont(12f);
        g.setFont(bold);
        FontMetrics fm = g.getFontMetrics();
        int h = fm.getHeight() + 8;
        g.setColor(CAPTION);
        g.fillRect(0, 0, getWidth(), h);
        int x = 8;
        int y = 4 + fm.getAscent();
        g.setColor(TEXT);
        String title = (key > 0 ? key + "  " : "") + name;
        g.drawString(title, x, y);
        x += fm.stringWidth(title) + 10;
        String state = stateText();
        g.setColor(stateColor());
        g.fillOval(x, y - fm.getAscent() / 2 - 4, 9, 9);
        x += 14;
        g.setFont(plain);
        g.drawString(state, x, y);
        if (status != null) {
            String rates = String.format(Locale.ROOT, "%.1f fps · detecting %.1f/s", status.fps(), status.detectFps());
            g.setColor(MUTED);
            int w = g.getFontMetrics().stringWidth(rates);
            g.drawString(rates, Math.max(x + g.getFontMetrics().stringWidth(state) + 12, getWidth() - w - 8), y);
        }
    }

    private void paintState(Graphics2D g) {
        if (image != null) {
            g.setColor(new Color(0, 0, 0, 140)); // the last picture stays, dimmed: it is no longer live
            g.fillRect(0, 0, getWidth(), getHeight());
        }
        String problem = status.problem();
        paintCentered(g, stateText().substring(0, 1).toUpperCase(Locale.ROOT) + stateText().substring(1),
                problem == null || problem.isBlank() ? null : problem);
    }

    private void paintCentered(Graphics2D g, String headline, String detail) {
        g.setFont(getFont().deriveFont(Font.BOLD, 18f));
        FontMetrics big = g.getFontMetrics();
        int y = getHeight() / 2;
        g.setColor(stateColor());
        g.drawString(headline, (getWidth() - big.stringWidth(headline)) / 2, y);
        if (detail != null) {
            g.setFont(getFont().deriveFont(12f));
            FontMetrics small = g.getFontMetrics();
            g.setColor(TEXT);
            y += big.getDescent() + small.getHeight();
            for (String line : TextWrap.lines(detail, small, Math.max(80, getWidth() - 24), 3)) {
                g.drawString(line, (getWidth() - small.stringWidth(line)) / 2, y);
                y += small.getHeight();
            }
        }
    }

    private Color stateColor() {
        if (status == null) {
            return MUTED;
        }
        return switch (status.state()) {
            case LIVE -> new Color(0x3FB950);
            case STARTING, STALLED, RECONNECTING -> new Color(0xD29922);
            case OFFLINE -> new Color(0xE5484D);
            case ENDED -> MUTED;
        };
    }
}
