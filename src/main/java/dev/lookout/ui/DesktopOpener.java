package dev.lookout.ui;

import java.awt.Desktop;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javax.swing.SwingUtilities;

/**
 * Opens a clip or snapshot with the desktop's player; where that is not possible (no desktop, as under Xvfb), it
 * shows the path in the banner and copies it to the clipboard. Event thread only.
 */
public final class DesktopOpener {

    private final Banner banner;
    private final Executor worker;

    /** @param worker where the desktop is asked (it may take a while) */
    public DesktopOpener(Banner banner, Executor worker) {
        this.banner = banner;
        this.worker = worker;
    }

    /** Opens {@code file}, or shows its path instead. */
    public void open(Path file) {
        Path absolute = file.toAbsolutePath();
        boolean canOpen = Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
        if (!canOpen) {
            showPathInstead(absolute);
            return;
        }
        worker.execute(() -> {
            try {
                Desktop.getDesktop().open(absolute.toFile());
            } catch (Exception e) {
                SwingUtilities.invokeLater(() -> showPathInstead(absolute));
            }
        });
    }

    private void showPathInstead(Path file) {
        try {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(file.toString()), null);
            banner.show(Banner.Level.INFO, "No player to open it with; path copied to the clipboard: " + file,
                    null, null);
        } catch (RuntimeException e) {
            banner.show(Banner.Level.INFO, "No player to open it with: " + file, null, null);
        }
    }
}
