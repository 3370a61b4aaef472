package dev.lookout.ui;

import java.awt.Dimension;
import java.util.Locale;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JSlider;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.JToolBar;
import javax.swing.SpinnerNumberModel;

/**
 * The toolbar above the video: source menu, pause, min-score slider, max boxes, class filter, snapshot, record,
 * theme and full screen. It only holds the widgets; {@link LiveWindow} wires them. Buttons do not take the focus,
 * so the keyboard shortcuts keep working after a click.
 */
public final class ControlBar extends JToolBar {

    final JButton source = new JButton("Source", Icons.source());
    final JToggleButton pause = new JToggleButton("Pause", Icons.pause());
    final JSlider minScore = new JSlider(5, 95, 50);
    final JLabel minScoreValue = new JLabel("50%");
    final JSpinner maxBoxes = new JSpinner(new SpinnerNumberModel(20, 1, 100, 1));
    final JTextField classes = new JTextField(14);
    final JButton snapshot = new JButton("Snapshot", Icons.snapshot());
    final JToggleButton record = new JToggleButton("Record", Icons.record());
    final JToggleButton watch = new JToggleButton("Watch…");
    final JButton theme = new JButton(Icons.theme());
    final JButton fullscreen = new JButton(Icons.fullscreen());

    /** Builds the widgets with their tooltips and shortcuts. */
    public ControlBar() {
        setFloatable(false);
        setBorder(javax.swing.BorderFactory.createEmptyBorder(4, 8, 4, 8));
        source.setToolTipText("Choose a camera, a video file or a stream URL");
        source.setHorizontalTextPosition(JButton.RIGHT);
        pause.setToolTipText("Pause or resume (Space)");
        minScore.setToolTipText("Only show detections scoring above this");
        minScore.setPreferredSize(new Dimension(140, minScore.getPreferredSize().height));
        minScore.setMaximumSize(new Dimension(160, 32));
        minScoreValue.setPreferredSize(new Dimension(36, 20));
        maxBoxes.setToolTipText("At most this many boxes per frame");
        maxBoxes.setMaximumSize(new Dimension(70, 30));
        classes.setToolTipText("Only these classes, separated by commas (e.g. person, car); empty for all");
        classes.putClientProperty("JTextField.placeholderText", "all classes");
        classes.putClientProperty("JTextField.showClearButton", true);
        classes.setMaximumSize(new Dimension(200, 30));
        snapshot.setToolTipText("Save the picture with its boxes (S)");
        record.setToolTipText("Record the video with its boxes (R)");
        watch.setToolTipText("One event per tracked object of chosen classes (e.g. person, car), with clips");
        theme.setToolTipText("Light or dark theme");
        fullscreen.setToolTipText("Full screen (F; Esc leaves)");
        for (var b : new javax.swing.AbstractButton[] {source, pause, snapshot, record, watch, theme,
                fullscreen}) {
            b.setFocusable(false);
        }
        minScore.setFocusable(false);

        add(source);
        addSeparator();
        add(pause);
        addSeparator();
        add(label("Min score"));
        add(minScore);
        add(minScoreValue);
        add(Box.createHorizontalStrut(8));
        add(label("Max boxes"));
        add(maxBoxes);
        add(Box.createHorizontalStrut(8));
        add(label("Classes"));
        add(classes);
        add(Box.createHorizontalGlue());
        add(snapshot);
        add(record);
        add(watch);
        addSeparator();
        add(theme);
        add(fullscreen);
    }

    private static JLabel label(String text) {
        JLabel l = new JLabel(text);
        l.setBorder(javax.swing.BorderFactory.createEmptyBorder(0, 4, 0, 6));
        return l;
    }

    /** Sets the slider and its label to {@code score} (0..1). */
    void showMinScore(double score) {
        minScore.setValue((int) Math.round(score * 100));
        showMinScoreLabel();
    }

    /** Updates the label beside the slider. */
    void showMinScoreLabel() {
        minScoreValue.setText(String.format(Locale.ROOT, "%d%%", minScore.getValue()));
    }

    /** Shows the pause button as "Resume" while paused. */
    void showPaused(boolean paused) {
        pause.setSelected(paused);
        pause.setText(paused ? "Resume" : "Pause");
        pause.setIcon(paused ? Icons.play() : Icons.pause());
    }

    /** Shows the record button as "Stop" while recording. */
    void showRecording(boolean recording) {
        record.setSelected(recording);
        record.setText(recording ? "Stop" : "Record");
        record.setIcon(recording ? Icons.stop() : Icons.record());
    }

    /** Shows the watch button as "Watching person, car" while watching ({@code classes} empty: not watching). */
    void showWatching(java.util.Set<String> classes) {
        watch.setSelected(!classes.isEmpty());
        watch.setText(classes.isEmpty() ? "Watch…" : "Watching " + String.join(", ", new java.util.TreeSet<>(classes)));
    }

    /** True while the watch button shows a running watch. */
    boolean isWatching() {
        return watch.isSelected();
    }
}
