package dev.lookout.live;

import dev.lookout.capture.SourceState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Test-only display: takes frames from the pipeline on its own thread (standing in for the Swing event thread),
 * as the window does, and keeps everything it was told.
 */
final class RecordingListener implements LiveListener, AutoCloseable {

    private final ExecutorService displayThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-display");
        t.setDaemon(true);
        return t;
    });
    private volatile LivePipeline pipeline;
    final List<Long> shownSequences = new CopyOnWriteArrayList<>();
    final List<LiveDetections> detections = new CopyOnWriteArrayList<>();
    final List<SourceState> states = new CopyOnWriteArrayList<>();
    final List<String> detectorFailures = new CopyOnWriteArrayList<>();
    volatile String provider;

    void attach(LivePipeline value) {
        pipeline = value;
    }

    @Override
    public void frameReady() {
        displayThread.execute(() -> {
            DisplayBuffer.DisplayFrame f = pipeline.display().take();
            if (f != null) {
                shownSequences.add(f.sequence());
                pipeline.stats().framePainted();
            }
        });
    }

    @Override
    public void detectionsReady(LiveDetections d) {
        detections.add(d);
        // What the overlay does when it paints new detections.
        displayThread.execute(() -> pipeline.stats().detectionsPainted(d.capturedNanos(), System.nanoTime()));
    }

    @Override
    public void sourceStateChanged(SourceState state) {
        states.add(state);
    }

    @Override
    public void detectorReady(String value) {
        provider = value;
    }

    @Override
    public void detectorFailed(String message) {
        detectorFailures.add(message);
    }

    boolean sawState(SourceState.Kind kind) {
        return states.stream().anyMatch(s -> s.kind() == kind);
    }

    /** Waits up to {@code millis} for {@code condition}; true if it came. */
    static boolean await(long millis, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    SourceState lastState(Predicate<SourceState> filter) {
        SourceState found = null;
        for (SourceState s : states) {
            if (filter.test(s)) {
                found = s;
            }
        }
        return found;
    }

    @Override
    public void close() throws InterruptedException {
        displayThread.shutdown();
        displayThread.awaitTermination(2, TimeUnit.SECONDS);
    }
}
