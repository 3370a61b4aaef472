package dev.lookout.record;

import dev.lookout.capture.Frame;
import dev.lookout.detect.Detection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The live window's record button and R key, and {@code live --record [FILE]}: start and stop a recording of the
 * current source while frames keep flowing from the capture thread. Nothing here blocks the caller:
 * {@link #accept} drops a frame the writer cannot take, and {@link #stop()} returns at once while the file is
 * finalized in the background (failures and the end reach the {@link RecorderListener}). Thread-safe.
 */
public final class LiveRecording {

    private final Path folder;
    private final Path file;
    private final RecorderListener listener;
    private volatile AnnotatedRecorder current;
    private volatile dev.lookout.overlay.OverlayPainter painter = new dev.lookout.overlay.DetectionPainter();
    private volatile CompletableFuture<RecordingSummary> lastFinish = CompletableFuture.completedFuture(null);

    /**
     * Recordings go to {@code file} if given (its name made unique per recording), else into {@code folder}
     * with default names ({@code lookout-YYYYMMDD-HHMMSS.mp4}).
     */
    public LiveRecording(Path folder, Path file, RecorderListener listener) {
        this.folder = Objects.requireNonNull(folder);
        this.file = file;
        this.listener = Objects.requireNonNull(listener);
    }

    /** Recordings into {@code recordings/} with default names. */
    public LiveRecording(RecorderListener listener) {
        this(Path.of("recordings"), null, listener);
    }

    /**
     * Starts recording (a recording already running is stopped first).
     *
     * @param frameRate the source's measured or nominal rate (for rate control; timing comes from the frames)
     * @return the file being written
     * @throws IOException when the folder cannot be written, with a message naming it
     */
    public synchronized Path start(double frameRate) throws IOException {
        stop();
        AnnotatedRecorder.Builder builder = file != null ? AnnotatedRecorder.toFile(file)
                : AnnotatedRecorder.inFolder(folder);
        current = builder.frameRate(frameRate).live(true).listener(listener).painter(painter).start();
        return current.path();
    }

    /** What draws the boxes into recordings started from now on (the live overlay's painter, e.g. with ids). */
    public void setPainter(dev.lookout.overlay.OverlayPainter value) {
        painter = java.util.Objects.requireNonNull(value);
    }

    /** Hands a frame (not kept: it is copied) and the detections on screen to the recording, if one runs. */
    public void accept(Frame frame, List<Detection> detections) {
        AnnotatedRecorder recorder = current;
        if (recorder != null) {
            recorder.offer(frame, detections == null ? List.of() : detections);
        }
    }

    /** Stops the recording without waiting; returns its file, or {@code null} if none was running. */
    public synchronized Path stop() {
        AnnotatedRecorder recorder = current;
        if (recorder == null) {
            return null;
        }
        current = null;
        lastFinish = recorder.finishAsync();
        return recorder.path();
    }

    /** True while a recording runs (it may have failed meanwhile: see the listener). */
    public boolean isRecording() {
        AnnotatedRecorder recorder = current;
        return recorder != null && recorder.isRecording();
    }

    /** The running recording's container and codec (e.g. {@code MP4 / H.264}), or {@code null}. */
    public String format() {
        AnnotatedRecorder recorder = current;
        return recorder == null ? null : recorder.format();
    }

    /** Frames the running recording could not take (the writer fell behind), or 0. */
    public long framesDropped() {
        AnnotatedRecorder recorder = current;
        return recorder == null ? 0 : recorder.framesDropped();
    }

    /** Completes when the last stopped recording is final (for tests and orderly exits). */
    public CompletableFuture<RecordingSummary> lastFinish() {
        return lastFinish;
    }
}
