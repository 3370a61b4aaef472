package dev.lookout.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.capture.Frame;
import dev.lookout.detect.Detection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code --watch person,car}: records only while a watched class is present, one clip per event.
 *
 * <p>Presence is debounced by a {@link PresenceTracker} (present after N consecutive frames, default 3; over
 * after a post-roll without sighting, default 5 s). While idle the last seconds of frames are kept in a bounded
 * {@link FrameRing}, so each clip starts with a pre-roll (default 3 s). Each event gives one
 * {@link AnnotatedRecorder} clip, a snapshot of its highest-scoring frame ({@link SnapshotWriter}) and two lines
 * in {@code events.jsonl} (start and end: time, classes seen, peak score, clip, snapshot).
 *
 * <p>{@link #accept} is called for every frame by the one thread that reads them (the live pipeline's capture
 * thread through a frame tap, or {@code detect}'s loop) and never waits on the disk for a live source: frames the
 * clip writer cannot take are dropped and counted; for a file nothing is dropped and the caller waits for the
 * encoder instead. Snapshots, the log and the {@link EventListener} calls run on the monitor's worker thread (an
 * event's end once its clip is final). Not thread-safe: one caller feeds the frames.
 */
public final class EventMonitor implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PresenceTracker tracker;
    private final Path clipFolder;
    private final Path eventLog;
    private final SnapshotWriter snapshots;
    private final double frameRate;
    private final boolean live;
    private final String source;
    private final List<EventListener> listeners = new ArrayList<>();
    private final FrameRing ring;
    private final ExecutorService worker;
    private final ArrayDeque<MonitorEvent> recent = new ArrayDeque<>();
    private final int recentLimit = 50;

    /** Events whose clips are still being finalized; close() waits for them. */
    private final List<CompletableFuture<?>> pendingEnds = new ArrayList<>();

    // Caller-thread state of the open event.
    private long nextId = 1;
    private OpenEvent open;
    private boolean closed;
    private final long clipQueueBytes;
    private final long maxClipMicros;

    /** The event being recorded: its clip recorder and its best frame so far. */
    private static final class OpenEvent {
        final long id;
        final OffsetDateTime started;
        final double sourceSeconds;
        final Set<String> classes = new TreeSet<>();
        AnnotatedRecorder recorder;
        String clipError;
        double peakScore;
        Frame peakFrame;
        List<Detection> peakDetections;
        boolean peakIsStartFrame = true;
        volatile Snapshot startSnapshot;
        /** Media time of the event's first frame and of its clip's (the oldest pre-roll frame). */
        long startMicros;
        long clipStartMicros;

        OpenEvent(long id, OffsetDateTime started, double sourceSeconds) {
            this.id = id;
            this.started = started;
            this.sourceSeconds = sourceSeconds;
        }
    }

    private EventMonitor(Builder b) {
        this.tracker = new PresenceTracker(b.watched, b.framesToConfirm, b.postRollMicros);
        this.clipFolder = b.clipFolder;
        this.eventLog = b.eventLog;
        this.snapshots = b.snapshots;
        this.frameRate = b.frameRate;
        this.live = b.live;
        this.source = b.source;
        this.ring = new FrameRing(b.preRollMicros, b.preRollBytes);
        this.clipQueueBytes = b.clipQueueBytes;
        this.maxClipMicros = b.maxClipMicros;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lookout-event-monitor");
            t.setDaemon(true);
            return t;
        });
        if (b.listener != null) {
            listeners.add(b.listener);
        }
    }

    /** A monitor of {@code classes} (empty: any class), with the defaults: 3 frames, 3 s pre-roll, 5 s post-roll. */
    public static Builder watching(Set<String> classes) {
        return new Builder(classes);
    }


    /** The most recent events (up to 50), oldest first; ended ones show their final state. */
    public List<MonitorEvent> recentEvents() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /**
     * Feeds one frame (the caller keeps it) with its detections. Opens, extends or closes events; never waits on
     * the disk for a live source.
     */
    public void accept(Frame frame, List<Detection> detections) throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("the event monitor is closed");
        }
        PresenceTracker.Transition transition = tracker.update(frame.timestampMicros(), detections);
        switch (transition) {
            case STARTED -> {
                startEvent(frame, detections);
                record(frame, detections);
            }
            case ENDED -> {
                pendingEnds.removeIf(CompletableFuture::isDone);
                pendingEnds.add(endEvent());
                ring.add(frame, detections);
            }
            case NONE -> {
                if (open != null && maxClipMicros > 0
                        && frame.timestampMicros() - open.clipStartMicros >= maxClipMicros) {
                    // a long presence is cut into clips of bounded length, without a gap: this frame starts the next
                    pendingEnds.removeIf(CompletableFuture::isDone);
                    pendingEnds.add(endEvent());
                    startEvent(frame, detections);
                }
                if (open != null) {
                    record(frame, detections);
                } else {
                    ring.add(frame, detections);
                }
            }
        }
    }

    private void startEvent(Frame frame, List<Detection> detections) throws InterruptedException {
        OpenEvent event = new OpenEvent(nextId++, OffsetDateTime.now(), frame.timestampMicros() / 1e6);
        open = event;
        try {
            event.recorder = AnnotatedRecorder.inFolder(clipFolder).frameRate(frameRate).live(live)
                    .queueBytes(clipQueueBytes)
                    .listener(new RecorderListener() {
                        @Override
                        public void recordingFailed(AnnotatedRecorder recorder, String message) {
                            worker.execute(() -> notifyError("event " + event.id + ": " + message));
                        }
                    }).start();
        } catch (IOException e) {
            event.clipError = e.getMessage();
            worker.execute(() -> notifyError("event " + event.id + ": no clip: " + e.getMessage()));
        }
        event.startMicros = frame.timestampMicros();
        event.clipStartMicros = frame.timestampMicros();
        boolean first = true;
        for (FrameRing.Entry pre : ring.drain()) {
            if (first) {
                event.clipStartMicros = Math.min(event.clipStartMicros, pre.frame().timestampMicros());
                first = false;
            }
            try (Frame preRoll = pre.frame()) {
                if (event.recorder != null) {
                    record(event.recorder, preRoll, pre.detections());
                }
            }
        }
        noteSighting(event, frame, detections);
        Frame startFrame = frame.copy();
        List<Detection> startDetections = List.copyOf(detections);
        remember(snapshotOf(event, null, null));
        worker.execute(() -> {
            try (startFrame) {
                event.startSnapshot = writeSnapshot(event, startFrame, startDetections);
            }
            MonitorEvent withSnapshot = snapshotOf(event, null, event.startSnapshot);
            log("start", withSnapshot, null);
            remember(withSnapshot);
            for (EventListener l : listeners) {
                l.eventStarted(withSnapshot);
            }
        });
    }

    private void record(Frame frame, List<Detection> detections) throws InterruptedException {
        OpenEvent event = open;
        if (event == null) {
            return;
        }
        if (tracker.anyWatched(detections)) {
            noteSighting(event, frame, detections);
        }
        if (event.recorder != null) {
            record(event.recorder, frame, detections);
        }
    }

    /** A live source's clip drops what the writer cannot take; a file's waits for room. */
    private void record(AnnotatedRecorder recorder, Frame frame, List<Detection> detections)
            throws InterruptedException {
        if (live) {
            recorder.offer(frame, detections);
        } else {
            recorder.put(frame, detections);
        }
    }

    /** Adds the watched classes seen and keeps a copy of the frame if it beats the peak score. */
    private void noteSighting(OpenEvent event, Frame frame, List<Detection> detections) {
        double best = 0;
        for (Detection d : detections) {
            if (tracker.isWatched(d)) {
                event.classes.add(d.className());
                best = Math.max(best, d.score());
            }
        }
        if (best > event.peakScore) {
            event.peakScore = best;
            if (event.peakFrame != null) {
                event.peakFrame.close();
                event.peakIsStartFrame = false;
            }
            event.peakFrame = frame.copy();
            event.peakDetections = List.copyOf(detections);
        }
    }

    /** Ends the open event; the returned future completes once its end has been handed to the worker. */
    private CompletableFuture<?> endEvent() {
        OpenEvent event = open;
        open = null;
        if (event == null) {
            return CompletableFuture.completedFuture(null);
        }
        OffsetDateTime ended = OffsetDateTime.now();
        Frame peakFrame = event.peakFrame;
        List<Detection> peakDetections = event.peakDetections;
        event.peakFrame = null;
        Runnable finish = () -> {
            Snapshot best = event.startSnapshot;
            if (!event.peakIsStartFrame || best == null) {
                best = writeSnapshot(event, peakFrame, peakDetections);
            }
            if (peakFrame != null) {
                peakFrame.close();
            }
            MonitorEvent over = snapshotOf(event, ended, best);
            log("end", over, event.recorder == null ? null : event.recorder.framesWritten());
            remember(over);
            for (EventListener l : listeners) {
                l.eventEnded(over);
            }
        };
        if (event.recorder == null) {
            worker.execute(finish);
            return CompletableFuture.completedFuture(null);
        }
        // The clip is finalized in the background; the end line is written once it is.
        return event.recorder.finishAsync().whenComplete((summary, error) -> {
            if (summary != null && summary.failure() != null && event.clipError == null) {
                event.clipError = summary.failure();
            }
            worker.execute(finish);
        });
    }

    private Snapshot writeSnapshot(OpenEvent event, Frame frame, List<Detection> detections) {
        if (snapshots == null || frame == null) {
            return null;
        }
        try {
            return snapshots.write(frame, detections, source);
        } catch (IOException | RuntimeException e) {
            notifyError("event " + event.id + ": no snapshot: " + e.getMessage());
            return null;
        }
    }

    private MonitorEvent snapshotOf(OpenEvent event, OffsetDateTime ended, Snapshot snapshot) {
        return new MonitorEvent(event.id, event.started, ended, event.sourceSeconds, Set.copyOf(event.classes),
                event.peakScore, event.recorder == null ? null : event.recorder.path(),
                snapshot == null ? null : snapshot.image(), event.clipError,
                event.started.minusNanos((event.startMicros - event.clipStartMicros) * 1000));
    }

    private void remember(MonitorEvent event) {
        synchronized (recent) {
            recent.removeIf(e -> e.id() == event.id());
            recent.addLast(event);
            while (recent.size() > recentLimit) {
                recent.removeFirst();
            }
        }
    }

    /** Appends one JSON line; one write call per line so a crash never leaves half a line before a whole one. */
    private void log(String kind, MonitorEvent event, Long frames) {
        if (eventLog == null) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", kind);
        line.put("id", event.id());
        line.put("time", (event.ended() != null ? event.ended() : event.started())
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        if (event.ended() != null) {
            line.put("started", event.started().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        line.put("source", source);
        line.put("sourceSeconds", event.sourceSeconds());
        line.put("classes", new ArrayList<>(new TreeSet<>(event.classes())));
        line.put("peakScore", event.peakScore());
        line.put("clip", event.clip() == null ? null : event.clip().toString());
        line.put("snapshot", event.snapshot() == null ? null : event.snapshot().toString());
        if (frames != null) {
            line.put("clipFrames", frames);
        }
        if (event.clipError() != null) {
            line.put("clipError", event.clipError());
        }
        try {
            Path parent = eventLog.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            Files.write(eventLog, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            notifyError("cannot append to " + eventLog.toAbsolutePath() + ": " + e.getMessage());
        }
    }

    private void notifyError(String message) {
        for (EventListener l : listeners) {
            l.monitorError(message);
        }
    }

    /**
     * Ends an open event (its clip is finalized, its end line written), waits for the log and snapshots, and
     * releases the pre-roll; idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pendingEnds.add(endEvent());
        for (CompletableFuture<?> end : pendingEnds) {
            try {
                end.join();
            } catch (RuntimeException e) {
                notifyError("cannot finish an event: " + e.getMessage());
            }
        }
        pendingEnds.clear();
        ring.close();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Settings of an {@link EventMonitor}. */
    public static final class Builder {
        private final Set<String> watched;
        private int framesToConfirm = 3;
        private long preRollMicros = 3_000_000;
        private long postRollMicros = 5_000_000;
        private long preRollBytes = 256L << 20;
        private long clipQueueBytes = AnnotatedRecorder.DEFAULT_QUEUE_BYTES;
        private long maxClipMicros;
        private Path clipFolder = Path.of("recordings");
        private Path eventLog = Path.of("events.jsonl");
        private SnapshotWriter snapshots = new SnapshotWriter(SnapshotWriter.DEFAULT_FOLDER);
        private double frameRate;
        private boolean live = true;
        private String source = "";
        private EventListener listener;

        private Builder(Set<String> watched) {
            this.watched = Set.copyOf(watched);
        }

        /** Consecutive frames with a watched class before an event starts (default 3). */
        public Builder framesToConfirm(int value) {
            this.framesToConfirm = value;
            return this;
        }

        /** Video kept before the confirming frame (default 3 s). */
        public Builder preRollMillis(long value) {
            this.preRollMicros = value * 1000;
            return this;
        }

        /** Video kept after the last sighting; the event ends then (default 5 s). */
        public Builder postRollMillis(long value) {
            this.postRollMicros = value * 1000;
            return this;
        }

        /** Memory for the pre-roll; a large source gets a shorter pre-roll (default 256 MB). */
        public Builder preRollBytes(long value) {
            this.preRollBytes = value;
            return this;
        }

        /**
         * Memory for a clip's frames waiting for its encoder (default {@link AnnotatedRecorder#DEFAULT_QUEUE_BYTES});
         * when the encoder falls behind, further frames are dropped and counted. Keep it above the pre-roll's memory,
         * which is queued at once when an event starts.
         */
        public Builder clipQueueBytes(long value) {
            if (value <= 0) {
                throw new IllegalArgumentException("clip queue bytes must be positive: " + value);
            }
            this.clipQueueBytes = value;
            return this;
        }

        /**
         * The longest clip (0, the default: no limit): a presence that lasts longer is recorded as consecutive
         * clips of this length, each its own event of this monitor, with no frame lost between them.
         */
        public Builder maxClipMillis(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("max clip length cannot be negative: " + value);
            }
            this.maxClipMicros = value * 1000;
            return this;
        }

        /** Where clips go (default {@code recordings/}). */
        public Builder clipFolder(Path value) {
            this.clipFolder = Objects.requireNonNull(value);
            return this;
        }

        /** The JSON-lines log (default {@code events.jsonl}); {@code null}: none. */
        public Builder eventLog(Path value) {
            this.eventLog = value;
            return this;
        }

        /** Where event snapshots go (default {@code snapshots/}); {@code null}: none. */
        public Builder snapshots(SnapshotWriter value) {
            this.snapshots = value;
            return this;
        }

        /** The source's nominal frame rate, for the clips. */
        public Builder frameRate(double value) {
            this.frameRate = value;
            return this;
        }

        /** True (default) for cameras and streams; false for files, whose clips must not drop frames. */
        public Builder live(boolean value) {
            this.live = value;
            return this;
        }

        /** The source's description, for the log and snapshots. */
        public Builder source(String value) {
            this.source = Objects.requireNonNull(value);
            return this;
        }

        /** A first listener. */
        public Builder listener(EventListener value) {
            this.listener = value;
            return this;
        }

        /** Creates the monitor; nothing is written until an event starts. */
        public EventMonitor build() {
            new PresenceTracker(watched, framesToConfirm, postRollMicros); // validates the numbers
            return new EventMonitor(this);
        }
    }
}
