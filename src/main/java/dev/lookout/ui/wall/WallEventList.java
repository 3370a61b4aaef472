package dev.lookout.ui.wall;

import dev.lookout.event.ObjectEvent;
import dev.lookout.ui.EventsPanel;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;

/**
 * Every camera's recent object events beside the wall, newest first, one line each: time, camera, class, top score,
 * and "● live" or the duration. Double-click opens the event's clip (or its snapshot). Unlike the single camera's
 * {@code EventsPanel}, whose two-line HTML cells are laid out again on every change, its cells are plain text of
 * one fixed height, so several cameras' events cost the event thread next to nothing. Event thread only.
 */
final class WallEventList extends JPanel {

    static final int LIMIT = 200;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final DefaultListModel<ObjectEvent> events = new DefaultListModel<>();
    private final JList<ObjectEvent> list = new JList<>(events);
    private final JLabel title = new JLabel("Events · all cameras");
    private Consumer<Path> opener = p -> { };

    WallEventList() {
        super(new BorderLayout());
        title.setFont(title.getFont().deriveFont(Font.BOLD));
        title.setBorder(BorderFactory.createEmptyBorder(6, 10, 6, 10));
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new Renderer());
        list.setFixedCellHeight(list.getFontMetrics(list.getFont()).getHeight() + 8);
        list.setToolTipText("Double-click: open the clip");
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int i = list.locationToIndex(e.getPoint());
                if (e.getClickCount() == 2 && i >= 0) {
                    open(events.get(i));
                }
            }
        });
        JScrollPane scroll = new JScrollPane(list);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        add(title, BorderLayout.NORTH);
        add(scroll, BorderLayout.CENTER);
        setPreferredSize(new Dimension(300, 100));
        Color line = UIManager.getColor("Component.borderColor");
        setBorder(BorderFactory.createMatteBorder(0, 1, 0, 0, line != null ? line : Color.GRAY));
    }

    /** Who opens a clip or snapshot the user picked. */
    void onOpen(Consumer<Path> value) {
        opener = value;
    }

    /** Adds a new event at the top, or replaces the entry of the same event (e.g. when it ends). */
    void update(ObjectEvent event) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).id().equals(event.id())) {
                events.set(i, event);
                return;
            }
        }
        events.add(0, event);
        if (events.size() > LIMIT) {
            events.removeRange(LIMIT, events.size() - 1);
        }
    }

    /** The events listed, newest first. */
    List<ObjectEvent> events() {
        return java.util.Collections.list(events.elements());
    }

    /** The line shown for {@code e}. */
    static String describe(ObjectEvent e) {
        String when = CLOCK.format(e.start().atZone(ZoneId.systemDefault()));
        String state = e.isOver() ? EventsPanel.formatDuration(Duration.between(e.start(), e.end())) : "● live";
        return String.format(Locale.ROOT, "%s  %s · %s  %.0f%%  %s", when, e.camera(), e.className(),
                e.topScore() * 100, state);
    }

    private void open(ObjectEvent e) {
        Path target = EventsPanel.openable(e.clip(), e.snapshot());
        if (target != null) {
            opener.accept(target);
        }
    }

    private static final class Renderer extends DefaultListCellRenderer {
        @Override
        public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                boolean focused) {
            ObjectEvent e = (ObjectEvent) value;
            super.getListCellRendererComponent(list, describe(e), index, selected, focused);
            setBorder(BorderFactory.createEmptyBorder(4, 10, 4, 10));
            return this;
        }
    }
}
