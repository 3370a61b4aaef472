package dev.lookout.ui.wall;

import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;

/** What the wall's window tests do to it: read on the event thread, press keys, capture the screen. */
final class WallUi {

    private WallUi() {
    }

    /** {@code s}'s value, computed on the event thread. */
    static <T> T onEdt(Supplier<T> s) throws Exception {
        AtomicReference<T> r = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> r.set(s.get()));
        return r.get();
    }

    /** A key press sent to {@code target}, as the keyboard sends it to the component that has the focus. */
    static void press(JComponent target, int key) throws Exception {
        SwingUtilities.invokeAndWait(() -> target.dispatchEvent(new KeyEvent(target, KeyEvent.KEY_PRESSED,
                System.currentTimeMillis(), 0, key, KeyEvent.CHAR_UNDEFINED)));
    }

    /** A real screen capture of the wall's window to {@code path} (PNG), for people to look at. */
    static void screenshot(CameraWall wall, String path) throws Exception {
        Path out = Path.of(path);
        Rectangle bounds = onEdt(() -> {
            wall.frame().toFront();
            return wall.frame().getBounds();
        });
        Thread.sleep(400);
        BufferedImage shot = new java.awt.Robot().createScreenCapture(bounds);
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(shot, "png", out.toFile());
    }
}
