package dev.lookout.ui;

import dev.lookout.record.MonitorEvent;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;

/**
 * The list of recent monitored events beside the video, newest first: time, classes, peak score, duration, and
 * "● recording" while an event is open. Double-click or Enter opens the event's clip (or its snapshot when there is
 * no clip). Event thread only.
 */
public final class EventsPanel extends JPanel {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int LIMIT = 100;

    private final DefaultListModel<MonitorEvent> events = new DefaultListModel<>();
    private final JList<MonitorEvent> list = new JList<>(events);
    private final JLabel title = new JLabel("Events");
    private final JLabel empty = new JLabel("No events yet", javax.swing.SwingConstants.CENTER);
    private final java.awt.CardLayout cards = new java.awt.CardLayout();
    private final JPanel body = new JPanel(cards);
    private Consumer<Path> opener = p -> { };

    /** An empty list. */
    public EventsPanel() {
        super(new BorderLayout());
        title.setFont(title.getFont().deriveFont(Font.BOLD));
        title.setBorder(BorderFactory.createEmptyBorder(6, 10, 6, 10));
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new Renderer());
        list.setToolTipText("Double-click or Enter: open the clip");
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    int i = list.locationToIndex(e.getPoint());
                    if (i >= 0) {
                        openEvent(events.get(i));
                    }
                }
            }
        });
        list.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "open");
        list.getActionMap().put("open", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                MonitorEvent selected = list.getSelectedValue();
                if (selected != null) {
                    openEvent(selected);
                }
            }
        });
        JScrollPane scroll = new JScrollPane(list);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        empty.setVerticalAlignment(javax.swing.SwingConstants.TOP);
        empty.setBorder(BorderFactory.createEmptyBorder(12, 10, 10, 10));
        empty.setEnabled(false); // the theme's muted text colour
        body.add(empty, "empty");
        body.add(scroll, "list");
        add(title, BorderLayout.NORTH);
        add(body, BorderLayout.CENTER);
        setPreferredSize(new Dimension(250, 100));
        applyThemeBorder();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        applyThemeBorder();
    }

    private void applyThemeBorder() {
        Color line = UIManager.getColor("Component.borderColor");
        setBorder(BorderFactory.createMatteBorder(0, 1, 0, 0, line != null ? line : Color.GRAY));
    }

    /** Who opens a clip or snapshot the user picked. */
    public void onOpen(Consumer<Path> value) {
        opener = value;
    }

    /** Sets the heading, e.g. "Watching person, car". */
    public void setTitle(String text) {
        title.setText(text);
    }

    /** Sets what the panel says while the list is empty, e.g. "No person yet". */
    public void setEmptyText(String text) {
        empty.setText(text);
    }

    /** The heading shown. */
    public String titleText() {
        return title.getText();
    }

    /** Adds a new event at the top, or replaces the entry of the same event (e.g. when it ends). */
    public void update(MonitorEvent event) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).id() == event.id()) {
                events.set(i, event);
                return;
            }
        }
        events.add(0, event);
        cards.show(body, "list");
        while (events.size() > LIMIT) {
            events.remove(events.size() - 1);
        }
    }

    /** The events listed, newest first. */
    public java.util.List<MonitorEvent> events() {
        java.util.List<MonitorEvent> all = new java.util.ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            all.add(events.get(i));
        }
        return all;
    }

    /** The line shown for {@code event}. */
    public static String describe(MonitorEvent event) {
        String duration = event.isOver()
                ? formatDuration(Duration.between(event.started(), event.ended()))
                : "recording";
        return String.format(Locale.ROOT, "%s  %s  %.0f%%  %s", CLOCK.format(event.started()),
                String.join(", ", event.classes()), event.peakScore() * 100, duration);
    }

    /** A duration as the list shows it, {@code m:ss}. */
    public static String formatDuration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Opens the clip, or the snapshot when the clip is missing. */
    void openEvent(MonitorEvent event) {
        Path target = openable(event.clip(), event.snapshot());
        if (target != null) {
            opener.accept(target);
        }
    }

    /** What opening an event opens: its clip when it exists, else its snapshot (either may be {@code null}). */
    public static Path openable(Path clip, Path snapshot) {
        return clip != null && Files.exists(clip) ? clip : snapshot;
    }

    private static final class Renderer extends DefaultListCellRenderer {
        @Override
        public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                boolean focused) {
            MonitorEvent event = (MonitorEvent) value;
            String time = CLOCK.format(event.started());
            String classes = event.classes().isEmpty() ? "—" : String.join(", ", event.classes());
            String right = event.isOver()
                    ? formatDuration(Duration.between(event.started(), event.ended()))
                    : "<font color='#E5484D'>● REC</font>";
            String problem = event.clipError() != null ? "<br><font color='#D29922'>no clip: "
                    + escape(event.clipError()) + "</font>" : "";
            String html = String.format(Locale.ROOT, "<html><b>#%d&nbsp; %s</b><br><font size='-1'>%s &nbsp;·&nbsp; "
                    + "peak %.0f%% &nbsp;·&nbsp; %s</font>%s</html>", event.id(), escape(classes), time,
                    event.peakScore() * 100, right, problem);
            super.getListCellRendererComponent(list, html, index, selected, focused);
            setBorder(BorderFactory.createEmptyBorder(5, 10, 5, 10));
            setToolTipText(event.clip() != null ? event.clip().toString() : null);
            return this;
        }

        private static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;");
        }
    }
}
