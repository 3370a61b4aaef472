package dev.lookout.ui;

import dev.lookout.live.LiveStats;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.SwingConstants;
import javax.swing.UIManager;

/**
 * The status bar: the source and its state on the left; camera FPS, detection FPS, inference time, skipped frames
 * and the execution provider on the right. {@link #refresh} is called twice a second on the event thread and turns
 * the counters' growth into rates.
 */
public final class StatusBar extends JPanel {

    private final JLabel state = new JLabel();
    private final JLabel source = new JLabel();
    private final JLabel cameraFps = metric("camera — fps");
    private final JLabel detectionFps = metric("detection — fps");
    private final JLabel inference = metric("inference — ms");
    private final JLabel skipped = metric("skipped 0");
    private final JLabel provider = metric("model loading…");
    private final JLabel rec = new JLabel();
    private final JLabel recFile = metric("");
    private final JLabel notice = metric("");
    private final JLabel counts = metric("");
    private javax.swing.Timer noticeTimer;

    /** The red of the REC indicator. */
    public static final Color REC_RED = new Color(0xE5484D);

    // Counter samples of the last two seconds: rates over a window long enough not to jitter.
    private final java.util.ArrayDeque<long[]> samples = new java.util.ArrayDeque<>();

    /** An empty status bar. */
    public StatusBar() {
        super(new BorderLayout());
        applyThemeBorder();
        // A box, not a flow: when the bar is too narrow the source (also in the title bar) shortens ("…", full text
        // in the tooltip) instead of the REC indicator or the recording's file dropping out of sight.
        JPanel left = new JPanel();
        left.setLayout(new javax.swing.BoxLayout(left, javax.swing.BoxLayout.X_AXIS));
        left.setOpaque(false);
        state.setFont(state.getFont().deriveFont(Font.BOLD));
        rec.setFont(rec.getFont().deriveFont(Font.BOLD));
        rec.setForeground(REC_RED);
        rec.setVisible(false);
        recFile.setVisible(false);
        notice.setVisible(false);
        source.setMinimumSize(new java.awt.Dimension(30, 0));
        left.add(state);
        left.add(javax.swing.Box.createHorizontalStrut(8));
        left.add(source);
        left.add(notice);
        left.add(javax.swing.Box.createHorizontalStrut(12));
        left.add(rec);
        left.add(javax.swing.Box.createHorizontalStrut(8));
        left.add(recFile);
        left.add(javax.swing.Box.createHorizontalStrut(12));
        left.add(counts);
        left.add(javax.swing.Box.createHorizontalGlue());
        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 10, 0));
        right.setOpaque(false);
        for (JLabel l : new JLabel[] {cameraFps, detectionFps, inference, skipped}) {
            right.add(l);
            right.add(separator());
        }
        right.add(provider);
        add(left, BorderLayout.CENTER);
        add(right, BorderLayout.EAST);
    }

    @Override
    public void updateUI() {
        super.updateUI();
        applyThemeBorder(); // the separator line follows a light/dark switch
    }

    private void applyThemeBorder() {
        java.awt.Color line = UIManager.getColor("Component.borderColor");
        setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(1, 0, 0, 0, line != null ? line : java.awt.Color.GRAY),
                BorderFactory.createEmptyBorder(3, 10, 3, 10)));
    }

    private static JLabel metric(String text) {
        JLabel l = new JLabel(text);
        l.setFont(l.getFont().deriveFont(l.getFont().getSize2D() - 0.5f));
        return l;
    }

    private static JSeparator separator() {
        JSeparator s = new JSeparator(SwingConstants.VERTICAL);
        s.setPreferredSize(new java.awt.Dimension(1, 14));
        return s;
    }

    /** Shows the source (credentials masked) and its state, e.g. "Playing" in green. */
    public void setSource(String stateText, Color stateColor, String description) {
        state.setText("● " + stateText);
        state.setForeground(stateColor);
        source.setText(description);
        source.setToolTipText(description);
    }

    /** The state text shown, e.g. "● Playing". */
    public String stateText() {
        return state.getText();
    }

    /** The source text shown. */
    public String sourceText() {
        return source.getText();
    }

    /** The execution provider text shown. */
    public String providerText() {
        return provider.getText();
    }

    /** Shows the model's state: loading, the provider, or failed. */
    public void setProvider(String text) {
        provider.setText(text);
    }

    /** Turns the counters' growth over the last two seconds into rates and shows them. */
    public void refresh(LiveStats stats) {
        long now = System.nanoTime();
        long[] sample = {now, stats.captured(), stats.detected()};
        samples.addLast(sample);
        while (samples.size() > 2 && now - samples.peekFirst()[0] > 2_000_000_000L) {
            samples.removeFirst();
        }
        long[] first = samples.peekFirst();
        double seconds = (now - first[0]) / 1e9;
        if (seconds > 0.2) {
            cameraFps.setText(String.format(Locale.ROOT, "camera %.1f fps", (sample[1] - first[1]) / seconds));
            detectionFps.setText(String.format(Locale.ROOT, "detection %.1f fps", (sample[2] - first[2]) / seconds));
        }
        double ms = stats.lastInferenceMillis();
        inference.setText(Double.isNaN(ms) ? "inference — ms" : String.format(Locale.ROOT, "inference %.0f ms", ms));
        skipped.setText("skipped " + stats.skipped());
    }

    /**
     * Shows the red "● REC 00:01:23" indicator with the file's name, codec and dropped frames, or hides it when
     * {@code file} is {@code null}.
     *
     * @param elapsedSeconds time since the recording started
     */
    public void setRecording(java.nio.file.Path file, String format, long elapsedSeconds, long dropped) {
        boolean on = file != null;
        rec.setVisible(on);
        recFile.setVisible(on && !notice.isVisible());
        if (on) {
            rec.setText(String.format(Locale.ROOT, "● REC %02d:%02d:%02d", elapsedSeconds / 3600,
                    elapsedSeconds / 60 % 60, elapsedSeconds % 60));
            String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            // "MP4 / H.264 (libopenh264)" beside "x.mp4" is shown as "H.264": the container is in the name, the
            // encoder in the tooltip.
            String codec = format == null ? "" : format.replaceAll("\\s*\\(.*\\)$", "");
            int dot = name.lastIndexOf('.');
            String container = dot > 0 ? name.substring(dot + 1).toUpperCase(Locale.ROOT) + " / " : null;
            if (container != null && codec.startsWith(container)) {
                codec = codec.substring(container.length());
            }
            recFile.setText(name + (codec.isBlank() ? "" : " · " + codec)
                    + (dropped > 0 ? " · " + dropped + " dropped" : ""));
            recFile.setToolTipText(file.toAbsolutePath() + (format == null ? "" : " — " + format));
        }
    }

    /** The REC indicator's text, or "" when not recording. */
    public String recordingText() {
        return rec.isVisible() ? rec.getText() : "";
    }

    /** The recording's file, codec and drops as shown, or "" when not recording. */
    public String recordingDetails() {
        return rec.isVisible() ? recFile.getText() : "";
    }

    /** The REC indicator label (for pixel checks in tests). */
    javax.swing.JLabel recordingLabel() {
        return rec;
    }

    /** Shows the lines' and zones' counts ({@code gate in 3 · out 1   yard 2 inside}); empty hides them. */
    public void setCounts(String text) {
        if (!text.equals(counts.getText())) {
            counts.setText(text);
            counts.setToolTipText(text.isEmpty() ? null : text);
        }
    }

    /** The counts shown. */
    public String countsText() {
        return counts.getText();
    }

    /**
     * Shows a short confirmation (e.g. "Saved lookout-….png") for a few seconds in place of the source's name (which
     * the title bar shows too) and of the recording's file name (the REC indicator stays), so it always fits.
     */
    public void showNotice(String text) {
        notice.setText(text);
        notice.setToolTipText(text);
        notice.setVisible(true);
        source.setVisible(false);
        recFile.setVisible(false);
        if (noticeTimer != null) {
            noticeTimer.stop();
        }
        noticeTimer = new javax.swing.Timer(6000, e -> {
            notice.setText("");
            notice.setVisible(false);
            source.setVisible(true);
            recFile.setVisible(rec.isVisible());
        });
        noticeTimer.setRepeats(false);
        noticeTimer.start();
    }

    /** The confirmation shown, or "". */
    public String noticeText() {
        return notice.getText();
    }
}
