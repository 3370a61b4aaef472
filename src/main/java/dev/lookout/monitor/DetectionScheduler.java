package dev.lookout.monitor;

import dev.lookout.capture.Frame;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.DetectionResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * Shares one detector among all cameras: it serves the cameras in turn (round robin, starting after the one served
 * last), each time the newest frame of the next camera that has one waiting and is within its rate cap. A camera
 * over its cap is passed over (its frame stays in its {@link FrameSlot} and is replaced by newer ones, counted as
 * skipped for the rate there; a frame replaced while the detector works on another is counted as skipped busy), so a busy or fast camera never delays the others by more than one detection each. Nothing is
 * queued. One thread calls {@link #serveOne()} (or {@link #run()}); cameras may be added from any thread.
 */
final class DetectionScheduler implements Runnable {

    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final BiFunction<Frame, DetectOptions, DetectionResult> detector;
    private final LongSupplier nanoClock;
    private final Object wake = new Object();
    private volatile boolean stopped;
    private int next;

    private static final class Client {
        final DetectionClient camera;
        long notBeforeNanos = Long.MIN_VALUE;

        Client(DetectionClient camera) {
            this.camera = camera;
        }
    }

    /**
     * @param detector detects one frame (the scheduler keeps the frame); the one model session of the monitor
     * @param nanoClock the time for the rate caps ({@code System::nanoTime}; a fake clock in tests)
     */
    DetectionScheduler(BiFunction<Frame, DetectOptions, DetectionResult> detector, LongSupplier nanoClock) {
        this.detector = detector;
        this.nanoClock = nanoClock;
    }

    void add(DetectionClient camera) {
        clients.add(new Client(camera));
    }

    /**
     * Detects the newest frame of the next eligible camera in turn; returns false when no camera had a frame it
     * may detect now.
     */
    boolean serveOne() {
        int n = clients.size();
        long now = nanoClock.getAsLong();
        for (int i = 0; i < n; i++) {
            Client c = clients.get((next + i) % n);
            if (now < c.notBeforeNanos || !c.camera.hasFrame()) {
                continue;
            }
            Frame frame = c.camera.takeNewest();
            if (frame == null) {
                continue;
            }
            next = (next + i + 1) % n;
            double rate = c.camera.maxRate();
            c.notBeforeNanos = rate > 0 ? now + Math.round(1e9 / rate) : Long.MIN_VALUE;
            c.camera.holdUntil(c.notBeforeNanos);
            try (frame) {
                DetectionResult result = detector.apply(frame, c.camera.detectOptions());
                c.camera.detected(frame, result);
            } catch (RuntimeException e) {
                c.camera.detectionFailed(e);
            }
            return true;
        }
        return false;
    }

    /** Tells the scheduler a frame is waiting (cheap; called by the cameras' threads). */
    void frameArrived() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** Serves cameras until {@link #stop()}; idles briefly (or until a frame arrives) when none is ready. */
    @Override
    public void run() {
        while (!stopped) {
            if (!serveOne()) {
                synchronized (wake) {
                    try {
                        wake.wait(5); // a rate cap ends without a frame arriving: look again soon
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    void stop() {
        stopped = true;
        frameArrived();
    }
}
