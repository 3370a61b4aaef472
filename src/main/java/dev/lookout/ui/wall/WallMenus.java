package dev.lookout.ui.wall;

import java.awt.Toolkit;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.ButtonGroup;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.KeyStroke;

/**
 * The camera wall's menus: File (save the setup to its {@code lookout.yml}, save as, close), Cameras (add, edit,
 * remove, each by name) and View (grid size, event list). The camera items are rebuilt when the cameras change.
 * Event thread only.
 */
final class WallMenus {

    /** What the menu items do. */
    interface Actions {
        void save();

        void saveAs();

        /** Closes the window, asking first about unsaved changes. */
        void quit();

        void addCamera();

        void editCamera(String name);

        void removeCamera(String name);

        void setGrid(WallGrid grid);

        void showEvents(boolean shown);
    }

    private final JMenuBar bar = new JMenuBar();
    private final JMenu edit = new JMenu("Edit camera");
    private final JMenu remove = new JMenu("Remove camera");
    private final Actions actions;

    WallMenus(Actions actions) {
        this.actions = actions;
        int ctrl = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        JMenu file = new JMenu("File");
        file.add(item("Save setup", KeyStroke.getKeyStroke(KeyEvent.VK_S, ctrl), actions::save));
        file.add(item("Save setup as…", null, actions::saveAs));
        file.addSeparator();
        file.add(item("Close", KeyStroke.getKeyStroke(KeyEvent.VK_Q, ctrl), actions::quit));
        JMenu cameras = new JMenu("Cameras");
        cameras.add(item("Add camera…", KeyStroke.getKeyStroke(KeyEvent.VK_N, ctrl), actions::addCamera));
        cameras.add(edit);
        cameras.add(remove);
        JMenu view = new JMenu("View");
        ButtonGroup grids = new ButtonGroup();
        for (WallGrid g : WallGrid.values()) {
            JRadioButtonMenuItem item = new JRadioButtonMenuItem(g.label(), g == WallGrid.AUTO);
            item.addActionListener(e -> actions.setGrid(g));
            grids.add(item);
            view.add(item);
        }
        view.addSeparator();
        JCheckBoxMenuItem events = new JCheckBoxMenuItem("Event list", true);
        events.addActionListener(e -> actions.showEvents(events.isSelected()));
        view.add(events);
        bar.add(file);
        bar.add(cameras);
        bar.add(view);
    }

    JMenuBar bar() {
        return bar;
    }

    /** Lists {@code names} under Edit camera and Remove camera. */
    void setCameras(List<String> names) {
        fill(edit, names, actions::editCamera, "…");
        fill(remove, names, actions::removeCamera, "");
    }

    private static void fill(JMenu menu, List<String> names, Consumer<String> action, String suffix) {
        menu.removeAll();
        for (String name : names) {
            menu.add(item(name + suffix, null, () -> action.accept(name)));
        }
        menu.setEnabled(!names.isEmpty());
    }

    private static JMenuItem item(String text, KeyStroke key, Runnable action) {
        JMenuItem item = new JMenuItem(text);
        if (key != null) {
            item.setAccelerator(key);
        }
        item.addActionListener(e -> action.run());
        return item;
    }
}
