package dev.lookout.monitor;

import dev.lookout.capture.Frame;
import dev.lookout.detect.Detection;
import dev.lookout.record.AnnotatedRecorder;
import dev.lookout.record.RecorderListener;
import dev.lookout.record.RecordingSummary;
import dev.lookout.store.EventStore;
import dev.lookout.store.Recording;
import dev.lookout.store.RecordingKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * {@code record: continuous}: everything a camera sees, as consecutive MP4 segments of a fixed length in
 * {@code recordings/<camera>/}, written by the {@code record} package's {@link AnnotatedRecorder} (fragmented MP4,
 * playable at every moment, so a {@code kill -9} loses at most the last second). Frames are recorded as captured,
 * without boxes. A segment is registered in the store when its first frame is encoded (start, no end) and finished
 * (end, size) once its file is final; retention deletes the oldest segments first and never those reaching into an
 * open event. A new segment also starts when the source's time steps back (it was reopened after an outage), so a
 * gap never hides inside a file. Fed by the camera's reading thread, which never waits: frames the encoder cannot
 * take are dropped and counted by the recorder.
 */
final class ContinuousRecording implements CameraRecorder {

    /** Frames waiting to be encoded per camera; beyond it frames are dropped, never queued without bound. */
    static final long QUEUE_BYTES = 32L << 20;
    /** How long {@link #close()} waits for one segment to be finalized. */
    private static final long FINISH_SECONDS = 30;

    private final String camera;
    private final Path folder;
    private final EventStore store;
    private final double frameRate;
    private final long segmentNanos;
    private final Consumer<String> problems;
    private final List<CompletableFuture<RecordingSummary>> finishing = new ArrayList<>();
    private AnnotatedRecorder current;
    private long segmentStartNanos;
    private long lastTimestampMicros = Long.MIN_VALUE;
    private long retryAfterNanos;
    private boolean retrying;
    private boolean closed;

    /**
     * @param folder the camera's folder of continuous recordings in the storage folder
     * @param segment the length of one file (wall-clock time)
     * @param problems hears a segment that cannot be started or written (the camera goes on)
     */
    ContinuousRecording(String camera, Path folder, EventStore store, double frameRate, Duration segment,
            Consumer<String> problems) {
        if (segment.isNegative() || segment.isZero()) {
            throw new IllegalArgumentException("a segment must last more than 0 s, not " + segment);
        }
        this.camera = camera;
        this.folder = folder;
        this.store = store;
        this.frameRate = frameRate;
        this.segmentNanos = segment.toNanos();
        this.problems = problems;
    }

    @Override
    public synchronized void accept(Frame frame, List<Detection> tracked) {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        boolean sourceRestarted = frame.timestampMicros() < lastTimestampMicros;
        lastTimestampMicros = frame.timestampMicros();
        if (current != null && (now - segmentStartNanos >= segmentNanos || sourceRestarted)) {
            finishCurrent();
        }
        if (current == null && (!retrying || now - retryAfterNanos >= 0)) {
            start(now);
        }
        if (current != null) {
            current.offer(frame, List.of());
        }
    }

    private void start(long now) {
        Instant started = Instant.now();
        try {
            current = AnnotatedRecorder.inFolder(folder).frameRate(frameRate).live(true).queueBytes(QUEUE_BYTES)
                    .listener(new RecorderListener() {
                        @Override
                        public void recordingStarted(AnnotatedRecorder recorder) {
                            store.addRecording(new Recording(camera, recorder.path(), RecordingKind.CONTINUOUS,
                                    started, null, 0));
                        }

                        @Override
                        public void recordingFailed(AnnotatedRecorder recorder, String message) {
                            problems.accept("continuous recording: " + message);
                        }
                    }).start();
            segmentStartNanos = now;
            retrying = false;
        } catch (IOException e) {
            // say it once per segment length, and try again then rather than on every frame
            problems.accept("continuous recording: " + e.getMessage() + "; trying again in "
                    + Duration.ofNanos(segmentNanos).toSeconds() + " s");
            retryAfterNanos = now + segmentNanos;
            retrying = true;
        }
    }

    private void finishCurrent() {
        AnnotatedRecorder recorder = current;
        current = null;
        Instant ended = Instant.now();
        finishing.removeIf(CompletableFuture::isDone);
        finishing.add(recorder.finishAsync().whenComplete((summary, error) -> {
            if (summary != null && summary.framesWritten() > 0) {
                store.recordingFinished(recorder.path(), ended);
            }
        }));
    }

    /** The segment being written, or null (for tests and the log). */
    synchronized Path currentFile() {
        return current == null ? null : current.path();
    }

    /** Finalizes the open segment and waits (a bounded time) until every segment is final and registered. */
    @Override
    public void close() {
        List<CompletableFuture<RecordingSummary>> waiting;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (current != null) {
                finishCurrent();
            }
            waiting = List.copyOf(finishing);
            finishing.clear();
        }
        for (CompletableFuture<RecordingSummary> f : waiting) {
            try {
                f.get(FINISH_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                problems.accept("continuous recording: a segment was not finalized in " + FINISH_SECONDS + " s: " + e);
            }
        }
    }
}
