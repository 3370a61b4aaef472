package dev.lookout.monitor;

import dev.lookout.capture.Frame;
import dev.lookout.capture.FrameSource;
import dev.lookout.capture.FrameSources;
import dev.lookout.capture.OpenCv;
import dev.lookout.capture.SourceOptions;
import dev.lookout.capture.SourceState;
import dev.lookout.capture.UrlRedaction;
import dev.lookout.config.CameraConfig;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.DetectionResult;
import dev.lookout.notify.CameraCounts;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One monitored camera: its own thread reads the source (opened through the capture package, which paces and
 * loops files and reconnects cameras and streams with backoff), gates each frame on motion, hands frames with
 * motion (or while objects are tracked) to the shared detector through a {@link FrameSlot}, feeds its recorders
 * and paints the annotated JPEG. A source that cannot be opened is retried with backoff ({@link #FIRST_RETRY}
 * doubling to {@link #MAX_RETRY}); nothing here can stop another camera. The detector's results come back on the
 * scheduler's thread ({@link #detected}).
 */
final class MonitoredCamera implements CameraFeed, DetectionClient {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final CameraConfig config;
    private final String spec;
    private final SourceOptions options;
    private final CameraTracking tracking;
    private final EventSnapshots snapshots;
    private final Function<Double, List<CameraRecorder>> recordersFactory;
    private final MonitorLog log;
    private final Runnable frameArrived;
    private final Consumer<CameraCounts> countsListener;
    private final DetectOptions detectOptions;
    private final FrameSlot slot = new FrameSlot();
    private final AnnotatedFrames annotated = new AnnotatedFrames(5);
    private final List<CameraFrameListener> frameListeners = new CopyOnWriteArrayList<>();
    private final RateMeter frames = new RateMeter();
    private final RateMeter detections = new RateMeter();
    private final AtomicLong detected = new AtomicLong();
    private final AtomicLong noMotion = new AtomicLong();
    private final long originNanos = System.nanoTime();
    private final Object sourceLock = new Object();
    private final Thread thread;
    private volatile CameraStatus.State state = CameraStatus.State.STARTING;
    private volatile String problem;
    private volatile boolean stopped;
    private FrameSource source;
    private volatile List<CameraRecorder> recorders = List.of();
    private boolean recordersMade;
    private CameraCounts lastCounts;

    /**
     * @param spec the source to open (a file resolved against the configuration's folder)
     * @param snapshots writes each event's own pictures from the detected frames, or null for none
     * @param recordersFactory makes the camera's recorders (event clips, continuous recording) once the source's
     *     frame rate is known
     * @param countsListener hears the counts after each detection that changed them (scheduler thread)
     */
    MonitoredCamera(CameraConfig config, String spec, SourceOptions options, CameraTracking tracking,
            EventSnapshots snapshots, Function<Double, List<CameraRecorder>> recordersFactory, MonitorLog log,
            Runnable frameArrived, Consumer<CameraCounts> countsListener) {
        this.config = config;
        this.spec = spec;
        this.tracking = tracking;
        this.snapshots = snapshots;
        this.recordersFactory = recordersFactory;
        this.log = log;
        this.frameArrived = frameArrived;
        this.countsListener = countsListener;
        this.detectOptions = TrackerCandidates.options(config);
        this.options = options.withLoop(config.loop()).withCameraSize(config.size().orElse(null))
                .withStateListener(this::sourceState);
        this.thread = new Thread(this::run, "lookout-camera-" + config.name());
        thread.setDaemon(true);
    }

    void start() {
        log.state(name(), state, UrlRedaction.redact(spec));
        thread.start();
    }

    private void run() {
        try {
            OpenCv.load();
            watch();
        } catch (RuntimeException | Error e) {
            // a defect, not a source problem: say so and leave the other cameras running
            setState(CameraStatus.State.OFFLINE, "stopped by an internal error: " + e);
        }
    }

    private void watch() {
        Duration retry = FIRST_RETRY;
        try (MotionGate gate = new MotionGate(config.motion())) {
            while (!stopped) {
                FrameSource opened;
                try {
                    opened = FrameSources.open(spec, options);
                } catch (IOException | RuntimeException e) {
                    setState(CameraStatus.State.OFFLINE, e.getMessage() + "; trying again in " + retry.toSeconds() + " s");
                    if (!sleep(retry)) {
                        return;
                    }
                    retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
                    continue;
                }
                retry = FIRST_RETRY;
                if (!adopt(opened)) {
                    return;
                }
                if (!opened.isLive()) {
                    setState(CameraStatus.State.LIVE, "");
                }
                boolean ended = readAll(opened, gate);
                if (ended && !opened.isLive()) {
                    setState(CameraStatus.State.ENDED, "");
                    return;
                }
            }
        } finally {
            synchronized (sourceLock) {
                if (source != null) {
                    source.close();
                }
            }
        }
    }

    /** Reads until the source ends (true) or fails (false, after the state says why). */
    private boolean readAll(FrameSource opened, MotionGate gate) {
        try (opened) {
            while (!stopped) {
                Frame frame = opened.read();
                if (frame == null) {
                    return true;
                }
                try (frame) {
                    take(frame, gate);
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            if (!stopped) {
                setState(CameraStatus.State.OFFLINE, e.getMessage());
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
            return false;
        }
    }

    private void take(Frame frame, MotionGate gate) throws InterruptedException {
        frames.tick();
        // edited lines and zones take effect (and show in the overlay) at the next detection: ask for one
        if (gate.moved(frame.image()) || tracking.hasLiveTracks() || tracking.regionsPending()) {
            slot.offer(frame.copy());
            frameArrived.run();
        } else {
            noMotion.incrementAndGet();
        }
        for (CameraRecorder r : recorders) {
            r.accept(frame, tracking.tracked());
        }
        annotated.offer(frame.image(), tracking.tracked(), tracking.overlay());
        for (CameraFrameListener l : frameListeners) {
            try {
                l.frame(frame, tracking.tracked(), tracking.overlay());
            } catch (RuntimeException e) {
                // a reader's failure is its own; the camera goes on
            }
        }
    }

    private boolean adopt(FrameSource opened) {
        synchronized (sourceLock) {
            if (stopped) {
                opened.close();
                return false;
            }
            source = opened;
            if (!recordersMade) {
                double rate = opened.frameRate();
                recorders = List.copyOf(recordersFactory.apply(rate > 0 ? rate : 25.0));
                recordersMade = true;
            }
            return true;
        }
    }

    private void sourceState(SourceState s) {
        CameraStatus.State mapped = switch (s.kind()) {
            case OPENING -> CameraStatus.State.STARTING;
            case LIVE -> CameraStatus.State.LIVE;
            case STALLED -> CameraStatus.State.STALLED;
            case RECONNECTING -> CameraStatus.State.RECONNECTING;
            case OFFLINE -> CameraStatus.State.OFFLINE;
            case ENDED, STOPPED -> CameraStatus.State.ENDED;
        };
        setState(mapped, s.message());
    }

    private void setState(CameraStatus.State next, String message) {
        String m = message == null || message.isBlank() ? null : UrlRedaction.redact(message);
        if (next != state || (m != null && !m.equals(problem))) {
            state = next;
            if (m != null) {
                problem = m;
            }
            log.state(name(), next, m);
        }
    }

    private boolean sleep(Duration d) {
        synchronized (sourceLock) {
            try {
                long until = System.nanoTime() + d.toNanos();
                while (!stopped && System.nanoTime() < until) {
                    sourceLock.wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return !stopped;
        }
    }

    /** Stops reading: the source is closed (which ends a blocked read) and the thread joined. */
    void stopReading() throws InterruptedException {
        synchronized (sourceLock) {
            stopped = true;
            if (source != null) {
                source.close();
            }
            sourceLock.notifyAll();
        }
        thread.join(15_000);
    }

    /** After {@link #stopReading} and once the scheduler has stopped: live tracks end, every file is finalized. */
    void finish() {
        tracking.finish();
        slot.close();
        if (snapshots != null) {
            snapshots.close(); // after the last events: what waits is written, and their rows get the files
        }
        recorders.forEach(CameraRecorder::close);
    }

    /** Counts these lines and zones from the next detected frame on, without stopping the camera. Any thread. */
    void setRegions(dev.lookout.track.zones.Regions regions) {
        tracking.setRegions(regions);
    }

    // --- DetectionClient (scheduler thread) ---

    @Override
    public Frame takeNewest() {
        return slot.take();
    }

    @Override
    public boolean hasFrame() {
        return slot.hasFrame();
    }

    @Override
    public DetectOptions detectOptions() {
        return detectOptions;
    }

    @Override
    public double maxRate() {
        return config.detectFps().orElse(0.0);
    }

    @Override
    public void holdUntil(long nanos) {
        slot.holdUntil(nanos);
    }

    @Override
    public void detected(Frame frame, DetectionResult result) {
        double seconds = Math.max(0, frame.capturedNanos() - originNanos) / 1e9;
        if (snapshots != null) {
            snapshots.lend(frame, () -> tracking.update(seconds, result));
        } else {
            tracking.update(seconds, result);
        }
        detected.incrementAndGet();
        detections.tick();
        CameraCounts now = tracking.counts();
        if (!now.equals(lastCounts)) {
            lastCounts = now;
            countsListener.accept(now);
        }
    }

    @Override
    public void detectionFailed(RuntimeException e) {
        setState(state, "detection failed: " + e.getMessage());
    }

    // --- CameraFeed (any thread) ---

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public CameraStatus status() {
        return new CameraStatus(state, UrlRedaction.redact(config.source()), frames.perSecond(),
                detections.perSecond(), detected.get(), slot.skippedBusy(), slot.skippedRate(), noMotion.get(), problem);
    }

    @Override
    public Optional<byte[]> latestJpeg() {
        return annotated.latest();
    }

    @Override
    public AutoCloseable onFrame(Consumer<byte[]> jpegListener) {
        return annotated.listen(jpegListener);
    }

    @Override
    public AutoCloseable onCameraFrame(CameraFrameListener listener) {
        frameListeners.add(listener);
        return () -> frameListeners.remove(listener);
    }

    @Override
    public CameraCounts counts() {
        return tracking.counts();
    }
}
