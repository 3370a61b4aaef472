package dev.lookout.ui;

import dev.lookout.capture.Frame;
import dev.lookout.detect.Detection;
import dev.lookout.live.FrameTap;
import dev.lookout.live.LiveDetections;
import dev.lookout.record.PresenceTracker;
import dev.lookout.record.Snapshot;
import dev.lookout.record.SnapshotWriter;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code live --snapshot-on person,dog}: one snapshot (PNG + JSON sidecar) each time one of these classes appears,
 * debounced like {@code --watch} by a {@link PresenceTracker} (present after N consecutive frames, over after a
 * post-roll without sighting), so a person walking through gives one picture, not hundreds. Fed on the capture
 * thread; the PNG is written on a worker thread of its own.
 */
final class SnapshotTrigger implements FrameTap {

    private final PresenceTracker tracker;
    private final SnapshotWriter writer;
    private final String source;
    private final Consumer<Snapshot> saved;
    private final Consumer<String> failed;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lookout-snapshot-trigger");
        t.setDaemon(true);
        return t;
    });
    private long lastDetectionSequence = -1;

    /**
     * @param saved hears each snapshot written (worker thread)
     * @param failed hears why one could not be written (worker thread)
     */
    SnapshotTrigger(Set<String> classes, int confirmFrames, long postRollMillis, SnapshotWriter writer, String source,
            Consumer<Snapshot> saved, Consumer<String> failed) {
        this.tracker = new PresenceTracker(classes, confirmFrames, postRollMillis * 1000);
        this.writer = writer;
        this.source = source;
        this.saved = saved;
        this.failed = failed;
    }

    @Override
    public synchronized void onFrame(Frame frame, LiveDetections latest) {
        // Presence is counted per detection result, not per captured frame: a frame shown with boxes computed on an
        // earlier frame is no new sighting.
        if (latest == null || latest.frameSequence() == lastDetectionSequence) {
            return;
        }
        lastDetectionSequence = latest.frameSequence();
        List<Detection> detections = latest.result().detections();
        if (tracker.update(frame.timestampMicros(), detections) != PresenceTracker.Transition.STARTED) {
            return;
        }
        Frame copy = frame.copy();
        worker.execute(() -> {
            try (copy) {
                saved.accept(writer.write(copy, detections, source));
            } catch (IOException | RuntimeException e) {
                failed.accept("Automatic snapshot failed: " + e.getMessage());
            }
        });
    }

    /** Writes the snapshots still queued (up to 10 s) and stops the worker. */
    void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
