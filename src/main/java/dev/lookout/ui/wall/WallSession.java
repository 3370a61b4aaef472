package dev.lookout.ui.wall;

import dev.lookout.Failures;
import dev.lookout.capture.SourceOptions;
import dev.lookout.config.LookoutConfig;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.event.EventSink;
import dev.lookout.monitor.Monitor;
import dev.lookout.monitor.MonitorLog;
import dev.lookout.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * The monitor behind the camera wall: the same {@link Monitor} as {@code lookout monitor} (one shared detector,
 * the store, clips, notifications), started for the wall's configuration and started again when the user changes
 * it. Starting and stopping take seconds (clips are finalized, the store closed), so they run on the session's own
 * thread, one at a time, and the window hears the outcome on the event thread. The detector belongs to the caller.
 */
final class WallSession implements AutoCloseable {

    /** What the window hears after a (re)start, on the event thread. */
    interface Listener {
        /** The monitor now running; the previous one, if any, is closed. */
        void started(Monitor monitor);

        /** The monitor could not start ({@code message} says why, for the user); none runs. */
        void failed(String message);
    }

    private final Path configFile;
    private final CocoSsdDetector detector;
    private final MonitorLog log;
    private final SourceOptions sourceOptions;
    private final EventSink events;
    private final ExecutorService lifecycle = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lookout-wall-session");
        t.setDaemon(true);
        return t;
    });
    private volatile Monitor current;

    /**
     * @param configFile the file relative storage and sources are resolved against
     * @param events hears every camera's events (must return at once)
     */
    WallSession(Path configFile, CocoSsdDetector detector, MonitorLog log, SourceOptions sourceOptions,
            EventSink events) {
        this.configFile = configFile;
        this.detector = detector;
        this.log = log;
        this.sourceOptions = sourceOptions;
        this.events = events;
    }

    /**
     * Stops the running monitor (if any) and starts one for {@code config}, in the background; {@code beforeStop}
     * runs on the event thread first, so the window can let go of the old cameras.
     */
    void start(LookoutConfig config, Runnable beforeStop, Listener listener) {
        synchronized (lifecycle) {
            if (lifecycle.isShutdown()) {
                return; // closing: nothing starts any more
            }
            lifecycle.execute(() -> restart(config, beforeStop, listener));
        }
    }

    private void restart(LookoutConfig config, Runnable beforeStop, Listener listener) {
        Monitor old = current;
        if (old != null) {
            onEdt(beforeStop);
            current = null;
            old.close();
        }
        try {
            Monitor m = Monitor.start(config, configFile, detector, log, Duration.ZERO, sourceOptions,
                    List.of(events));
            current = m;
            SwingUtilities.invokeLater(() -> listener.started(m));
        } catch (StoreException | RuntimeException e) {
            String message = e instanceof StoreException ? e.getMessage() : Failures.describe(e);
            SwingUtilities.invokeLater(() -> listener.failed(message));
        }
    }

    private static void onEdt(Runnable r) {
        try {
            SwingUtilities.invokeAndWait(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.lang.reflect.InvocationTargetException e) {
            // the window's own failure: the old monitor must still be closed
        }
    }

    /** The monitor running now, or {@code null} while (re)starting or after a failed start. */
    Monitor current() {
        return current;
    }

    /**
     * Stops the monitor (clips finalized, store closed) and waits up to {@code millis} for it; any thread but the
     * event thread.
     */
    void close(long millis) throws InterruptedException {
        synchronized (lifecycle) { // the window's end and a SIGTERM may both stop it: the first one asks
            if (!lifecycle.isShutdown()) {
                lifecycle.execute(() -> {
                    Monitor m = current;
                    current = null;
                    if (m != null) {
                        m.close();
                    }
                });
                lifecycle.shutdown();
            }
        }
        lifecycle.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            close(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
