package dev.lookout.live;

import dev.lookout.capture.Frame;
import dev.lookout.detect.Detection;
import dev.lookout.record.PresenceTracker;
import dev.lookout.record.Snapshot;
import dev.lookout.record.SnapshotWriter;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code live --snapshot-on person,dog}: one snapshot (PNG + JSON sidecar) each time one of these classes appears,
 * debounced like {@code --watch} by a {@link PresenceTracker} (present after N consecutive frames, over after a
 * post-roll without sighting), so a person walking through gives one picture, not hundreds. Fed on the capture
 * thread; the picture is the frame the detections were computed on (the pipeline's still), written on a worker
 * thread of its own.
 */
public final class SnapshotTrigger implements FrameTap {

    private final PresenceTracker tracker;
    private final SnapshotWriter writer;
    private final Supplier<CompletableFuture<LivePipeline.Still>> stills;
    private final String source;
    private final Consumer<Snapshot> saved;
    private final Consumer<String> failed;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lookout-snapshot-trigger");
        t.setDaemon(true);
        return t;
    });
    private final java.util.Queue<CompletableFuture<?>> pending = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private long lastDetectionSequence = -1;

    /**
     * @param saved hears each snapshot written (worker thread)
     * @param failed hears why one could not be written (worker thread)
     */
    public SnapshotTrigger(Set<String> classes, int confirmFrames, long postRollMillis, SnapshotWriter writer, String source,
            Supplier<CompletableFuture<LivePipeline.Still>> stills, Consumer<Snapshot> saved,
            Consumer<String> failed) {
        this.stills = stills;
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
        // The frame at hand is newer than the one the boxes were computed on; the still is exactly that one. The
        // frame is kept as a fallback should the detector stop meanwhile.
        Frame fallback = frame.copy();
        pending.removeIf(CompletableFuture::isDone);
        pending.add(stills.get().whenCompleteAsync((still, error) -> {
            try (fallback) {
                Snapshot shot = still != null
                        ? writer.write(still.image(), still.detections().frameSequence(),
                                still.detections().result().detections(), source, OffsetDateTime.now())
                        : writer.write(fallback, detections, source);
                saved.accept(shot);
            } catch (IOException | RuntimeException e) {
                failed.accept("Automatic snapshot failed: " + e.getMessage());
            }
        }, worker));
    }

    /**
     * Writes the snapshots still pending (up to 10 s; the pipeline answers a still request at once, or with
     * nothing when it stops) and stops the worker.
     */
    public void close() {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // each snapshot reported its own failure
        }
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
