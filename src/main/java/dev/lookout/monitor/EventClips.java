package dev.lookout.monitor;

import dev.lookout.capture.Frame;
import dev.lookout.config.CameraConfig;
import dev.lookout.detect.Detection;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventSink;
import dev.lookout.record.EventListener;
import dev.lookout.record.EventMonitor;
import dev.lookout.record.MonitorEvent;
import dev.lookout.store.EventStore;
import dev.lookout.store.Recording;
import dev.lookout.store.RecordingKind;
import dev.lookout.store.StorageLayout;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * One camera's event clips in the storage layout ({@code clips/<camera>/}): the {@code record} package's
 * {@link EventMonitor} (pre-roll ring, one clip per presence of a watched class, post-roll) fed with every frame and
 * the camera's tracked boxes. Each clip is registered in the store as it starts and when it is final, and every
 * object event gets the clip of the presence it belongs to ({@link EventFiles}), also when it appears after its last
 * change. Snapshots are each event's own ({@link EventSnapshots}), not the presence's. Frames are fed by the
 * camera's reading thread; never waits on the disk.
 *
 * <p>The monitor's frames (pre-roll ring, best frame) belong to the reading thread while it feeds them; {@link #accept}
 * and {@link #close} are serialized on this object, so a reading thread that outlives the monitor's wait for it
 * never feeds a monitor whose frames {@code close} is releasing, and its later frames are ignored.
 */
final class EventClips implements CameraRecorder {

    /** Pre-roll memory per camera: a few seconds of 720p; older frames leave the ring first. */
    static final long PRE_ROLL_BYTES = 48L << 20;
    /**
     * Per open clip: the pre-roll plus a few seconds of frames, so that with several cameras and a starved encoder
     * memory stays bounded well below the recorder's single-source default (the 10-minute soak grew to 0.9 GB).
     */
    static final long CLIP_QUEUE_BYTES = 64L << 20;

    /** The longest clip: continuous activity is cut into clips of this length (each event knows its span). */
    static final java.time.Duration MAX_CLIP = java.time.Duration.ofMinutes(5);

    private final String camera;
    private final List<String> watched;
    private final EventMonitor monitor;
    private final EventFiles files;
    private boolean closed; // guarded by this

    EventClips(CameraConfig config, StorageLayout layout, EventStore store, double frameRate,
            Consumer<String> problems) {
        this.camera = config.name();
        this.watched = config.watch();
        Path clips = layout.folder(RecordingKind.CLIP, camera);
        this.files = new EventFiles(store, config.preRoll(), config.postRoll());
        this.monitor = EventMonitor.watching(new HashSet<>(watched)).framesToConfirm(1)
                .preRollMillis(config.preRoll().toMillis()).postRollMillis(config.postRoll().toMillis())
                .preRollBytes(PRE_ROLL_BYTES).clipQueueBytes(CLIP_QUEUE_BYTES)
                .maxClipMillis(MAX_CLIP.toMillis()).clipFolder(clips).eventLog(null).snapshots(null)
                .frameRate(frameRate).live(true).source(camera).listener(new EventListener() {
                    @Override
                    public void eventStarted(MonitorEvent e) {
                        if (e.clip() != null) {
                            store.addRecording(new Recording(camera, e.clip(), RecordingKind.CLIP,
                                    e.clipStarted().toInstant(), null, 0));
                        }
                        files.filesKnown(e);
                    }

                    @Override
                    public void eventEnded(MonitorEvent e) {
                        if (e.clip() != null) {
                            store.recordingFinished(e.clip(), e.ended().toInstant());
                        }
                        files.filesKnown(e);
                    }

                    @Override
                    public void monitorError(String message) {
                        problems.accept(message);
                    }
                }).build();
    }

    /** True when the camera watches any class (otherwise no clips are made and nothing need be fed). */
    static boolean wanted(CameraConfig config) {
        return !config.watch().isEmpty();
    }

    /** Feeds one frame (the caller keeps it) with the camera's tracked boxes; ignored once closed. */
    @Override
    public synchronized void accept(Frame frame, List<Detection> tracked) throws InterruptedException {
        if (closed) {
            return;
        }
        monitor.accept(frame, tracked.stream().filter(d -> watched.contains(d.className())).toList());
    }

    /** {@code next} with each event's clip added (see {@link EventFiles}). */
    EventSink attachingFiles(EventSink next) {
        return change -> {
            EventChange with = files.attach(change, openEvent());
            next.onEvent(with);
            files.passed(with); // its span, once the change has reached the store
        };
    }

    /**
     * The record package's event being recorded, or null: known at once from its monitor (its listener hears of
     * the clip only after the start snapshot is written, which may be after the first object events).
     */
    private MonitorEvent openEvent() {
        // the list is in order of last change: an event whose clip is finalized after the next one has started
        // comes after it, so the open one is looked for, not taken from the end
        MonitorEvent open = null;
        for (MonitorEvent e : monitor.recentEvents()) {
            if (!e.isOver() && (open == null || e.id() > open.id())) {
                open = e;
            }
        }
        return open;
    }

    /**
     * Ends the open event (its clip is finalized and registered) and releases the pre-roll, after a frame being fed
     * has been taken; idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        monitor.close();
    }
}
