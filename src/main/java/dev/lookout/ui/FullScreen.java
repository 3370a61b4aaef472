package dev.lookout.ui;

import java.awt.GraphicsDevice;
import java.awt.Rectangle;
import javax.swing.JFrame;

/**
 * The window's full-screen mode (F, a double click, Esc): the video alone on the whole screen, toolbar and status
 * bar hidden; leaving it restores the window's bounds. Event thread only.
 */
final class FullScreen {

    private final JFrame frame;
    private final ControlBar controls;
    private final StatusBar status;
    private boolean on;
    private Rectangle boundsBefore;

    FullScreen(JFrame frame, ControlBar controls, StatusBar status) {
        this.frame = frame;
        this.controls = controls;
        this.status = status;
    }

    /** True while full screen. */
    boolean isOn() {
        return on;
    }

    /** Switches between full screen and the window. */
    void toggle() {
        set(!on);
    }

    /** Enters or leaves full screen; nothing happens when it already is so. */
    void set(boolean value) {
        if (value == on) {
            return;
        }
        GraphicsDevice device = frame.getGraphicsConfiguration().getDevice();
        on = value;
        controls.setVisible(!value);
        status.setVisible(!value);
        if (value) {
            boundsBefore = frame.getBounds();
            device.setFullScreenWindow(frame);
        } else {
            device.setFullScreenWindow(null);
            if (boundsBefore != null) {
                frame.setBounds(boundsBefore);
            }
        }
        frame.revalidate();
    }
}
