package dev.lookout.ui;

import dev.lookout.live.FrameTap;
import dev.lookout.live.LiveDetections;
import dev.lookout.record.AnnotatedRecorder;
import dev.lookout.record.LiveRecording;
import dev.lookout.record.RecorderListener;
import dev.lookout.record.SnapshotWriter;
import dev.lookout.detect.Detection;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

/**
 * The record package behind the window's record and snapshot buttons: {@link LiveRecording} (annotated MP4 into
 * {@code recordings/}, frames from the capture thread, never blocking) and {@link SnapshotWriter} (PNG + JSON
 * sidecar into {@code snapshots/}).
 */
public final class RecordHooks implements RecordingControl, SnapshotControl {

    private final LiveRecording recording;
    private final SnapshotWriter snapshots;
    private volatile Consumer<String> problems = m -> { };

    /**
     * @param recordingsFolder where recordings go ({@code recordings/} by default)
     * @param recordingFile a fixed recording file name ({@code live --record FILE}), or {@code null}
     * @param snapshotsFolder where snapshots go ({@code snapshots/} by default)
     */
    public RecordHooks(Path recordingsFolder, Path recordingFile, Path snapshotsFolder) {
        this.recording = new LiveRecording(recordingsFolder, recordingFile, new RecorderListener() {
            @Override
            public void recordingFailed(AnnotatedRecorder recorder, String message) {
                problems.accept("Recording stopped: " + message);
            }
        });
        this.snapshots = new SnapshotWriter(snapshotsFolder);
    }

    /** Recordings in {@code recordings/}, snapshots in {@code snapshots/}. */
    public RecordHooks() {
        this(Path.of("recordings"), null, SnapshotWriter.DEFAULT_FOLDER);
    }

    @Override
    public Path start(double frameRate) throws IOException {
        return recording.start(frameRate);
    }

    @Override
    public Path stop() {
        return recording.stop();
    }

    @Override
    public boolean isRecording() {
        return recording.isRecording();
    }

    @Override
    public void setPainter(dev.lookout.overlay.OverlayPainter painter) {
        recording.setPainter(painter);
    }

    @Override
    public FrameTap frameTap() {
        return (frame, latest) -> recording.accept(frame, detectionsOf(latest));
    }

    @Override
    public String format() {
        String f = recording.format();
        return f == null ? "" : f;
    }

    @Override
    public long framesDropped() {
        return recording.framesDropped();
    }

    @Override
    public void onProblem(Consumer<String> listener) {
        problems = listener == null ? m -> { } : listener;
    }

    @Override
    public Path save(BufferedImage frame, List<Detection> detections, String sourceDescription, long frameNumber)
            throws IOException {
        return snapshots.write(frame, frameNumber, detections, sourceDescription, OffsetDateTime.now()).image();
    }

    /** Waits for the last stopped recording to be finalised (an orderly exit). */
    public void awaitFinished(long millis) {
        try {
            recording.lastFinish().get(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // the listener has reported any failure; exiting goes on
        }
    }

    private static List<Detection> detectionsOf(LiveDetections latest) {
        return latest == null ? List.of() : latest.result().detections();
    }
}
