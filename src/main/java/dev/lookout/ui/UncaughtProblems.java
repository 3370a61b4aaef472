package dev.lookout.ui;

import java.io.PrintStream;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;

/**
 * The last line of defence: an exception that escapes any thread (the event thread included) becomes one line on
 * stderr and a banner in the window, never a stack trace in the user's face.
 */
public final class UncaughtProblems {

    private UncaughtProblems() {
    }

    /** Installs the JVM-wide handler; {@code window} gives the window to show the banner in (or null). */
    public static void install(Supplier<LiveWindow> window, PrintStream err) {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            String message = e.getMessage() == null || e.getMessage().isBlank()
                    ? e.getClass().getSimpleName() : e.getMessage();
            err.println("lookout live: unexpected problem on " + thread.getName() + ": " + message);
            LiveWindow w = window.get();
            if (w != null) {
                if (SwingUtilities.isEventDispatchThread()) {
                    w.showUnexpected(e);
                } else {
                    SwingUtilities.invokeLater(() -> w.showUnexpected(e));
                }
            }
        });
    }
}
