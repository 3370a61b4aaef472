package dev.lookout.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, redrawn at most ten times a second, shown only when stderr is a terminal
 * (so logs and pipes never fill with carriage returns).
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private final String label;
    private final String unit;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;
    private boolean drawn;

    /**
     * A bar for {@code total} items ({@code total ≤ 0}: unknown, so a counter without a bar).
     *
     * @param enabled whether to draw at all: true only when stderr is a terminal
     */
    ProgressBar(PrintStream err, boolean enabled, String label, String unit, long total) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
        this.unit = unit;
        this.total = total;
    }

    /**
     * True when stderr is a terminal, the only case where {@code detect} draws progress. Java 17's
     * {@code System.console()} is null as soon as stdout is redirected ({@code detect ... > out.jsonl}), the usual
     * way to run a long job, so on Linux stderr's own file descriptor is asked too.
     */
    static boolean terminal() {
        if (System.console() != null) {
            return true;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // not Linux, or no /proc: no progress rather than escape codes in a log
        }
    }

    /** Shows that {@code done} items are finished (redraws only if enough time has passed). */
    void update(long done) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (drawn && now - lastDrawNanos < REDRAW_NANOS && (total <= 0 || done < total)) {
            return;
        }
        lastDrawNanos = now;
        drawn = true;
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        String rate = String.format(Locale.ROOT, "%.1f %s/s", done / seconds, unit);
        String line;
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            line = String.format(Locale.ROOT, "%s [%s%s] %d/%d %s, %s", label, "#".repeat(filled),
                    " ".repeat(WIDTH - filled), done, total, unit, rate);
        } else {
            line = String.format(Locale.ROOT, "%s %d %s, %s", label, done, unit, rate);
        }
        err.print("\r" + line + "\u001b[K");
        err.flush();
    }

    /** Erases the bar so that later messages start on a clean line. */
    void finish() {
        if (enabled && drawn) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
