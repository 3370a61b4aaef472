package dev.lookout.ui.wall;

import dev.lookout.detect.ClassNames;
import java.awt.Component;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JTextField;

/**
 * Asks for one camera's name, source, loop and watched classes (Cameras ▸ Add camera… and Edit). It only collects
 * the fields: {@link WallSetup} checks them as {@code check-config} would. Event thread only.
 */
final class CameraDialog {

    /** What the user entered. */
    record Entry(String name, String source, boolean loop, List<String> watch) {
    }

    private CameraDialog() {
    }

    /**
     * Shows the dialog; the name field is fixed when editing ({@code fixedName}).
     *
     * @return what was entered, or {@code null} when cancelled
     */
    static Entry ask(Component parent, String title, Entry initial, boolean fixedName) {
        JTextField name = new JTextField(initial.name(), 24);
        name.setEditable(!fixedName);
        JTextField source = new JTextField(initial.source(), 32);
        source.setToolTipText("camera index (0), video file, folder of images, or rtsp:// / http:// URL");
        JCheckBox loop = new JCheckBox("Play a file again at its end", initial.loop());
        JTextField watch = new JTextField(String.join(", ", initial.watch()), 24);
        watch.setToolTipText("classes that make events (clips, snapshots), e.g. person, car; empty for none");
        JButton browse = new JButton("File…");
        browse.addActionListener(e -> {
            JFileChooser chooser = new JFileChooser();
            if (chooser.showOpenDialog(parent) == JFileChooser.APPROVE_OPTION) {
                source.setText(chooser.getSelectedFile().getAbsolutePath());
                loop.setSelected(true);
            }
        });
        JPanel form = new JPanel(new GridBagLayout());
        row(form, 0, "Name", name, null);
        row(form, 1, "Source", source, browse);
        row(form, 2, "", loop, null);
        row(form, 3, "Watch", watch, null);
        int answer = JOptionPane.showConfirmDialog(parent, form, title, JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.PLAIN_MESSAGE);
        if (answer != JOptionPane.OK_OPTION) {
            return null;
        }
        return new Entry(name.getText().trim(), source.getText().trim(), loop.isSelected(),
                new ArrayList<>(ClassNames.parse(watch.getText())));
    }

    private static void row(JPanel form, int y, String label, Component field, Component extra) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = y;
        c.insets = new Insets(4, 4, 4, 4);
        c.anchor = GridBagConstraints.WEST;
        form.add(new JLabel(label), c);
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        form.add(field, c);
        if (extra != null) {
            c.weightx = 0;
            form.add(extra, c);
        }
    }
}
