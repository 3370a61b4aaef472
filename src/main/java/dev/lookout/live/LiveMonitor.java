package dev.lookout.live;

import dev.lookout.capture.Frame;
import dev.lookout.detect.Detection;
import dev.lookout.record.EventListener;
import dev.lookout.record.EventMonitor;
import dev.lookout.record.SnapshotWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Watch mode on a live pipeline: an {@link EventMonitor} fed from the pipeline's frame tap on the capture thread.
 * The monitor copies what it keeps and never waits on the disk for a live source; stopping it (which finalizes an
 * open clip) happens on a thread of its own, and a frame arriving meanwhile simply skips the monitor, so capture is
 * never held up. A failure while feeding it reaches the listener's {@link EventListener#monitorError}.
 */
public final class LiveMonitor implements FrameTap {

    private final ReentrantLock feeding = new ReentrantLock();
    private final EventListener listener;
    private final Function<LiveDetections, List<Detection>> boxes;
    private volatile EventMonitor monitor;

    /**
     * @param frameRate the source's measured rate, for the clips
     * @param source the source's description, for the log and snapshots
     * @param listener hears events and errors on the monitor's threads
     */
    public LiveMonitor(WatchSettings settings, double frameRate, String source, EventListener listener) {
        this(EventMonitor.watching(settings.classes()).framesToConfirm(settings.confirmFrames())
                .preRollMillis(settings.preRollMillis()).postRollMillis(settings.postRollMillis())
                .clipFolder(settings.clipFolder()).eventLog(settings.eventLog())
                .snapshots(new SnapshotWriter(settings.snapshotFolder())).frameRate(frameRate).live(true)
                .source(source).listener(listener).build(), latest -> latest == null ? List.of()
                        : latest.result().detections(), listener);
    }

    /**
     * Feeds {@code monitor} (which this now owns) with each frame and the boxes {@code boxes} picks from the
     * newest detections (null before the first).
     */
    LiveMonitor(EventMonitor monitor, Function<LiveDetections, List<Detection>> boxes, EventListener listener) {
        this.monitor = monitor;
        this.boxes = boxes;
        this.listener = listener;
    }

    /** The monitor fed (null once stopped). */
    EventMonitor monitor() {
        return monitor;
    }

    @Override
    public void onFrame(Frame frame, LiveDetections latest) {
        // Only stop() competes for the lock; rather than wait for it, this frame skips the monitor.
        if (!feeding.tryLock()) {
            return;
        }
        try {
            if (monitor == null) {
                return;
            }
            monitor.accept(frame, boxes.apply(latest));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            listener.monitorError(e.getMessage() != null ? e.getMessage() : e.toString());
        } finally {
            feeding.unlock();
        }
    }

    /**
     * Stops feeding, then ends an open event (its clip finalized, its end line written) in the background.
     *
     * @return completes once everything is written
     */
    public CompletableFuture<Void> stop() {
        EventMonitor m;
        feeding.lock();
        try {
            m = monitor;
            monitor = null;
        } finally {
            feeding.unlock();
        }
        if (m == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(m::close, runnable -> {
            Thread t = new Thread(runnable, "lookout-monitor-stop");
            t.setDaemon(false); // an exit waits for the clip to be final
            t.start();
        });
    }
}
