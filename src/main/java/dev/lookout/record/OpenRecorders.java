package dev.lookout.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The recorders that are still open, so that Ctrl+C, SIGTERM or a plain {@code System.exit} finalize them: one
 * JVM shutdown hook closes them all, waiting a bounded time so that shutting down never hangs.
 */
final class OpenRecorders {

    /** How long the shutdown hook waits for all open recordings to be finalized. */
    static final long SHUTDOWN_WAIT_MILLIS = 10_000;

    private static final Set<AnnotatedRecorder> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private OpenRecorders() {
    }

    static void add(AnnotatedRecorder recorder) {
        installHook();
        OPEN.add(recorder);
    }

    static void remove(AnnotatedRecorder recorder) {
        OPEN.remove(recorder);
    }

    private static void installHook() {
        if (hookInstalled) {
            return;
        }
        synchronized (OpenRecorders.class) {
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(OpenRecorders::closeAll, "lookout-recorder-shutdown"));
                hookInstalled = true;
            }
        }
    }

    /** Asks every open recorder to finish, then waits for all of them up to {@link #SHUTDOWN_WAIT_MILLIS}. */
    static void closeAll() {
        List<CompletableFuture<RecordingSummary>> pending = new ArrayList<>();
        for (AnnotatedRecorder recorder : List.copyOf(OPEN)) {
            pending.add(recorder.finishAsync());
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_WAIT_MILLIS);
        for (CompletableFuture<RecordingSummary> future : pending) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // Out of time or failed: what was written so far stays playable (fragmented MP4).
            }
        }
    }
}
