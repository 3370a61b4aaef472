package dev.lookout.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.swing.SwingUtilities;

/** Helpers for window tests: a display check, and waiting for a condition read on the event thread. */
public final class Edt {

    private Edt() {
    }

    /** Skips the calling test class, with a visible message, when there is no display (CI runs under Xvfb). */
    public static void requireDisplay(String testName) {
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("SKIPPED: " + testName + " needs a display (run under xvfb-run)");
        }
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: run the UI tests under xvfb-run");
    }

    /** Polls {@code onEdt} on the event thread every 50 ms until it holds (true) or {@code millis} pass (false). */
    public static boolean await(long millis, BooleanSupplier onEdt) throws Exception {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            AtomicReference<Boolean> ok = new AtomicReference<>(false);
            SwingUtilities.invokeAndWait(() -> ok.set(onEdt.getAsBoolean()));
            if (ok.get()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
