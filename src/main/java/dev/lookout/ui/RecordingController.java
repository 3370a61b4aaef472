package dev.lookout.ui;

import dev.lookout.detect.ClassNames;
import dev.lookout.live.FrameTap;
import dev.lookout.live.FrameTaps;
import dev.lookout.live.ObjectWatch;
import dev.lookout.live.LiveStats;
import dev.lookout.live.SnapshotTrigger;
import dev.lookout.live.WatchSettings;
import dev.lookout.record.EventListener;
import dev.lookout.record.MonitorEvent;
import dev.lookout.record.SnapshotWriter;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

/**
 * What the window writes: the recording (R, the record button, {@code --record}) with its REC indicator,
 * snapshots (S, and automatic ones with {@code --snapshot-on}), and watch mode (the Watch… button, {@code --watch})
 * with its event list. Watching is object-based ({@link ObjectWatch}): it turns tracking on, and each watched
 * object gets one event in the event log while the clips are shared by overlapping objects. Each is a {@link FrameTap} on the pipeline while it runs. {@link #shutdown()} stops them all;
 * what they still write finishes in the background ({@link #awaitFinished}). Event thread only, except where noted.
 */
final class RecordingController {

    private final WindowParts parts;
    private final LiveStats stats;
    private final SourceController source;
    private final TrackingControls tracking;
    private final FrameTaps taps = new FrameTaps();
    private final List<CompletableFuture<Void>> stopping = new ArrayList<>();
    private boolean shutDown;

    private FrameTap recordingTap;
    private Path recordingFile;
    private long recordingStartNanos;

    private WatchSettings watchSettings = WatchSettings.defaults(Set.of("person"));
    private Set<String> required = Set.of();
    private ObjectWatch monitor;
    private SnapshotTrigger snapshotTrigger;

    RecordingController(WindowParts parts, LiveStats stats, SourceController source, TrackingControls tracking) {
        this.parts = parts;
        this.stats = stats;
        this.source = source;
        this.tracking = tracking;
        parts.pipeline().setFrameTap(taps);
        RecordingControl recording = parts.config().recording();
        if (recording != null) {
            recording.onProblem(message -> SwingUtilities.invokeLater(() -> {
                // The live view goes on; only the recording stopped.
                stopRecordingTap();
                parts.controls().showRecording(false);
                parts.banner().show(Banner.Level.ERROR, message, null, null);
            }));
        }
    }

    // ------------------------------------------------------------------ recording

    /** Starts recording as soon as the first frame is on screen (its size and rate are known). */
    void recordWhenFramesFlow() {
        whenFramesFlow(() -> {
            RecordingControl recording = parts.config().recording();
            if (recording != null && !recording.isRecording()) {
                toggleRecording();
            }
        });
    }

    /** Starts or stops the recording. */
    void toggleRecording() {
        RecordingControl recording = parts.config().recording();
        if (recording == null) {
            return;
        }
        Banner banner = parts.banner();
        try {
            if (recording.isRecording()) {
                stopRecordingTap();
                Path file = recording.stop();
                parts.controls().showRecording(false);
                if (file != null) {
                    banner.show(Banner.Level.INFO, "Recording saved: " + file, null, null);
                }
            } else {
                Path file = recording.start(stats.captured() > 0 ? Math.max(1, measuredFps()) : 25);
                recordingTap = recording.frameTap();
                taps.add(recordingTap);
                recordingFile = file;
                recordingStartNanos = System.nanoTime();
                refreshRecordingIndicator();
                parts.controls().showRecording(true);
                if (banner.level() == Banner.Level.ERROR && banner.message().startsWith("Recording")) {
                    banner.hideBanner(); // an earlier recording failure is no longer news
                }
            }
        } catch (Exception e) {
            parts.controls().showRecording(recording.isRecording());
            banner.show(Banner.Level.ERROR, "Recording failed: " + WindowParts.describe(e), null, null);
        }
    }

    private void stopRecordingTap() {
        if (recordingTap != null) {
            taps.remove(recordingTap);
            recordingTap = null;
        }
        recordingFile = null;
        parts.status().setRecording(null, null, 0, 0);
    }

    /** The REC indicator: elapsed time, file, codec and dropped frames (twice a second with the status bar). */
    void refreshRecordingIndicator() {
        RecordingControl recording = parts.config().recording();
        if (recordingFile == null || recording == null) {
            parts.status().setRecording(null, null, 0, 0);
            return;
        }
        long elapsed = (System.nanoTime() - recordingStartNanos) / 1_000_000_000L;
        parts.status().setRecording(recordingFile, recording.format(), elapsed, recording.framesDropped());
    }

    // ------------------------------------------------------------------ snapshots

    /** Saves the frame the boxes on screen were computed on, at full resolution, with its detections. */
    void snapshot() {
        SnapshotControl snapshots = parts.config().snapshots();
        BufferedImage shown = parts.video().image();
        if (snapshots == null || shown == null) {
            return;
        }
        // Without detections yet, the picture on screen (scaled) is all there is; keep a copy of it now.
        BufferedImage screenCopy = new BufferedImage(shown.getWidth(), shown.getHeight(), shown.getType());
        screenCopy.setData(shown.getRaster());
        long number = parts.video().sequence();
        String description = source.description();
        parts.pipeline().requestStill().thenAcceptAsync(still -> {
            try {
                Path file = still != null
                        ? snapshots.save(still.image(), still.detections().result().detections(), description,
                                still.detections().frameSequence())
                        : snapshots.save(screenCopy, List.of(), description, number);
                SwingUtilities.invokeLater(() -> parts.status().showNotice("Saved " + file.getFileName()));
            } catch (Exception e) {
                SwingUtilities.invokeLater(() -> parts.banner().show(Banner.Level.ERROR,
                        "Snapshot failed: " + WindowParts.describe(e), null, null));
            }
        }, parts.worker());
    }

    /**
     * Takes a snapshot into {@code folder} each time one of {@code classes} appears (debounced like a watch: present
     * after {@code confirmFrames} detections, a new appearance only after {@code postRollMillis} without one).
     */
    void snapshotOn(Set<String> classes, int confirmFrames, long postRollMillis, Path folder) {
        stopSnapshotTrigger();
        snapshotTrigger = new SnapshotTrigger(classes, confirmFrames, postRollMillis, new SnapshotWriter(folder),
                source.description(), parts.pipeline()::requestStill,
                shot -> SwingUtilities.invokeLater(() ->
                        parts.status().showNotice("Saved " + shot.image().getFileName())),
                message -> SwingUtilities.invokeLater(() ->
                        parts.banner().show(Banner.Level.ERROR, message, null, null)));
        taps.add(snapshotTrigger);
    }

    private void stopSnapshotTrigger() {
        if (snapshotTrigger != null) {
            taps.remove(snapshotTrigger);
            SnapshotTrigger trigger = snapshotTrigger;
            snapshotTrigger = null;
            background(CompletableFuture.runAsync(trigger::close)); // may wait for a pending still
        }
    }

    // ------------------------------------------------------------------ watching

    /** Sets the defaults the Watch… button uses (folders, debouncing); the command line's options. */
    void setWatchSettings(WatchSettings value) {
        watchSettings = value;
    }

    /** The zone or line names an object must enter or cross before its event opens (from the next watch on). */
    void setRequiredRegions(Set<String> names) {
        required = Set.copyOf(names);
    }

    /** Starts watching for {@code settings.classes()}; replaces a watch already running. */
    void startWatching(WatchSettings settings) {
        watchSettings = settings;
        stopWatching();
        EventsPanel events = parts.events();
        events.setTitle("Watching " + String.join(", ", new TreeSet<>(settings.classes())));
        events.setEmptyText("<html><center>No events yet.<br>A clip is recorded while a tracked "
                + String.join(" or ", new TreeSet<>(settings.classes()))
                + (required.isEmpty() ? "" : " that went into " + String.join(" or ", new TreeSet<>(required)))
                + " is in view.</center></html>");
        tracking.setTracking(true); // one event per object needs the objects' identities
        events.setVisible(true);
        parts.controls().showWatching(settings.classes());
        parts.frame().revalidate();
        Runnable start = () -> {
            if (shutDown || monitor != null || !watchSettings.equals(settings) || !parts.controls().isWatching()) {
                return;
            }
            try {
                // The clip's timing comes from the frames; the rate only tunes the encoder (0: its default).
                double fps = stats.captured() > 0 ? measuredFps() : 0;
                monitor = new ObjectWatch(settings, required, fps, source.description(), new EventNews());
                taps.add(monitor);
                parts.pipeline().tracking().setObserver(monitor);
            } catch (RuntimeException e) {
                parts.controls().showWatching(Set.of());
                parts.banner().show(Banner.Level.ERROR, "Cannot watch: " + WindowParts.describe(e), null, null);
            }
        };
        if (source.started()) {
            start.run(); // at once, so the pre-roll holds the frames from the very first one
        } else {
            whenFramesFlow(start); // not opened yet: the source's name is not known
        }
    }

    /** Stops watching; an open event ends (its clip is finalized in the background). */
    void stopWatching() {
        parts.controls().showWatching(Set.of());
        if (monitor != null) {
            parts.pipeline().tracking().setObserver(null);
            taps.remove(monitor);
            ObjectWatch m = monitor;
            monitor = null;
            background(m.stop());
            parts.events().setTitle("Events (not watching)");
        }
    }

    /** True while a watch runs. */
    boolean isWatching() {
        return monitor != null;
    }

    /** The Watch… button: asks which classes to watch. */
    void chooseWatchedClasses() {
        parts.controls().showWatching(monitor != null ? watchSettings.classes() : Set.of());
        String current = String.join(", ", new TreeSet<>(watchSettings.classes()));
        Object answer = JOptionPane.showInputDialog(parts.frame(),
                "One event per tracked object of these classes, with a clip while any is in view\n"
                        + "(comma-separated, e.g. person, car). Clear the field to stop watching.",
                monitor != null ? "Watching" : "Watch", JOptionPane.PLAIN_MESSAGE, null, null, current);
        if (answer == null) {
            return;
        }
        Set<String> wanted = ClassNames.parse(answer.toString());
        if (wanted.isEmpty()) {
            stopWatching();
            return;
        }
        List<String> known = parts.pipeline().classNames();
        List<String> unknown = wanted.stream().filter(c -> !known.isEmpty() && !known.contains(c)).toList();
        if (!unknown.isEmpty()) {
            parts.banner().show(Banner.Level.WARNING, "Cannot watch unknown class " + String.join(", ", unknown)
                    + ": Coco-SSD knows " + String.join(", ", known) + ".", null, null);
            return;
        }
        startWatching(watchSettings.withClasses(wanted));
    }

    /** The monitor's news (on its threads) handed to the event list and the banner on the event thread. */
    private final class EventNews implements EventListener {
        @Override
        public void eventStarted(MonitorEvent event) {
            SwingUtilities.invokeLater(() -> parts.events().update(event));
        }

        @Override
        public void eventEnded(MonitorEvent event) {
            SwingUtilities.invokeLater(() -> parts.events().update(event));
        }

        @Override
        public void monitorError(String message) {
            SwingUtilities.invokeLater(() -> parts.banner().show(Banner.Level.ERROR, "Watch: " + message, null,
                    null));
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /** Stops the recording, the watch and automatic snapshots; their files are finished in the background. */
    void shutdown() {
        shutDown = true;
        RecordingControl recording = parts.config().recording();
        if (recording != null && recording.isRecording()) {
            stopRecordingTap();
            try {
                recording.stop();
            } catch (Exception e) {
                parts.banner().show(Banner.Level.ERROR, "Could not finish the recording: " + WindowParts.describe(e),
                        null, null);
            }
        }
        stopWatching();
        stopSnapshotTrigger();
    }

    /**
     * Waits up to {@code millis} for what stopping started in the background: event clips being finalized, event
     * log lines and automatic snapshots being written (any thread but the event thread).
     */
    void awaitFinished(long millis) {
        List<CompletableFuture<Void>> pending;
        synchronized (stopping) {
            pending = List.copyOf(stopping);
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(millis, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // each monitor has reported its own failures; exiting goes on
        }
    }

    private void background(CompletableFuture<Void> work) {
        synchronized (stopping) {
            stopping.add(work);
        }
    }

    /** Runs {@code action} on the event thread once the first frame is on screen (its size and rate are known). */
    private void whenFramesFlow(Runnable action) {
        Timer wait = new Timer(200, null);
        wait.addActionListener(e -> {
            if (shutDown) {
                wait.stop();
            } else if (parts.video().image() != null) {
                wait.stop();
                action.run();
            }
        });
        wait.start();
    }

    private double measuredFps() {
        double seconds = (System.nanoTime() - stats.startNanos()) / 1e9;
        return seconds > 0 ? stats.captured() / seconds : 25;
    }
}
