package dev.lookout.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import dev.lookout.capture.UrlRedaction;
import java.io.PrintStream;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;

/**
 * A strip above the video that tells the user about a problem in one sentence, with an optional action ("Choose
 * another source…") and a close button. Hidden when there is nothing to say. With {@link #echoTo} every message is
 * also one line on that stream (credentials masked), so the window is not the only witness. Event thread only.
 */
public final class Banner extends JPanel {

    /** How serious the message is; sets the colour. */
    public enum Level {
        /** Neutral news (playing the demo clip). */
        INFO(new Color(0x2F6FEB), new Color(0xDDE9FF)),
        /** Something is off but it goes on (reconnecting). */
        WARNING(new Color(0xB7791F), new Color(0xFFF1D6)),
        /** It stopped and the user must act. */
        ERROR(new Color(0xD1242F), new Color(0xFFE1E1));

        final Color accent;
        final Color background;

        Level(Color accent, Color background) {
            this.accent = accent;
            this.background = background;
        }
    }

    private final JLabel text = new JLabel();
    private final JButton action = new JButton();
    private final JButton close = new JButton("✕");
    private Runnable actionHandler;
    private Level level;
    private PrintStream echo;
    private String lastEchoed;
    private int errors;

    /** A hidden banner. */
    public Banner() {
        super(new BorderLayout(8, 0));
        text.setForeground(new Color(0x1F2328));
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        buttons.setOpaque(false);
        action.setFocusable(false);
        close.setFocusable(false);
        close.putClientProperty("JButton.buttonType", "toolBarButton");
        close.setToolTipText("Dismiss");
        close.setForeground(new Color(0x1F2328));
        action.addActionListener(e -> {
            if (actionHandler != null) {
                actionHandler.run();
            }
        });
        close.addActionListener(e -> hideBanner());
        buttons.add(action);
        buttons.add(close);
        add(text, BorderLayout.CENTER);
        add(buttons, BorderLayout.EAST);
        setVisible(false);
    }

    /** Writes every message shown from now on to {@code stream} too, e.g. {@code lookout live: Cannot play ...}. */
    public void echoTo(PrintStream stream) {
        echo = stream;
    }

    /** How many ERROR messages have been shown: things the user asked for that did not happen. */
    public int errorsShown() {
        return errors;
    }

    /** Shows {@code message}; with {@code actionLabel} non-null, a button that runs {@code onAction}. */
    public void show(Level value, String message, String actionLabel, Runnable onAction) {
        String line = UrlRedaction.redact(message).replaceAll("\\s*\\R\\s*", " ");
        if (echo != null && !line.equals(lastEchoed)) {
            echo.println("lookout live: " + line);
            echo.flush();
        }
        lastEchoed = line;
        showQuietly(value, message, actionLabel, onAction);
    }

    /** As {@link #show} but not echoed: for a message already written elsewhere. */
    void showQuietly(Level value, String message, String actionLabel, Runnable onAction) {
        if (value == Level.ERROR) {
            errors++;
        }
        level = value;
        setBackground(value.background);
        setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(0, 4, 1, 0, value.accent),
                BorderFactory.createEmptyBorder(6, 10, 6, 6)));
        text.setText(message);
        text.setToolTipText(message);
        actionHandler = onAction;
        action.setVisible(actionLabel != null);
        action.setText(actionLabel == null ? "" : actionLabel);
        setVisible(true);
        revalidate();
        repaint();
    }

    /** Hides the banner. */
    public void hideBanner() {
        level = null;
        setVisible(false);
        revalidate();
    }

    /** The message shown, or empty when hidden. */
    public String message() {
        return isVisible() ? text.getText() : "";
    }

    /** The level shown, or {@code null} when hidden. */
    public Level level() {
        return isVisible() ? level : null;
    }
}
