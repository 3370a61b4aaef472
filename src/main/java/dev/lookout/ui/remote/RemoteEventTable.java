package dev.lookout.ui.remote;

import dev.lookout.event.EventChange;
import dev.lookout.event.ObjectEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.swing.Icon;
import javax.swing.table.AbstractTableModel;

/**
 * The events of every node on the broker, newest first, one row per event (its {@code update} and {@code end}
 * replace the row's values): snapshot thumbnail, node, camera, class, start, end and top score. At most
 * {@link #MAX_ROWS} rows: the oldest go first, so memory stays flat however long the window stays open. A snapshot
 * (one per node, camera and class, as the nodes publish them) goes to the newest row of its key, or waits for it.
 * Event thread only.
 */
final class RemoteEventTable extends AbstractTableModel {

    /** Rows kept; older events are dropped from the view (the nodes' stores keep them). */
    static final int MAX_ROWS = 500;
    private static final String[] COLUMNS = {"Snapshot", "Node", "Camera", "Class", "Started", "Ended", "Score"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ROOT);

    /** One event as the view shows it. */
    private static final class Row {
        final String node;
        ObjectEvent event;
        Icon thumbnail;

        Row(String node, ObjectEvent event) {
            this.node = node;
            this.event = event;
        }

        String key() {
            return snapshotKey(node, event.camera(), event.className());
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Icon> waitingSnapshots = new HashMap<>();
    private final ZoneId zone;

    RemoteEventTable(ZoneId zone) {
        this.zone = zone;
    }

    /** Adds the event of a {@code new} change, or updates its row. */
    void apply(String node, EventChange change) {
        ObjectEvent e = change.after();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.node.equals(node) && r.event.id().equals(e.id())) {
                r.event = e;
                fireTableRowsUpdated(i, i);
                return;
            }
        }
        Row row = new Row(node, e);
        row.thumbnail = waitingSnapshots.remove(row.key());
        rows.add(0, row);
        fireTableRowsInserted(0, 0);
        if (rows.size() > MAX_ROWS) {
            rows.remove(rows.size() - 1);
            fireTableRowsDeleted(rows.size(), rows.size());
        }
    }

    /** The newest snapshot of {@code className} on {@code node}'s {@code camera}, as a thumbnail. */
    void snapshot(String node, String camera, String className, Icon thumbnail) {
        String key = snapshotKey(node, camera, className);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(key)) {
                rows.get(i).thumbnail = thumbnail;
                fireTableRowsUpdated(i, i);
                return;
            }
        }
        if (waitingSnapshots.size() < MAX_ROWS) {
            waitingSnapshots.put(key, thumbnail);
        }
    }

    /** The node of row {@code row}. */
    String node(int row) {
        return rows.get(row).node;
    }

    /** The event of row {@code row}. */
    ObjectEvent event(int row) {
        return rows.get(row).event;
    }

    /** True when row {@code row} shows a snapshot. */
    boolean hasThumbnail(int row) {
        return rows.get(row).thumbnail != null;
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return COLUMNS[column];
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return column == 0 ? Icon.class : String.class;
    }

    @Override
    public Object getValueAt(int rowIndex, int column) {
        Row r = rows.get(rowIndex);
        ObjectEvent e = r.event;
        return switch (column) {
            case 0 -> r.thumbnail;
            case 1 -> r.node;
            case 2 -> e.camera();
            case 3 -> e.className();
            case 4 -> time(e.start());
            case 5 -> e.end() == null ? "present" : time(e.end()) + " (" + seconds(e.start(), e.end()) + ")";
            case 6 -> String.format(Locale.ROOT, "%.0f%%", e.topScore() * 100);
            default -> throw new IndexOutOfBoundsException(column);
        };
    }

    private String time(Instant t) {
        var local = t.atZone(zone);
        return (local.toLocalDate().equals(java.time.LocalDate.now(zone)) ? TIME : DAY_TIME).format(local);
    }

    private static String seconds(Instant start, Instant end) {
        long s = Math.max(0, Duration.between(start, end).toSeconds());
        return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
    }

    private static String snapshotKey(String node, String camera, String className) {
        return node + "\n" + camera + "\n" + className;
    }
}
