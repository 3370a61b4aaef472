package dev.lookout.ui.remote;

import dev.lookout.notify.mqtt.MqttSettings;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;

/**
 * The live window's way into the "Remote events" window: at most one is open at a time. {@link #ask} asks for the
 * broker (URL, topic prefix, user name, password) and opens it; {@link #open} opens it for settings given on the
 * command line. The password typed is handed to the subscription only: it is neither kept for the next time nor
 * shown. Event thread only.
 */
public final class RemoteEventsOpener {

    /** The broker suggested the first time. */
    static final String DEFAULT_URL = "tcp://127.0.0.1:1883";

    private final Window owner;
    private RemoteEventsWindow window;
    private String lastUrl = DEFAULT_URL;
    private String lastPrefix = MqttSettings.DEFAULT_PREFIX;
    private String lastUser = "";

    public RemoteEventsOpener(Window owner) {
        this.owner = owner;
    }

    /** Asks for the broker and opens the window on it; a bad entry is named and asked again. */
    public void ask() {
        JTextField url = new JTextField(lastUrl, 28);
        JTextField prefix = new JTextField(lastPrefix, 28);
        JTextField user = new JTextField(lastUser, 28);
        JPasswordField password = new JPasswordField(28);
        JPanel form = new JPanel(new GridBagLayout());
        row(form, 0, "Broker", url);
        row(form, 1, "Topic prefix", prefix);
        row(form, 2, "User (optional)", user);
        row(form, 3, "Password", password);
        while (JOptionPane.showConfirmDialog(owner, form, "Remote events: which MQTT broker?",
                JOptionPane.OK_CANCEL_OPTION, JOptionPane.PLAIN_MESSAGE) == JOptionPane.OK_OPTION) {
            String name = user.getText().strip();
            String pass = new String(password.getPassword());
            try {
                MqttSettings settings = new MqttSettings(url.getText(), "window", prefix.getText(),
                        name.isEmpty() ? null : name, name.isEmpty() || pass.isEmpty() ? null : pass, 0, false);
                lastUrl = settings.url();
                lastPrefix = settings.prefix();
                lastUser = name;
                open(settings);
                return;
            } catch (IllegalArgumentException e) {
                JOptionPane.showMessageDialog(owner, e.getMessage().replace("mqtt.url", "The broker URL")
                        .replace("mqtt.prefix", "The topic prefix"), "Remote events", JOptionPane.WARNING_MESSAGE);
            }
        }
    }

    /** Opens the window on {@code settings}, or brings it to the front if it already shows that broker. */
    public void open(MqttSettings settings) {
        if (window != null && !window.isClosed() && window.settings().equals(settings)) {
            window.frame().toFront();
            return;
        }
        close();
        window = RemoteEventsWindow.open(settings, owner);
    }

    /** The window, or null when none was opened or it was closed. */
    public RemoteEventsWindow window() {
        return window == null || window.isClosed() ? null : window;
    }

    /** Closes the window, if one is open. */
    public void close() {
        if (window != null) {
            window.close();
            window = null;
        }
    }

    private static void row(JPanel form, int y, String label, java.awt.Component field) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = y;
        c.insets = new Insets(3, 3, 3, 6);
        c.anchor = GridBagConstraints.LINE_START;
        form.add(new JLabel(label), c);
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        form.add(field, c);
    }
}
