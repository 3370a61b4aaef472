package dev.lookout.live;

import dev.lookout.capture.Frame;
import dev.lookout.capture.FrameSource;
import dev.lookout.capture.MatImages;
import dev.lookout.capture.OpenCv;
import dev.lookout.capture.SourceState;
import dev.lookout.capture.SourceStateListener;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.DetectionResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The live detector without a screen: a capture thread reads the source and hands every frame to the display
 * ({@link #display()}), and a detection thread always runs on the NEWEST frame. Pacing, looping and reconnection
 * belong to the source (the capture package's decorators); the pipeline reads what it gives and passes the
 * source's {@link SourceState} on, adding OPENING, ENDED, OFFLINE and STOPPED. Frames that arrive
 * while the detector is busy replace the waiting one and are counted as skipped, never queued, so detections are
 * never late by more than one inference. Neither thread waits for the other or for the display.
 *
 * <p>The detector is loaded on the detection thread, so the video plays while the model loads. Sources are opened
 * on the capture thread. {@link #close()} stops both threads and releases the source and the detector.
 */
public final class LivePipeline implements AutoCloseable {

    private static final long JOIN_MILLIS = 700;
    private static final long DETECTION_JOIN_MILLIS = 10_000;

    private enum DetectorState { LOADING, READY, FAILED }

    private final LiveListener listener;
    private final LiveStats stats;
    private final DisplayBuffer display = new DisplayBuffer();
    private final AtomicReference<Frame> detectionSlot = new AtomicReference<>();
    private final AtomicReference<DetectOptions> options;
    private final AtomicLong sequence = new AtomicLong();
    private final Object pauseLock = new Object();
    private final Queue<CompletableFuture<Still>> stillRequests = new ConcurrentLinkedQueue<>();
    private final Thread detectionThread;
    private final Callable<? extends FrameDetector> detectorLoader;

    private volatile boolean running = true;
    private volatile boolean paused;
    private volatile DetectorState detectorState = DetectorState.LOADING;
    private volatile FrameDetector detector;
    private volatile LiveDetections latest;
    private volatile FrameTap tap;
    private volatile LiveTracking tracking;
    private volatile long sourceFirstSequence;
    private volatile Capture capture;

    /**
     * Starts the detection thread, which loads the detector; call {@link #play} to start a source.
     *
     * @param detectorLoader loads the detector (may take seconds); its failure is reported, the video goes on
     * @param initialOptions the detection options until {@link #setOptions} changes them
     * @param stats where the counters go
     * @param listener receives frames, detections and state changes
     */
    public LivePipeline(Callable<? extends FrameDetector> detectorLoader, DetectOptions initialOptions,
            LiveStats stats, LiveListener listener) {
        this.detectorLoader = Objects.requireNonNull(detectorLoader);
        this.options = new AtomicReference<>(Objects.requireNonNull(initialOptions));
        this.stats = Objects.requireNonNull(stats);
        this.listener = Objects.requireNonNull(listener);
        this.detectionThread = new Thread(this::detectionLoop, "lookout-detection");
        detectionThread.setDaemon(true);
        detectionThread.start();
    }

    /**
     * A frame in full resolution with the detections computed on it (for snapshots).
     *
     * @param image a copy of the frame's pixels that the receiver owns
     * @param detections the detections of exactly that frame
     */
    public record Still(BufferedImage image, LiveDetections detections) {
    }

    /**
     * Asks the detection thread for a copy of the frame it last detected, with its detections: what a snapshot
     * saves. Completes with {@code null} when no frame has been detected (the model is loading or failed).
     */
    public CompletableFuture<Still> requestStill() {
        CompletableFuture<Still> request = new CompletableFuture<>();
        if (detectorState != DetectorState.READY || !running) {
            request.complete(null);
            return request;
        }
        stillRequests.add(request);
        LockSupport.unpark(detectionThread);
        return request;
    }

    /** The frames waiting for the screen. */
    public DisplayBuffer display() {
        return display;
    }

    /** The session's counters. */
    public LiveStats stats() {
        return stats;
    }

    /** The sequence number of the first frame of the current source: older detections belong to another source. */
    public long sourceFirstSequence() {
        return sourceFirstSequence;
    }

    /** The detection options in force. */
    public DetectOptions options() {
        return options.get();
    }

    /** Changes the detection options; a paused or finished video is detected again with them. */
    public void setOptions(DetectOptions value) {
        options.set(Objects.requireNonNull(value));
        LockSupport.unpark(detectionThread);
    }

    /** Installs the hook that sees every captured frame (recording), or removes it with {@code null}. */
    public void setFrameTap(FrameTap value) {
        tap = value;
    }

    /**
     * Tracks objects with {@code value} (its own switch says whether it is on), or not at all with {@code null}.
     * Detections then come from the tracker: see {@link LiveTracking}.
     */
    public void setTracking(LiveTracking value) {
        tracking = value;
    }

    /** The tracking installed with {@link #setTracking}, or null. */
    public LiveTracking tracking() {
        return tracking;
    }

    /** Pauses or resumes: a paused file stops reading; a paused live source is read but its frames are dropped. */
    public void setPaused(boolean value) {
        paused = value;
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
    }

    /** True while paused. */
    public boolean isPaused() {
        return paused;
    }

    /** The loaded detector's class names, or an empty list while it loads. */
    public List<String> classNames() {
        FrameDetector d = detector;
        return d == null ? List.of() : d.classNames();
    }

    /** Opens a source for the pipeline; the source tells {@code states} about its own state changes. */
    @FunctionalInterface
    public interface SourceFactory {
        /** Opens the source, ready to read at its own pace; the caller owns and closes it. */
        FrameSource open(SourceStateListener states) throws IOException;
    }

    /**
     * Stops the current source (waiting up to about a second) and starts playing another one, opened on the
     * capture thread.
     *
     * @param description the source's name for the status bar and in every state, credentials masked
     */
    public synchronized void play(String description, SourceFactory factory) {
        if (!running) {
            throw new IllegalStateException("the pipeline is closed");
        }
        stopCapture();
        stats.framesNotShown(display.clear());
        sourceFirstSequence = sequence.get();
        Capture next = new Capture(description, factory);
        capture = next;
        next.thread.start();
    }

    /**
     * Stops every thread and releases the source and the detector; returns within about a second even when a
     * source hangs, or once the detection in progress ends (at most 10 s more). Idempotent.
     */
    @Override
    public void close() {
        running = false;
        // Synchronised with play(): a source being started right now is stopped too, not left running.
        synchronized (this) {
            closeLocked();
        }
    }

    private void closeLocked() {
        stopCapture();
        // No frame is published any more: the ones still waiting will never be shown, so the final count is exact.
        stats.framesNotShown(display.clear());
        detectionThread.interrupt();
        LockSupport.unpark(detectionThread);
        join(detectionThread, JOIN_MILLIS);
        if (detectionThread.isAlive()) {
            // An inference in progress cannot be interrupted, and the JVM's exit must not unload ONNX Runtime
            // under it (a crash in native code): on a loaded machine one run may take over a second.
            join(detectionThread, DETECTION_JOIN_MILLIS);
        }
        Frame left = detectionSlot.getAndSet(null);
        if (left != null) {
            left.close();
        }
    }

    /** True when both threads have ended (after {@link #close()}). */
    public boolean isStopped() {
        Capture c = capture;
        return !detectionThread.isAlive() && (c == null || !c.thread.isAlive());
    }

    private void stopCapture() {
        Capture c = capture;
        if (c == null) {
            return;
        }
        c.stopping = true;
        c.thread.interrupt();
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
        join(c.thread, JOIN_MILLIS);
        if (c.thread.isAlive()) {
            // The source is stuck in a read (a silent network peer): closing it from here unblocks it.
            c.closeSource();
            join(c.thread, 300);
        }
        Frame left = detectionSlot.getAndSet(null);
        if (left != null) {
            left.close();
        }
    }

    private static void join(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- detection

    private void detectionLoop() {
        Frame lastFrame = null;
        DetectOptions lastOptions = null;
        try {
            OpenCv.load();
            try {
                detector = detectorLoader.call();
            } catch (Exception | LinkageError e) {
                detectorState = DetectorState.FAILED;
                Frame waiting = detectionSlot.getAndSet(null);
                if (waiting != null) {
                    waiting.close();
                }
                listener.detectorFailed(describe(e));
                return;
            }
            if (!running) {
                return;
            }
            stats.provider(detector.provider());
            detectorState = DetectorState.READY;
            listener.detectorReady(detector.provider());
            while (running) {
                answerStillRequests(lastFrame);
                Frame next = detectionSlot.getAndSet(null);
                if (next != null) {
                    if (lastFrame != null) {
                        lastFrame.close();
                    }
                    lastFrame = next;
                    lastOptions = options.get();
                    detect(next, lastOptions, true);
                } else if (lastFrame != null && options.get() != lastOptions
                        && sequenceOf(lastFrame) >= sourceFirstSequence) {
                    // New options on a still picture (paused, or the end of a file): detect it again.
                    lastOptions = options.get();
                    detect(lastFrame, lastOptions, false);
                } else {
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(50));
                }
            }
        } finally {
            for (CompletableFuture<Still> r = stillRequests.poll(); r != null; r = stillRequests.poll()) {
                r.complete(null);
            }
            if (lastFrame != null) {
                lastFrame.close();
            }
            LiveTracking t = tracking;
            if (t != null) {
                t.endSession();
            }
            FrameDetector d = detector;
            if (d != null) {
                d.close();
            }
        }
    }

    private void answerStillRequests(Frame lastFrame) {
        for (CompletableFuture<Still> r = stillRequests.poll(); r != null; r = stillRequests.poll()) {
            LiveDetections d = latest;
            if (lastFrame == null || d == null || d.frameSequence() != sequenceOf(lastFrame)) {
                r.complete(null);
            } else {
                r.complete(new Still(MatImages.toBufferedImage(lastFrame.image(), null), d));
            }
        }
    }

    private void detect(Frame frame, DetectOptions detectOptions, boolean newFrame) {
        try {
            LiveTracking t = tracking;
            if (t != null && t.isEnabled() && !newFrame) {
                return; // a still picture detected again: the tracker has seen it already
            }
            DetectOptions query = t != null ? t.query(detectOptions) : detectOptions;
            DetectionResult result = detector.detect(frame.image(), query);
            long epoch = sourceFirstSequence;
            if (t != null && sequenceOf(frame) >= epoch) {
                result = t.track(epoch, frame.timestampMicros() / 1e6, result);
            }
            long done = System.nanoTime();
            if (newFrame) {
                stats.frameDetected(frame.capturedNanos(), done, result.timings().inferenceNanos());
            }
            LiveDetections d = new LiveDetections(sequenceOf(frame), frame.capturedNanos(), result);
            latest = d;
            listener.detectionsReady(d);
        } catch (RuntimeException e) {
            stats.detectionError();
            listener.detectorFailed("detection failed on frame " + frame.index() + ": " + describe(e));
        }
    }

    // The frame's pipeline sequence number rides in its index: the capture thread renumbers frames.
    private static long sequenceOf(Frame frame) {
        return frame.index();
    }

    // ---------------------------------------------------------------- capture

    /** One source being played by its own thread. */
    private final class Capture {
        final String description;
        final SourceFactory factory;
        final Thread thread;
        volatile boolean stopping;
        volatile FrameSource source;

        Capture(String description, SourceFactory factory) {
            this.description = description;
            this.factory = factory;
            this.thread = new Thread(this::run, "lookout-capture");
            thread.setDaemon(true);
        }

        boolean active() {
            return running && !stopping && !Thread.currentThread().isInterrupted();
        }

        void state(SourceState.Kind kind, String message) {
            listener.sourceStateChanged(SourceState.of(kind, description, message));
        }

        /** The source's own news (reconnecting, stalled, ...) under the name the user chose; none once stopped. */
        void sourceNews(SourceState state) {
            if (running && !stopping) {
                listener.sourceStateChanged(state.withSource(description));
            }
        }

        void closeSource() {
            FrameSource s = source;
            if (s != null) {
                s.close();
            }
        }

        void run() {
            state(SourceState.Kind.OPENING, "");
            // Here, not in the constructor: loading the natives takes ~0.5 s, never on the caller's (event) thread.
            OpenCv.load();
            try {
                source = factory.open(this::sourceNews);
            } catch (IOException | RuntimeException e) {
                if (active()) {
                    state(SourceState.Kind.OFFLINE, describe(e));
                }
                return;
            }
            try {
                playLoop();
            } catch (InterruptedException e) {
                // stopping
            } catch (RuntimeException | LinkageError e) {
                state(SourceState.Kind.OFFLINE, "playback failed: " + describe(e));
            } finally {
                closeSource();
                display.releaseScratch();
                if (!running || stopping) {
                    state(SourceState.Kind.STOPPED, "");
                }
            }
        }

        private void playLoop() throws InterruptedException {
            state(SourceState.Kind.LIVE, "");
            boolean any = false;
            while (active()) {
                if (paused && !source.isLive()) {
                    synchronized (pauseLock) {
                        while (paused && active()) {
                            pauseLock.wait(200);
                        }
                    }
                    continue;
                }
                Frame frame;
                try {
                    frame = source.read();
                } catch (IOException | RuntimeException e) {
                    if (active()) {
                        state(SourceState.Kind.OFFLINE, describe(e)); // a live source has already retried
                    }
                    return;
                }
                if (frame == null) {
                    if (active()) {
                        state(SourceState.Kind.ENDED, any ? "" : "the source has no frames");
                    }
                    return;
                }
                any = true;
                if (paused || !active()) {
                    frame.close(); // a paused live source: keep the connection fresh, show nothing
                    continue;
                }
                deliver(frame);
            }
        }

        /** Display, taps, then detection; the frame is handed over to the detection slot or closed here. */
        private void deliver(Frame captured) {
            long seq = sequence.getAndIncrement();
            // Renumbered with the pipeline's sequence, unique across loops and sources.
            Frame frame = captured.renumbered(seq, captured.timestampMicros(), captured.capturedNanos());
            boolean handedOff = false;
            try {
                stats.frameCaptured();
                if (display.publish(frame.image(), seq, frame.capturedNanos())) {
                    stats.frameNotShown();
                }
                listener.frameReady();
                FrameTap t = tap;
                if (t != null) {
                    try {
                        t.onFrame(frame, latest);
                    } catch (RuntimeException e) {
                        state(SourceState.Kind.LIVE, "recording hook failed: " + describe(e));
                    }
                }
                if (detectorState != DetectorState.FAILED) {
                    // While the model loads the slot still keeps the newest frame: the first detection runs on it
                    // as soon as the model is ready (a still image or a paused video gets its boxes too).
                    Frame replaced = detectionSlot.getAndSet(frame);
                    handedOff = true;
                    if (replaced != null) {
                        replaced.close();
                        if (detectorState == DetectorState.READY) {
                            stats.frameSkipped();
                        } else {
                            stats.frameBeforeModel();
                        }
                    }
                    LockSupport.unpark(detectionThread);
                }
            } finally {
                if (!handedOff) {
                    frame.close();
                }
            }
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
