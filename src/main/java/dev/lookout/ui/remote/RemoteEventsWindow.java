package dev.lookout.ui.remote;

import dev.lookout.capture.SourceState;
import dev.lookout.capture.UrlRedaction;
import dev.lookout.event.EventChange;
import dev.lookout.notify.mqtt.MqttSettings;
import dev.lookout.notify.mqtt.RemoteEvents;
import dev.lookout.notify.mqtt.RemoteEventsListener;
import dev.lookout.ui.Banner;
import java.awt.BorderLayout;
import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.ZoneId;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/**
 * The "Remote events" window: the events of every Lookout node publishing on one MQTT broker (camera, class, node,
 * times, snapshot thumbnails) and each node's online/offline state. It owns its {@link RemoteEvents} subscription
 * and closes it when the window closes. While the broker cannot be reached a banner says so and why (the URL with
 * any credentials masked; the password is never shown) and the subscription retries by itself. Create and use on
 * the event thread.
 */
public final class RemoteEventsWindow {

    private final JFrame frame;
    private final MqttSettings settings;
    private final Banner banner = new Banner();
    private final NodeStrip nodes = new NodeStrip();
    private final RemoteEventTable events = new RemoteEventTable(ZoneId.systemDefault());
    private final JTable table = new JTable(events);
    private final JLabel status = new JLabel();
    private final Thumbnails thumbnails;
    private final RemoteEvents remote;
    private boolean closed;
    private java.io.PrintStream echo;
    private Boolean echoedConnected;

    private RemoteEventsWindow(MqttSettings settings, Window owner) {
        this.settings = settings;
        this.frame = new JFrame("Lookout – Remote events on " + settings.redactedUrl());
        this.thumbnails = new Thumbnails((node, camera, className, icon) -> SwingUtilities.invokeLater(() -> {
            if (!closed) {
                events.snapshot(node, camera, className, icon);
            }
        }));
        layoutWindow(owner);
        status.setText("Connecting to " + settings.redactedUrl() + " …");
        this.remote = RemoteEvents.start(settings, new ToSwing());
    }

    /** Opens the window beside {@code owner} (may be null) and starts listening to the broker. */
    public static RemoteEventsWindow open(MqttSettings settings, Window owner) {
        RemoteEventsWindow w = new RemoteEventsWindow(settings, owner);
        w.frame.setVisible(true);
        return w;
    }

    private void layoutWindow(Window owner) {
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                close();
            }
        });
        table.setRowHeight(Thumbnails.HEIGHT + 6);
        table.getColumnModel().getColumn(0).setPreferredWidth(Thumbnails.MAX_WIDTH + 8);
        table.getColumnModel().getColumn(0).setMaxWidth(Thumbnails.MAX_WIDTH + 16);
        table.getColumnModel().getColumn(5).setPreferredWidth(150);
        table.getColumnModel().getColumn(6).setPreferredWidth(60);
        table.setFillsViewportHeight(true);
        JPanel top = new JPanel(new BorderLayout());
        top.add(banner, BorderLayout.NORTH);
        top.add(nodes, BorderLayout.CENTER);
        status.setBorder(javax.swing.BorderFactory.createEmptyBorder(3, 8, 3, 8));
        frame.getContentPane().add(top, BorderLayout.NORTH);
        frame.getContentPane().add(new JScrollPane(table), BorderLayout.CENTER);
        frame.getContentPane().add(status, BorderLayout.SOUTH);
        frame.setSize(860, 520);
        frame.setLocationRelativeTo(owner);
    }

    /** The broker this window listens to (credentials included: never show it; use its redacted URL). */
    public MqttSettings settings() {
        return settings;
    }

    /** The window itself (to bring it to the front, for tests and screenshots). */
    public JFrame frame() {
        return frame;
    }

    /** True once closed. */
    public boolean isClosed() {
        return closed;
    }

    /** Stops listening (in the background: a broker that is away must not hold the event thread) and disposes. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        thumbnails.close();
        Thread closer = new Thread(remote::close, "lookout-remote-close");
        closer.setDaemon(true);
        closer.start();
        frame.dispose();
    }

    /**
     * Also writes the connection's news on {@code stream}, one line each time it changes ({@code lookout live:
     * remote events: connected to URL}, or why not), credentials masked: a window started from the command line
     * is not the only witness.
     */
    public void echoTo(java.io.PrintStream stream) {
        echo = stream;
        banner.echoTo(stream);
    }

    /** The events table's model (for tests). */
    RemoteEventTable events() {
        return events;
    }

    /** The node strip (for tests). */
    NodeStrip nodes() {
        return nodes;
    }

    /** The banner (for tests). */
    Banner banner() {
        return banner;
    }

    /** The status line (for tests). */
    JLabel status() {
        return status;
    }

    private void connection(SourceState state) {
        boolean live = state.kind() == SourceState.Kind.LIVE;
        if (live) {
            banner.hideBanner();
            status.setText("Connected to " + settings.redactedUrl() + " (topics " + settings.prefix() + "/…)");
            if (echo != null && !Boolean.TRUE.equals(echoedConnected)) {
                echo.println("lookout live: remote events: connected to " + settings.redactedUrl());
                echo.flush();
            }
        } else {
            nodes.allUnknown();
            // the settings may come from the dialog or the command line: name what to check, not the file's keys
            String message = MqttSettings.withLoginHint(UrlRedaction.redact(state.describe()),
                    "check the user name and password");
            banner.show(Banner.Level.WARNING, "Remote events: not connected to " + settings.redactedUrl() + ": "
                    + message, null, null);
            status.setText("Not connected to " + settings.redactedUrl());
        }
        echoedConnected = live;
    }

    /** Hands what the MQTT client's thread hears to the event thread (snapshots are decoded before). */
    private final class ToSwing implements RemoteEventsListener {
        @Override
        public void event(String node, EventChange change) {
            later(() -> {
                nodes.seen(node);
                events.apply(node, change);
            });
        }

        @Override
        public void nodeState(String node, boolean online) {
            later(() -> nodes.set(node, online));
        }

        @Override
        public void snapshot(String node, String camera, String className, byte[] jpeg) {
            thumbnails.decode(node, camera, className, jpeg);
        }

        @Override
        public void connection(SourceState state) {
            later(() -> RemoteEventsWindow.this.connection(state));
        }

        private void later(Runnable r) {
            SwingUtilities.invokeLater(() -> {
                if (!closed) {
                    r.run();
                }
            });
        }
    }
}
