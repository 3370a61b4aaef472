package dev.lookout.cli;

import dev.lookout.capture.Frame;
import dev.lookout.capture.FrameSource;
import dev.lookout.capture.MatImages;
import dev.lookout.capture.UrlRedaction;
import dev.lookout.detect.ClassNames;
import dev.lookout.detect.Detection;
import dev.lookout.record.AnnotatedRecorder;
import dev.lookout.record.EventListener;
import dev.lookout.record.EventMonitor;
import dev.lookout.record.MonitorEvent;
import dev.lookout.record.RecordingSummary;
import dev.lookout.record.SnapshotWriter;
import dev.lookout.overlay.DetectionPainter;
import dev.lookout.overlay.OverlayPainter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opencv.core.Mat;

/**
 * The recording side of {@code lookout detect}: {@code --record FILE} (each video annotated, as fast as the
 * machine allows, nothing dropped), {@code --snapshot DIR} (PNG + JSON of what was detected) and
 * {@code --watch CLASSES} (one clip per appearance with pre- and post-roll, logged in {@code events.jsonl}).
 */
final class DetectRecording {

    private final Path recordFile;
    private final SnapshotWriter snapshots;
    private final Set<String> watched;
    private final Path recordDir;
    private final Path eventLog;
    private final long preRollMillis;
    private final long postRollMillis;
    private final int confirmFrames;
    private final PrintStream err;

    private AnnotatedRecorder recorder;
    private OverlayPainter painter = new DetectionPainter();
    private EventMonitor monitor;
    private String recordingFailure;
    private int monitorErrors;
    private boolean snapshotsFailed;

    /**
     * Reads and checks the recording options.
     *
     * @param recordFile {@code --record FILE}, or {@code null}
     * @param snapshotDir {@code --snapshot DIR}, or {@code null}
     */
    DetectRecording(Path recordFile, Path snapshotDir, WatchOptions watch, PrintStream err) throws UsageException {
        this.err = err;
        if (recordFile != null && recordFile.getFileName() == null) {
            throw new UsageException("--record needs a file name, e.g. --record annotated.mp4");
        }
        this.recordFile = recordFile;
        this.snapshots = snapshotDir != null ? new SnapshotWriter(snapshotDir, new DetectionPainter(), true) : null;
        this.watched = watch.watched();
        this.recordDir = watch.recordDir;
        this.eventLog = watch.events;
        this.preRollMillis = watch.preRollMillis();
        this.postRollMillis = watch.postRollMillis();
        this.confirmFrames = watch.confirmFrames();
    }

    /** Rejects watched classes the model does not know. */
    void checkClasses(List<String> known) throws UsageException {
        String unknown = ClassNames.unknownMessage(watched, known);
        if (unknown != null) {
            throw new UsageException("--watch: " + unknown);
        }
    }

    /** Saves a snapshot of an image with detections ({@code --snapshot} without {@code --watch}). */
    void image(Mat bgr, List<Detection> detections, Path file) {
        if (watched.isEmpty() && !detections.isEmpty()) {
            snapshot(bgr, 0, detections, file.toString());
        }
    }

    /**
     * Saves a {@code --snapshot}. A failure (a full disk) is reported once with its reason and ends the snapshots,
     * not the detections.
     */
    private void snapshot(Mat bgr, long index, List<Detection> detections, String source) {
        if (snapshots == null || snapshotsFailed) {
            return;
        }
        try {
            snapshots.write(MatImages.toBufferedImage(bgr, null), index, detections, source, OffsetDateTime.now());
        } catch (IOException e) {
            snapshotsFailed = true;
            err.println("lookout detect: " + UrlRedaction.redact(e.getMessage())
                    + "; no more --snapshot files are written, detection goes on");
        }
    }

    /** True once a snapshot could not be written (the run then ends with exit status 1). */
    boolean snapshotsFailed() {
        return snapshotsFailed;
    }

    /** True when {@code --record} was given. */
    boolean records() {
        return recordFile != null;
    }

    /** Draws the next recordings with {@code value} (the tracking overlay; null: the plain painter). */
    void painter(OverlayPainter value) {
        this.painter = value != null ? value : new DetectionPainter();
    }

    /**
     * Starts the recorder and the monitor for a video about to be read. A recording that cannot start is
     * reported on stderr and detection goes on (the run then ends with exit status 1).
     */
    void videoStarted(Path file, FrameSource source) {
        recordingFailure = null;
        monitorErrors = 0;
        if (recordFile != null) {
            try {
                recorder = AnnotatedRecorder.toFile(recordFile).frameRate(source.frameRate())
                        .live(source.isLive()).painter(painter).start();
                err.println("lookout detect: recording " + file.getFileName() + " to " + recorder.path() + " ("
                        + recorder.format() + ")");
            } catch (IOException e) {
                recordingFailure = "cannot record " + file.getFileName() + ": " + e.getMessage();
                err.println("lookout detect: " + recordingFailure + "; detection goes on");
            }
        }
        if (!watched.isEmpty()) {
            monitor = EventMonitor.watching(watched).framesToConfirm(confirmFrames).preRollMillis(preRollMillis)
                    .postRollMillis(postRollMillis).clipFolder(recordDir).eventLog(eventLog)
                    .snapshots(snapshots != null ? snapshots : new SnapshotWriter(SnapshotWriter.DEFAULT_FOLDER))
                    .frameRate(source.frameRate()).live(source.isLive()).source(file.toString())
                    .listener(new EventListener() {
                        @Override
                        public void eventEnded(MonitorEvent event) {
                            err.printf(Locale.ROOT, "lookout detect: event %d at %.1f s: %s (peak %.0f%%) -> %s%n",
                                    event.id(), event.sourceSeconds(), String.join(",", event.classes()),
                                    event.peakScore() * 100, event.clip());
                        }

                        @Override
                        public void monitorError(String message) {
                            monitorErrors++;
                            err.println("lookout detect: " + message);
                        }
                    }).build();
        }
    }

    /**
     * One frame of the video with the detections in force (the last computed ones when {@code --every} skips
     * frames, so recordings keep the full frame rate).
     */
    void frame(Frame frame, List<Detection> detections, String source) throws InterruptedException, IOException {
        if (recorder != null && recordingFailure == null) {
            if (!recorder.put(frame, detections)) {
                recordingFailure = recorder.failure();
                err.println("lookout detect: " + recordingFailure + "; detection goes on");
            }
        }
        if (monitor != null) {
            monitor.accept(frame, detections);
        } else if (!detections.isEmpty()) {
            snapshot(frame.image(), frame.index(), detections, source);
        }
    }

    /** Finalizes the video's recording and events; returns true if everything was written. */
    boolean videoEnded() {
        boolean ok = recordingFailure == null;
        if (recorder != null) {
            RecordingSummary summary = recorder.finish();
            recorder = null;
            if (summary.failure() != null) {
                if (recordingFailure == null) {
                    err.println("lookout detect: " + summary.failure());
                }
                ok = false;
            } else if (summary.framesWritten() > 0) {
                err.printf(Locale.ROOT, "lookout detect: recorded %d frames (%.1f s) to %s%n",
                        summary.framesWritten(), summary.durationMicros() / 1e6, summary.path());
            }
        }
        if (monitor != null) {
            monitor.close();
            monitor = null;
            ok &= monitorErrors == 0;
        }
        return ok;
    }
}
