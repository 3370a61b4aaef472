package dev.lookout.ui;

import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPopupMenu;

/** The right-click menu of a selected line or zone in the {@link RegionEditor}: rename, reverse, delete. */
final class RegionMenu extends JPopupMenu {

    private final RegionEditor editor;

    RegionMenu(RegionEditor editor) {
        this.editor = editor;
        String name = editor.selected();
        JMenuItem rename = new JMenuItem("Rename " + name + "…");
        rename.addActionListener(e -> askName(editor));
        add(rename);
        if (editor.regions().lines().stream().anyMatch(l -> l.name().equals(name))) {
            JMenuItem reverse = new JMenuItem("Reverse direction (swap in and out)");
            reverse.addActionListener(e -> editor.reverseSelected());
            add(reverse);
        }
        JMenuItem delete = new JMenuItem("Delete " + name);
        delete.addActionListener(e -> editor.deleteSelected());
        add(delete);
    }

    void show(int x, int y) {
        show(editor, x, y);
    }

    /** Asks for a new name of the selected line or zone until it is valid or the user cancels. */
    static void askName(RegionEditor editor) {
        String current = editor.selected();
        String message = "New name for " + current + " (letters, digits, '_', '.' or '-'):";
        while (true) {
            Object answer = JOptionPane.showInputDialog(editor, message, "Rename", JOptionPane.PLAIN_MESSAGE, null,
                    null, current);
            if (answer == null) {
                return;
            }
            String problem = editor.renameSelected(answer.toString());
            if (problem == null) {
                return;
            }
            message = "Cannot rename: " + problem + ". New name for " + current + ":";
        }
    }
}
