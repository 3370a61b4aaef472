package dev.lookout.ui;

import dev.lookout.track.zones.RegionTotals;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableModel;

/**
 * The per-line and per-zone counts beside the video: for each line, one row per class with its crossings {@code in}
 * and {@code out}; for each zone, one row per class inside now, plus its entries and exits. Refreshed from the
 * tracker's {@link RegionTotals} (event thread); rows are rebuilt only when the counts change.
 */
final class CountsPanel extends JPanel {

    static final String[] COLUMNS = {"Line / zone", "Class", "In", "Out", "Inside", "Entries", "Exits"};

    private final DefaultTableModel model = new DefaultTableModel(COLUMNS, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable table = new JTable(model);
    private RegionTotals shown;

    CountsPanel() {
        super(new BorderLayout());
        JLabel title = new JLabel("Counts");
        title.setBorder(BorderFactory.createEmptyBorder(6, 8, 4, 8));
        title.setFont(title.getFont().deriveFont(java.awt.Font.BOLD));
        add(title, BorderLayout.NORTH);
        table.setFillsViewportHeight(true);
        table.setFocusable(false);
        int[] widths = {84, 64, 36, 36, 46, 52, 40};
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        JScrollPane scroll = new JScrollPane(table);
        scroll.setPreferredSize(new Dimension(370, 170));
        add(scroll, BorderLayout.CENTER);
    }

    /** Shows {@code totals} (unchanged totals cost nothing). */
    void show(RegionTotals totals) {
        if (totals.equals(shown)) {
            return;
        }
        shown = totals;
        model.setRowCount(0);
        for (RegionTotals.LineTotals l : totals.lines()) {
            if (l.byClass().isEmpty()) {
                model.addRow(new Object[] {l.name(), "", 0L, 0L, "", "", ""});
            }
            for (RegionTotals.ClassCount c : l.byClass()) {
                model.addRow(new Object[] {l.name(), c.className(), c.in(), c.out(), "", "", ""});
            }
        }
        for (RegionTotals.ZoneTotals z : totals.zones()) {
            Map<String, Integer> inside = z.insideByClass();
            if (inside.isEmpty()) {
                model.addRow(new Object[] {z.name(), "", "", "", 0, z.entries(), z.exits()});
            }
            boolean first = true;
            for (Map.Entry<String, Integer> e : inside.entrySet()) {
                model.addRow(new Object[] {z.name(), e.getKey(), "", "", e.getValue(),
                    first ? z.entries() : "", first ? z.exits() : ""});
                first = false;
            }
        }
    }

    /** The table (for tests): one row per line and class, per zone and class inside. */
    JTable table() {
        return table;
    }
}
