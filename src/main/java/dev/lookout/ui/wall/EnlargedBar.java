package dev.lookout.ui.wall;

import dev.lookout.ui.Icons;
import java.awt.FlowLayout;
import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JToggleButton;

/**
 * The controls over an enlarged camera: back to the grid, and that camera's snapshot, record, watch toggle and
 * the menu that draws its lines and zones.
 * Shown only while one camera is enlarged. Event thread only.
 */
final class EnlargedBar extends JPanel {

    final JButton back = new JButton("◀ All cameras");
    final JLabel camera = new JLabel();
    final JButton snapshot = new JButton("Snapshot", Icons.snapshot());
    final JToggleButton record = new JToggleButton("Record", Icons.record());
    final JToggleButton watch = new JToggleButton("Watch");
    final JButton regions = new JButton("Lines & zones ▾");

    EnlargedBar() {
        super(new FlowLayout(FlowLayout.LEFT, 8, 4));
        back.setToolTipText("Back to the grid (Esc or 0)");
        camera.setFont(camera.getFont().deriveFont(Font.BOLD, 14f));
        camera.setBorder(BorderFactory.createEmptyBorder(0, 8, 0, 16));
        snapshot.setToolTipText("Save this camera's next frame with its boxes (S)");
        record.setToolTipText("Record this camera with its boxes to recordings/CAMERA/ (R)");
        add(back);
        add(camera);
        add(snapshot);
        add(record);
        add(watch);
        regions.setToolTipText("Draw, move, rename or delete this camera's counting lines and zones; counted at "
                + "once, saved with the setup");
        add(regions);
        setVisible(false);
    }

    /** Shows the controls for {@code name}, with its recording and watch state. */
    void showFor(String name, boolean recording, java.util.List<String> watched) {
        camera.setText(name);
        record.setSelected(recording);
        record.setText(recording ? "Stop recording" : "Record");
        watch.setSelected(!watched.isEmpty());
        watch.setText(watched.isEmpty() ? "Watch" : "Watching " + String.join(", ", watched));
        watch.setToolTipText(watched.isEmpty()
                ? "Make events (clips, snapshots, the list on the right) when a person appears; saved with the setup"
                : "Stop making events on this camera");
        setVisible(true);
    }
}
