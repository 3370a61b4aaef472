package dev.lookout.ui;

import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.ClassNames;
import dev.lookout.live.LivePipeline;
import dev.lookout.live.LiveStats;
import dev.lookout.live.LiveTracking;
import dev.lookout.live.WatchSettings;
import dev.lookout.track.TrackerConfig;
import dev.lookout.track.zones.Regions;
import dev.lookout.notify.mqtt.MqttSettings;
import dev.lookout.ui.remote.RemoteEventsOpener;
import dev.lookout.ui.remote.RemoteEventsWindow;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.swing.JFrame;
import javax.swing.JLayeredPane;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;

/**
 * The live detector's main window: the video with Coco-SSD's boxes on a transparent layer above it, a toolbar, a
 * banner for problems and a status bar. It drives a {@link LivePipeline} and composes the parts that do the work:
 * the {@link SourceController} (what plays, the source menu, the demo fall-back, the source's state), the
 * {@link RecordingController} (recording, snapshots, watch mode), {@link KeyBindings} and {@link FullScreen}. The
 * pipeline's threads never touch Swing: {@link PipelineNews} hands their news to the event thread.
 *
 * <p>Create, use and close it on the event thread only.
 */
public final class LiveWindow {

    private final LiveConfig config;
    private final LiveStats stats;
    private final LivePipeline pipeline;
    private final JFrame frame = new JFrame("Lookout");
    private final VideoView video;
    private final OverlayView overlay;
    private final VideoStage stage;
    private final ControlBar controls = new ControlBar();
    private final Banner banner = new Banner();
    private final StatusBar status = new StatusBar();
    private final EventsPanel events = new EventsPanel();
    private final LiveTracking tracking = new LiveTracking(TrackerConfig.DEFAULTS);
    private final TrackingControls trackingControls;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lookout-control");
        t.setDaemon(true);
        return t;
    });
    private final SourceController source;
    private final RecordingController outputs;
    private final FullScreen fullScreen;
    private final RemoteEventsOpener remoteEvents = new RemoteEventsOpener(frame);
    private final Timer statusTimer;
    private final CountDownLatch closed = new CountDownLatch(1);
    private Timer durationTimer;
    private boolean shutDown;

    /** Builds the window and starts loading the detector; {@link #open} shows it and starts the source. */
    public LiveWindow(LiveConfig config) {
        this.config = config;
        this.stats = new LiveStats(config.launchNanos());
        this.video = new VideoView(stats);
        this.overlay = new OverlayView(video, tracking.painter(), stats);
        this.stage = new VideoStage(video, overlay);
        SourceController[] sourceRef = new SourceController[1];
        PipelineNews news = new PipelineNews(video, overlay, state -> sourceRef[0].stateChanged(state),
                this::detectorReady, this::detectorFailed);
        this.pipeline = new LivePipeline(config.detectorLoader(), config.options(), stats, news);
        news.attach(pipeline);
        pipeline.setTracking(tracking);
        if (config.recording() != null) {
            config.recording().setPainter(tracking.painter()); // recordings show what the overlay shows
        }
        WindowParts parts = new WindowParts(config, pipeline, frame, video, overlay, controls, banner, status, events,
                worker);
        this.source = new SourceController(parts);
        sourceRef[0] = source;
        source.offerRemoteEvents(remoteEvents::ask);
        this.trackingControls = new TrackingControls(tracking, config.settings(), source::spec, video, status, banner);
        this.outputs = new RecordingController(parts, stats, source, trackingControls);
        trackingControls.watchingWhen(outputs::isWatching);
        trackingControls.onTrackingChange(on -> {
            // while tracking, the tracker's own thresholds choose the boxes
            controls.minScore.setEnabled(!on);
            controls.maxBoxes.setEnabled(!on);
            controls.minScore.setToolTipText(on ? "Tracking chooses boxes with its own thresholds (Tracking menu)"
                    : "Only show detections scoring above this");
        });
        trackingControls.refresh();
        this.fullScreen = new FullScreen(frame, controls, status);
        this.statusTimer = new Timer(500, e -> {
            status.refresh(stats);
            outputs.refreshRecordingIndicator();
            trackingControls.refresh();
        });
        layoutWindow();
        wireControls();
        KeyBindings.install(frame.getRootPane(), new KeyBindings.Actions(
                () -> source.setPaused(!pipeline.isPaused()), fullScreen::toggle, outputs::snapshot,
                outputs::toggleRecording, () -> fullScreen.set(false), this::close));
        showOptions(config.options());
    }

    private void layoutWindow() {
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                close();
            }
        });
        stage.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                double scale = stage.getGraphicsConfiguration() == null ? 1
                        : stage.getGraphicsConfiguration().getDefaultTransform().getScaleX();
                pipeline.display().setTargetSize((int) Math.round(stage.getWidth() * scale),
                        (int) Math.round(stage.getHeight() * scale));
            }
        });
        stage.setFocusable(true);
        stage.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                stage.requestFocusInWindow();
            }

            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    fullScreen.toggle();
                }
            }
        });
        JPanel center = new JPanel(new BorderLayout());
        center.add(banner, BorderLayout.NORTH);
        center.add(stage, BorderLayout.CENTER);
        events.setVisible(false);
        events.onOpen(new DesktopOpener(banner, worker)::open);
        // Beside the video: the watch's events above the lines' and zones' counts (each hidden when not in use).
        JPanel side = new JPanel(new BorderLayout());
        side.add(events, BorderLayout.CENTER);
        side.add(trackingControls.counts(), BorderLayout.SOUTH);
        center.add(side, BorderLayout.EAST);
        stage.add(trackingControls.editor(), JLayeredPane.MODAL_LAYER);
        controls.add(trackingControls.button(), controls.getComponentIndex(controls.watch) + 1);
        frame.getContentPane().add(controls, BorderLayout.NORTH);
        frame.getContentPane().add(center, BorderLayout.CENTER);
        frame.getContentPane().add(status, BorderLayout.SOUTH);
        status.setSource("Starting", SourceController.IDLE, "");
        frame.pack();
        int[] b = config.settings().windowBounds();
        if (b != null && b[2] >= 480 && b[3] >= 360) {
            frame.setBounds(b[0], b[1], b[2], b[3]);
        } else {
            frame.setSize(1200, 820);
            frame.setLocationRelativeTo(null);
        }
        frame.setMinimumSize(new Dimension(640, 420));
    }

    private void wireControls() {
        controls.source.addActionListener(e -> source.showMenu());
        controls.pause.addActionListener(e -> source.setPaused(controls.pause.isSelected()));
        controls.minScore.addChangeListener(e -> {
            controls.showMinScoreLabel();
            applyOptions(pipeline.options().withMinScore(controls.minScore.getValue() / 100.0));
        });
        controls.maxBoxes.addChangeListener(e ->
                applyOptions(pipeline.options().withMaxNumBoxes((Integer) controls.maxBoxes.getValue())));
        controls.classes.addActionListener(e -> applyClassFilter());
        controls.classes.addFocusListener(new FocusAdapter() {
            @Override
            public void focusLost(FocusEvent e) {
                applyClassFilter();
            }
        });
        controls.snapshot.addActionListener(e -> outputs.snapshot());
        controls.record.addActionListener(e -> outputs.toggleRecording());
        controls.watch.addActionListener(e -> outputs.chooseWatchedClasses());
        controls.theme.addActionListener(e -> toggleTheme());
        controls.fullscreen.addActionListener(e -> fullScreen.toggle());
        controls.snapshot.setEnabled(config.snapshots() != null);
        controls.record.setEnabled(config.recording() != null);
        if (config.snapshots() == null) {
            controls.snapshot.setToolTipText("Snapshots are not available in this build");
        }
        if (config.recording() == null) {
            controls.record.setToolTipText("Recording is not available in this build");
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /** Shows the window, starts the first source and, with {@code durationSeconds > 0}, closes after that time. */
    public void open(double durationSeconds) {
        open(durationSeconds, false);
    }

    /** As {@link #open(double)}; with {@code record}, recording starts with the first frame. */
    public void open(double durationSeconds, boolean record) {
        frame.setVisible(true);
        SwingUtilities.invokeLater(overlay::warmUp);
        // The video holds the keyboard focus, so Space, F, S and R work at once (not typed into a field).
        stage.requestFocusInWindow();
        statusTimer.start();
        source.play(config.sourceSpec());
        if (durationSeconds > 0) {
            durationTimer = new Timer((int) Math.round(durationSeconds * 1000), e -> close());
            durationTimer.setRepeats(false);
            durationTimer.start();
        }
        worker.execute(source::scanCameras);
        if (record) {
            outputs.recordWhenFramesFlow();
        }
    }

    /**
     * Stops every thread, releases the source, the detector and any recording, saves the settings and disposes of
     * the window. Idempotent.
     */
    public void close() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        statusTimer.stop();
        if (durationTimer != null) {
            durationTimer.stop();
        }
        fullScreen.set(false);
        outputs.shutdown();
        remoteEvents.close();
        pipeline.close();
        worker.shutdownNow();
        source.rememberCurrent();
        Rectangle b = frame.getBounds();
        config.settings().windowBounds(b.x, b.y, b.width, b.height);
        config.settings().flush();
        frame.dispose();
        closed.countDown();
    }

    /**
     * Waits up to {@code millis} for what closing started in the background: event clips being finalized, event
     * log lines and automatic snapshots being written (any thread but the event thread).
     */
    public void awaitMonitorsFinished(long millis) {
        outputs.awaitFinished(millis);
    }

    /** Waits until the window is closed (any thread but the event thread). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Waits up to {@code millis} for the window to close. */
    public boolean awaitClosed(long millis) throws InterruptedException {
        return closed.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Opens the "Remote events" window on {@code broker} (the live window's source menu offers it too). */
    public RemoteEventsWindow openRemoteEvents(MqttSettings broker) {
        remoteEvents.open(broker);
        return remoteEvents.window();
    }

    /** Plays {@code spec} (camera index, file, folder or URL) instead of the current source. */
    public void play(String spec) {
        source.play(spec);
    }

    // ------------------------------------------------------------------ watching and automatic snapshots

    /** Sets the defaults the Watch… button uses (folders, debouncing); the command line's options. */
    public void setWatchSettings(WatchSettings value) {
        outputs.setWatchSettings(value);
    }

    /**
     * Starts watching for {@code settings.classes()}: an event clip (with pre-roll) is recorded while one is
     * present, logged in the event log and listed beside the video. Replaces a watch already running.
     */
    public void startWatching(WatchSettings settings) {
        outputs.startWatching(settings);
    }

    /** Stops watching; an open event ends (its clip is finalized in the background). */
    public void stopWatching() {
        outputs.stopWatching();
    }

    /** True while a watch runs. */
    public boolean isWatching() {
        return outputs.isWatching();
    }

    /**
     * Takes a snapshot into {@code folder} each time one of {@code classes} appears (debounced like a watch: present
     * after {@code confirmFrames} detections, a new appearance only after {@code postRollMillis} without one).
     */
    public void snapshotOn(Set<String> classes, int confirmFrames, long postRollMillis, Path folder) {
        outputs.snapshotOn(classes, confirmFrames, postRollMillis, folder);
    }

    // ------------------------------------------------------------------ tracking, lines and zones

    /**
     * Tracks objects (ids, trails, counts) or not; with {@code remember}, also in later runs (as the Tracking menu
     * does). A watch turns it on.
     */
    public void setTracking(boolean on, boolean remember) {
        trackingControls.setTracking(on, remember);
    }

    /** True while objects are tracked. */
    public boolean isTracking() {
        return tracking.isEnabled();
    }

    /**
     * Uses these counting lines and zones for the source playing now (the command line's {@code --line} and
     * {@code --zone}), saved for it as if drawn with the mouse. Call after {@link #open}.
     */
    public void setRegions(Regions value) {
        trackingControls.seed(value);
    }

    /** The lines and zones of the source playing. */
    public Regions regions() {
        return trackingControls.editor().regions();
    }

    /** The zone or line names an object must enter or cross before the watch opens its event (empty: none). */
    public void setRequiredRegions(Set<String> names) {
        outputs.setRequiredRegions(names);
    }

    /** The tracking in the pipeline (for tests and the statistics). */
    public LiveTracking tracking() {
        return tracking;
    }

    /** The toolbar (for tests). */
    ControlBar controlsForTest() {
        return controls;
    }

    /** The line and zone editor layer. */
    RegionEditor regionEditor() {
        return trackingControls.editor();
    }

    /** The counts table. */
    CountsPanel countsPanel() {
        return trackingControls.counts();
    }

    // ------------------------------------------------------------------ detection options

    private void showOptions(DetectOptions options) {
        controls.showMinScore(options.minScore());
        controls.maxBoxes.setValue(options.maxNumBoxes());
        controls.classes.setText(String.join(", ", options.classes()));
    }

    private void applyOptions(DetectOptions options) {
        if (options.equals(pipeline.options())) {
            return;
        }
        pipeline.setOptions(options);
        config.settings().minScore(options.minScore());
        config.settings().maxBoxes(options.maxNumBoxes());
        config.settings().classes(options.classes());
    }

    private void applyClassFilter() {
        Set<String> wanted = ClassNames.parse(controls.classes.getText());
        List<String> known = pipeline.classNames();
        Set<String> valid = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String c : wanted) {
            if (known.isEmpty() || known.contains(c)) {
                valid.add(c);
            } else {
                unknown.add(c);
            }
        }
        if (!unknown.isEmpty()) {
            banner.show(Banner.Level.WARNING, "Unknown class " + String.join(", ", unknown)
                    + ": Coco-SSD knows " + String.join(", ", known) + ".", null, null);
        }
        applyOptions(pipeline.options().withClasses(valid));
    }

    /** Sets the minimum score as the slider does (for tests and the command line). */
    public void setMinScore(double score) {
        controls.showMinScore(score);
    }

    /** Sets the class filter as typing in the field does. */
    public void setClassFilter(String text) {
        controls.classes.setText(text);
        applyClassFilter();
    }

    private void detectorReady(String provider) {
        status.setProvider("Coco-SSD on " + provider);
        applyClassFilter();
    }

    private void detectorFailed(String message) {
        status.setProvider("no detector");
        banner.show(Banner.Level.ERROR, "Detection stopped: " + message, null, null);
    }

    private void toggleTheme() {
        String next = Themes.isDark() ? "light" : "dark";
        Themes.apply(next);
        config.settings().theme(next);
    }

    // ------------------------------------------------------------------ accessors for the command and tests

    /** The session's statistics. */
    public LiveStats stats() {
        return stats;
    }

    /** The pipeline (for tests). */
    public LivePipeline pipeline() {
        return pipeline;
    }

    /** The Swing frame. */
    public JFrame frame() {
        return frame;
    }

    /** The video area (video and overlay layers). */
    public VideoStage stage() {
        return stage;
    }

    /** The banner. */
    public Banner banner() {
        return banner;
    }

    /** The status bar. */
    public StatusBar statusBar() {
        return status;
    }

    /** The event list beside the video. */
    public EventsPanel eventsPanel() {
        return events;
    }

    /** Shows an unexpected problem in the banner (the uncaught-exception handler has written it to stderr). */
    public void showUnexpected(Throwable e) {
        banner.showQuietly(Banner.Level.ERROR, "Unexpected problem: " + WindowParts.describe(e), null, null);
    }

    /**
     * True when something the user asked for could not be done: the source could not be played, the detector
     * failed, a recording, snapshot or watch failed (each was shown as an error banner).
     */
    public boolean hadErrors() {
        return banner.errorsShown() > 0;
    }
}
