package dev.lookout.ui.wall;

import java.awt.event.KeyEvent;
import java.util.function.IntConsumer;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.KeyStroke;

/**
 * The camera wall's keys, anywhere in its window: 1–9 (or the keypad's) enlarge that camera, 0 and Esc go back to
 * the grid, S and R take a snapshot of and record the enlarged camera.
 */
final class WallKeys {

    private WallKeys() {
    }

    /** @param enlarge takes the camera's index, 0 for key 1 */
    static void install(JComponent root, IntConsumer enlarge, Runnable grid, Runnable snapshot, Runnable record) {
        for (int i = 1; i <= 9; i++) {
            int index = i - 1;
            bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_0 + i, 0), "enlarge" + i, () -> enlarge.accept(index));
            bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_NUMPAD0 + i, 0), "enlarge" + i, () -> enlarge.accept(index));
        }
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_0, 0), "grid", grid);
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_NUMPAD0, 0), "grid", grid);
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "grid", grid);
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_S, 0), "snapshot", snapshot);
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_R, 0), "record", record);
    }

    private static void bind(JComponent root, KeyStroke key, String name, Runnable action) {
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(key, name);
        root.getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                action.run();
            }
        });
    }
}
