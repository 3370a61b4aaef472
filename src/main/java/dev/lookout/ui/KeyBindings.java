package dev.lookout.ui;

import java.awt.KeyboardFocusManager;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.KeyStroke;
import javax.swing.text.JTextComponent;

/**
 * The window's keys: Space pause, F full screen, S snapshot, R record, Esc leave full screen, Ctrl+Q quit. The
 * letters and Space are ignored while the user types into a text field. Each key is an action of the root pane
 * under the name given here ({@code pause}, {@code fullscreen}, {@code snapshot}, {@code record},
 * {@code leaveFullscreen}, {@code quit}).
 */
final class KeyBindings {

    private KeyBindings() {
    }

    /** What the keys do. */
    record Actions(Runnable pause, Runnable fullscreen, Runnable snapshot, Runnable record, Runnable leaveFullscreen,
            Runnable quit) {
    }

    /** Binds the keys on {@code root} (the frame's root pane), active whenever the window has the focus. */
    static void install(JComponent root, Actions actions) {
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_SPACE, 0), "pause", true, actions.pause());
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_F, 0), "fullscreen", true, actions.fullscreen());
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_S, 0), "snapshot", true, actions.snapshot());
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_R, 0), "record", true, actions.record());
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "leaveFullscreen", false,
                actions.leaveFullscreen());
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_Q, InputEvent.CTRL_DOWN_MASK), "quit", false, actions.quit());
    }

    private static void bind(JComponent root, KeyStroke key, String name, boolean notWhileTyping, Runnable action) {
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(key, name);
        root.getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                // Letters typed into the class filter are text, not shortcuts.
                if (notWhileTyping && KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner()
                        instanceof JTextComponent) {
                    return;
                }
                action.run();
            }
        });
    }
}
