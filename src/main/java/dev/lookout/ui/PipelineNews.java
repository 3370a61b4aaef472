package dev.lookout.ui;

import dev.lookout.capture.SourceState;
import dev.lookout.live.DisplayBuffer;
import dev.lookout.live.LiveDetections;
import dev.lookout.live.LiveListener;
import dev.lookout.live.LivePipeline;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * Hands the pipeline's news (from its capture and detection threads) to the event thread, coalescing frames and
 * detections so a slow screen never holds the pipeline up: frames are shown in order, one repaint at a time, and
 * only the newest detections are painted.
 */
final class PipelineNews implements LiveListener {

    private final VideoView video;
    private final OverlayView overlay;
    private final Consumer<SourceState> sourceStates;
    private final Consumer<String> detectorReady;
    private final Consumer<String> detectorFailed;
    private final AtomicReference<LiveDetections> pendingDetections = new AtomicReference<>();
    private final AtomicBoolean frameQueued = new AtomicBoolean();
    private volatile LivePipeline pipeline;

    /**
     * @param sourceStates shows a source state (event thread)
     * @param detectorReady hears the detector's execution provider once it is loaded (event thread)
     * @param detectorFailed hears why the detector failed (event thread)
     */
    PipelineNews(VideoView video, OverlayView overlay, Consumer<SourceState> sourceStates,
            Consumer<String> detectorReady, Consumer<String> detectorFailed) {
        this.video = video;
        this.overlay = overlay;
        this.sourceStates = sourceStates;
        this.detectorReady = detectorReady;
        this.detectorFailed = detectorFailed;
    }

    /** The pipeline whose display buffer the frames are taken from (set once it is built). */
    void attach(LivePipeline value) {
        pipeline = value;
    }

    @Override
    public void frameReady() {
        if (frameQueued.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(this::showNextFrame);
        }
    }

    /** Event thread: shows the oldest waiting frame; the next one comes after it has been painted. */
    private void showNextFrame() {
        frameQueued.set(false);
        DisplayBuffer.DisplayFrame f = pipeline.display().take();
        if (f == null) {
            return;
        }
        if (f.sequence() >= pipeline.sourceFirstSequence()) {
            video.show(f);
        } else {
            // A late frame of the previous source: the buffer now treats the image on screen as free, so stop
            // painting it.
            video.dropImage();
        }
        // The repaint just asked for is already queued, so a take queued now runs after this frame is painted.
        if (pipeline.display().hasPending() && frameQueued.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(this::showNextFrame);
        }
    }

    @Override
    public void detectionsReady(LiveDetections detections) {
        if (pendingDetections.getAndSet(detections) == null) {
            SwingUtilities.invokeLater(() -> {
                LiveDetections d = pendingDetections.getAndSet(null);
                if (d != null && d.frameSequence() >= pipeline.sourceFirstSequence()) {
                    overlay.setDetections(d);
                }
            });
        }
    }

    @Override
    public void sourceStateChanged(SourceState state) {
        SwingUtilities.invokeLater(() -> sourceStates.accept(state));
    }

    @Override
    public void detectorReady(String provider) {
        SwingUtilities.invokeLater(() -> detectorReady.accept(provider));
    }

    @Override
    public void detectorFailed(String message) {
        SwingUtilities.invokeLater(() -> detectorFailed.accept(message));
    }
}
