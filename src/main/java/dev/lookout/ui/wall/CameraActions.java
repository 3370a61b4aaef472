package dev.lookout.ui.wall;

import dev.lookout.capture.Frame;
import dev.lookout.detect.Detection;
import dev.lookout.monitor.CameraFrameListener;
import dev.lookout.overlay.OverlayPainter;
import dev.lookout.record.AnnotatedRecorder;
import dev.lookout.record.LiveRecording;
import dev.lookout.record.RecorderListener;
import dev.lookout.record.RecordingSummary;
import dev.lookout.record.Snapshot;
import dev.lookout.record.SnapshotWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * The enlarged camera's snapshot and record buttons, fed by the monitor's frames of that camera: a snapshot is the
 * next frame with its overlay, written by the {@link SnapshotWriter} on a worker (a couple of requests may wait,
 * more are refused), and a recording is the live window's {@link LiveRecording}, which copies frames into its own
 * bounded queue. Snapshots go to {@code snapshots/CAMERA/}, recordings to {@code recordings/CAMERA/}, outside the
 * store's folder (the store indexes only its own files). News reaches {@code news} on the event thread.
 */
final class CameraActions implements CameraFrameListener, AutoCloseable {

    private final String camera;
    private final Path snapshotFolder;
    private final Consumer<String> news;
    private final LiveRecording recording;
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(2), r -> {
                Thread t = new Thread(r, "lookout-wall-snapshot");
                t.setDaemon(true);
                return t;
            });
    private volatile boolean snapshotWanted;
    private volatile double frameRate = 25;

    /** @param news hears, on the event thread, what became of a snapshot or recording (for the banner) */
    CameraActions(String camera, Path snapshots, Path recordings, Consumer<String> news) {
        this.camera = camera;
        this.snapshotFolder = snapshots.resolve(camera);
        this.news = news;
        this.recording = new LiveRecording(recordings.resolve(camera), null, new RecorderListener() {
            @Override
            public void recordingFailed(AnnotatedRecorder recorder, String message) {
                tell("Recording of " + camera + " stopped: " + message);
            }

            @Override
            public void recordingFinished(AnnotatedRecorder recorder, RecordingSummary summary) {
                tell("Recorded " + camera + " to " + summary.path());
            }
        });
    }

    /** Saves the camera's next frame with its overlay. */
    void snapshot() {
        snapshotWanted = true;
    }

    /** Starts a recording of the camera, or stops the one running. */
    void toggleRecording() {
        if (recording.isRecording()) {
            recording.stop();
            return;
        }
        try {
            Path file = recording.start(frameRate);
            tell("Recording " + camera + " to " + file);
        } catch (IOException e) {
            tell("Cannot record " + camera + ": " + e.getMessage());
        }
    }

    boolean isRecording() {
        return recording.isRecording();
    }

    /** The camera's measured rate, for the next recording's rate control (timing comes from the frames). */
    void setFrameRate(double fps) {
        if (fps > 0) {
            frameRate = fps;
        }
    }

    @Override
    public void frame(Frame frame, List<Detection> tracked, OverlayPainter overlay) {
        recording.accept(frame, tracked);
        if (snapshotWanted) {
            snapshotWanted = false;
            Frame copy = frame.copy();
            try {
                writer.execute(() -> {
                    try (copy) {
                        Snapshot s = new SnapshotWriter(snapshotFolder, overlay, false).write(copy, tracked, camera);
                        tell("Snapshot of " + camera + " saved to " + s.image());
                    } catch (IOException e) {
                        tell("Cannot save the snapshot of " + camera + ": " + e.getMessage());
                    }
                });
            } catch (RejectedExecutionException e) {
                copy.close();
                tell("Snapshot of " + camera + " skipped: the last ones are still being saved");
            }
        }
    }

    private void tell(String message) {
        SwingUtilities.invokeLater(() -> news.accept(message));
    }

    /** Stops a recording (finalized in the background) and the snapshot worker after what it holds. */
    @Override
    public void close() {
        recording.stop();
        writer.shutdown();
    }

    /** Completes when the last stopped recording is final. */
    java.util.concurrent.CompletableFuture<RecordingSummary> lastFinish() {
        return recording.lastFinish();
    }
}
