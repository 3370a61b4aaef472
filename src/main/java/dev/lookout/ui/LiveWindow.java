package dev.lookout.ui;

import dev.lookout.capture.SourceState;
import dev.lookout.detect.DetectOptions;
import dev.lookout.live.DisplayBuffer;
import dev.lookout.live.FrameTap;
import dev.lookout.live.FrameTaps;
import dev.lookout.live.LiveDetections;
import dev.lookout.live.LiveListener;
import dev.lookout.live.LivePipeline;
import dev.lookout.live.LiveStats;
import dev.lookout.live.PlaybackOptions;
import dev.lookout.overlay.DetectionPainter;
import dev.lookout.record.EventListener;
import dev.lookout.record.MonitorEvent;
import dev.lookout.record.SnapshotWriter;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.GraphicsDevice;
import java.awt.KeyboardFocusManager;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;
import javax.swing.text.JTextComponent;

/**
 * The live detector's main window: the video with Coco-SSD's boxes on a transparent layer above it, a toolbar, a
 * banner for problems and a status bar. It drives a {@link LivePipeline}; the pipeline's threads never touch Swing —
 * their news is handed to the event thread, coalesced so a slow screen never holds them up.
 *
 * <p>Create, use and close it on the event thread only.
 */
public final class LiveWindow {

    private static final Color PLAYING = new Color(0x2DA44E);
    private static final Color WAITING = new Color(0xD29922);
    private static final Color FAILED = new Color(0xE5484D);
    private static final Color IDLE = new Color(0x8B949E);

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
    private final FrameTaps taps = new FrameTaps();
    private final Timer statusTimer;
    private final ExecutorService control = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lookout-control");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<LiveDetections> pendingDetections = new AtomicReference<>();
    private final AtomicBoolean frameQueued = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Integer> cameras = new ArrayList<>();

    private String currentSpec;
    private String currentDescription = "";
    private boolean fellBackToDemo;
    private boolean sourcePlaying;
    private boolean fullscreen;
    private Rectangle boundsBeforeFullscreen;
    private Timer durationTimer;
    private boolean shutDown;

    // Recording: the tap feeding it, its file and when it started (for the REC indicator).
    private FrameTap recordingTap;
    private Path recordingFile;
    private long recordingStartNanos;

    // Watching (--watch or the Watch… button) and automatic snapshots (--snapshot-on).
    private WatchSettings watchSettings = WatchSettings.defaults(Set.of("person"));
    private LiveMonitor monitor;
    private SnapshotTrigger snapshotTrigger;
    private final List<java.util.concurrent.CompletableFuture<Void>> monitorsStopping = new ArrayList<>();

    /** Builds the window and starts loading the detector; {@link #open()} shows it and starts the source. */
    public LiveWindow(LiveConfig config) {
        this.config = config;
        this.stats = new LiveStats(config.launchNanos());
        this.video = new VideoView(stats);
        this.overlay = new OverlayView(video, new DetectionPainter(), stats);
        this.stage = new VideoStage(video, overlay);
        this.pipeline = new LivePipeline(config.detectorLoader(), config.options(), stats, new PipelineNews());
        this.statusTimer = new Timer(500, e -> {
            status.refresh(stats);
            refreshRecordingIndicator();
        });
        pipeline.setFrameTap(taps);
        layoutWindow();
        wireControls();
        bindKeys();
        showOptions(config.options());
    }

    // ------------------------------------------------------------------ building

    private void layoutWindow() {
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                close();
            }
        });
        stage.addComponentListener(new java.awt.event.ComponentAdapter() {
            @Override
            public void componentResized(java.awt.event.ComponentEvent e) {
                double scale = stage.getGraphicsConfiguration() == null ? 1
                        : stage.getGraphicsConfiguration().getDefaultTransform().getScaleX();
                pipeline.display().setTargetSize((int) Math.round(stage.getWidth() * scale),
                        (int) Math.round(stage.getHeight() * scale));
            }
        });
        stage.setFocusable(true);
        stage.addMouseListener(new java.awt.event.MouseAdapter() {
            @Override
            public void mousePressed(java.awt.event.MouseEvent e) {
                stage.requestFocusInWindow();
            }

            @Override
            public void mouseClicked(java.awt.event.MouseEvent e) {
                if (e.getClickCount() == 2) {
                    setFullscreen(!fullscreen);
                }
            }
        });
        JPanel center = new JPanel(new BorderLayout());
        center.add(banner, BorderLayout.NORTH);
        center.add(stage, BorderLayout.CENTER);
        events.setVisible(false);
        events.onOpen(this::openFile);
        center.add(events, BorderLayout.EAST);
        frame.getContentPane().add(controls, BorderLayout.NORTH);
        frame.getContentPane().add(center, BorderLayout.CENTER);
        frame.getContentPane().add(status, BorderLayout.SOUTH);
        status.setSource("Starting", IDLE, "");
        frame.pack();
        int[] b = config.settings().windowBounds();
        if (b != null && b[2] >= 480 && b[3] >= 360) {
            frame.setBounds(b[0], b[1], b[2], b[3]);
        } else {
            frame.setSize(1200, 820);
            frame.setLocationRelativeTo(null);
        }
        frame.setMinimumSize(new java.awt.Dimension(640, 420));
    }

    private void wireControls() {
        controls.source.addActionListener(e -> showSourceMenu());
        controls.pause.addActionListener(e -> setPaused(controls.pause.isSelected()));
        controls.minScore.addChangeListener(e -> {
            controls.showMinScoreLabel();
            applyOptions(pipeline.options().withMinScore(controls.minScore.getValue() / 100.0));
        });
        controls.maxBoxes.addChangeListener(e ->
                applyOptions(pipeline.options().withMaxNumBoxes((Integer) controls.maxBoxes.getValue())));
        controls.classes.addActionListener(e -> applyClassFilter());
        controls.classes.addFocusListener(new java.awt.event.FocusAdapter() {
            @Override
            public void focusLost(java.awt.event.FocusEvent e) {
                applyClassFilter();
            }
        });
        controls.snapshot.addActionListener(e -> snapshot());
        controls.record.addActionListener(e -> toggleRecording());
        controls.watch.addActionListener(e -> chooseWatchedClasses());
        controls.theme.addActionListener(e -> toggleTheme());
        controls.fullscreen.addActionListener(e -> setFullscreen(!fullscreen));
        if (config.recording() != null) {
            config.recording().onProblem(message -> SwingUtilities.invokeLater(() -> {
                // The live view goes on; only the recording stopped.
                stopRecordingTap();
                controls.showRecording(false);
                banner.show(Banner.Level.ERROR, message, null, null);
            }));
        }
        controls.snapshot.setEnabled(config.snapshots() != null);
        controls.record.setEnabled(config.recording() != null);
        if (config.snapshots() == null) {
            controls.snapshot.setToolTipText("Snapshots are not available in this build");
        }
        if (config.recording() == null) {
            controls.record.setToolTipText("Recording is not available in this build");
        }
    }

    private void bindKeys() {
        JComponent root = frame.getRootPane();
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_SPACE, 0), "pause", true,
                () -> setPaused(!pipeline.isPaused()));
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_F, 0), "fullscreen", true, () -> setFullscreen(!fullscreen));
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_S, 0), "snapshot", true, this::snapshot);
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_R, 0), "record", true, this::toggleRecording);
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "leaveFullscreen", false,
                () -> setFullscreen(false));
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_Q, InputEvent.CTRL_DOWN_MASK), "quit", false, this::close);
    }

    private void bind(JComponent root, KeyStroke key, String name, boolean notWhileTyping, Runnable action) {
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(key, name);
        root.getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                // Letters typed into the class filter are text, not shortcuts.
                if (notWhileTyping && KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner()
                        instanceof JTextComponent) {
                    return;
                }
                action.run();
            }
        });
    }

    // ------------------------------------------------------------------ lifecycle

    /** Shows the window, starts the first source and, with {@code durationSeconds > 0}, closes after that time. */
    public void open(double durationSeconds) {
        open(durationSeconds, false);
    }

    /** As {@link #open(double)}; with {@code record}, recording starts with the first frame. */
    public void open(double durationSeconds, boolean record) {
        if (config.recording() == null) {
            controls.record.setEnabled(false);
        }
        frame.setVisible(true);
        SwingUtilities.invokeLater(overlay::warmUp);
        // The video holds the keyboard focus, so Space, F, S and R work at once (not typed into a field).
        stage.requestFocusInWindow();
        statusTimer.start();
        play(config.sourceSpec());
        if (durationSeconds > 0) {
            durationTimer = new Timer((int) Math.round(durationSeconds * 1000), e -> close());
            durationTimer.setRepeats(false);
            durationTimer.start();
        }
        control.execute(this::scanCameras);
        if (record) {
            startRecordingWhenFramesFlow();
        }
    }

    private void startRecordingWhenFramesFlow() {
        whenFramesFlow(() -> {
            if (config.recording() != null && !config.recording().isRecording()) {
                toggleRecording();
            }
        });
    }

    /** Runs {@code action} on the event thread once the first frame is on screen (its size and rate are known). */
    private void whenFramesFlow(Runnable action) {
        Timer wait = new Timer(200, null);
        wait.addActionListener(e -> {
            if (shutDown) {
                wait.stop();
            } else if (video.image() != null) {
                wait.stop();
                action.run();
            }
        });
        wait.start();
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
        if (fullscreen) {
            setFullscreen(false);
        }
        stopRecordingQuietly();
        stopWatching();
        if (snapshotTrigger != null) {
            taps.remove(snapshotTrigger);
            SnapshotTrigger trigger = snapshotTrigger;
            snapshotTrigger = null;
            synchronized (monitorsStopping) {
                monitorsStopping.add(java.util.concurrent.CompletableFuture.runAsync(trigger::close));
            }
        }
        pipeline.close();
        control.shutdownNow();
        rememberAsRecent(currentSpec);
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
        List<java.util.concurrent.CompletableFuture<Void>> pending;
        synchronized (monitorsStopping) {
            pending = List.copyOf(monitorsStopping);
        }
        try {
            java.util.concurrent.CompletableFuture.allOf(pending.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .get(millis, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // each monitor has reported its own failures; exiting goes on
        }
    }

    /** Waits until the window is closed (any thread but the event thread). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Waits up to {@code millis} for the window to close. */
    public boolean awaitClosed(long millis) throws InterruptedException {
        return closed.await(millis, TimeUnit.MILLISECONDS);
    }

    // ------------------------------------------------------------------ sources

    /** Plays {@code spec} (camera index, file, folder or URL) instead of the current source. */
    public void play(String spec) {
        play(spec, config.playback());
    }

    private void play(String spec, PlaybackOptions playback) {
        rememberAsRecent(currentSpec);
        currentSpec = spec;
        currentDescription = config.sources().describe(spec);
        frame.setTitle("Lookout — " + currentDescription);
        overlay.clear();
        video.clear("Opening " + currentDescription + "…");
        status.setSource("Opening", WAITING, currentDescription);
        if (banner.level() != Banner.Level.INFO || !fellBackToDemo) {
            banner.hideBanner();
        }
        setPaused(false);
        String description = currentDescription;
        // Stopping the previous source may wait for its thread: never on the event thread.
        control.execute(() -> pipeline.play(description, states -> config.sources().open(spec, playback, states)));
    }

    /** Keeps a source the user leaves (or had at exit) for the source menu's "Recent" entry; never the demo. */
    private void rememberAsRecent(String spec) {
        if (spec != null && !spec.equals(DemoClip.find().map(Path::toString).orElse(null))) {
            config.settings().lastSource(spec);
        }
    }

    /** "Playing", or why the demo clip plays instead of a camera. */
    private String playingText() {
        boolean demo = fellBackToDemo && currentSpec != null
                && currentSpec.equals(DemoClip.find().map(Path::toString).orElse(""));
        return demo ? "No camera — playing the demo clip" : "Playing";
    }

    private void playDemo(String why) {
        var demo = DemoClip.find();
        if (demo.isEmpty()) {
            banner.show(Banner.Level.ERROR, why + " The demo clip (" + DemoClip.RELATIVE_PATH
                    + ") is missing too: choose a video file or a stream.", "Choose a source…", this::showSourceMenu);
            return;
        }
        fellBackToDemo = true;
        banner.show(Banner.Level.INFO, why + " Playing the demo clip.", "Choose a source…", this::showSourceMenu);
        play(demo.get().toString(), config.playback().withLoop(true));
    }

    private void sourceStateChanged(SourceState state) {
        if (!state.source().equals(currentDescription)) {
            return; // news from a source the user has already left
        }
        showSourceState(state);
    }

    private void showSourceState(SourceState state) {
        sourcePlaying = state.kind() == SourceState.Kind.LIVE;
        switch (state.kind()) {
            case OPENING -> status.setSource("Opening", WAITING, state.source());
            case LIVE -> {
                if (pipeline.isPaused()) {
                    status.setSource("Paused", IDLE, state.source());
                } else {
                    status.setSource(playingText(), PLAYING, state.source());
                }
                if (!state.message().isEmpty()) {
                    banner.show(Banner.Level.WARNING, state.message(), null, null);
                } else if (banner.level() == Banner.Level.WARNING) {
                    banner.hideBanner();
                }
            }
            case STALLED -> status.setSource("Stalled", WAITING, state.source());
            case RECONNECTING -> {
                status.setSource("Reconnecting…", WAITING, state.source());
                banner.show(Banner.Level.WARNING, state.source() + ": " + state.message(),
                        "Choose another source…", this::showSourceMenu);
            }
            case ENDED -> {
                status.setSource("Ended", IDLE, state.source());
                if (!state.message().isEmpty()) {
                    banner.show(Banner.Level.WARNING, state.source() + ": " + state.message(),
                            "Choose another source…", this::showSourceMenu);
                }
            }
            case OFFLINE -> {
                status.setSource("Failed", FAILED, state.source());
                if (currentSpec != null && config.sources().isCamera(currentSpec) && !config.sourceGiven()
                        && !fellBackToDemo) {
                    playDemo("No camera could be opened (" + state.message() + ").");
                } else {
                    video.setPlaceholder("Cannot play " + state.source());
                    banner.show(Banner.Level.ERROR, "Cannot play " + state.source() + ": " + state.message(),
                            "Choose another source…", this::showSourceMenu);
                }
            }
            case STOPPED -> { }
            default -> throw new IllegalStateException(state.kind().toString());
        }
    }

    private void showSourceMenu() {
        JPopupMenu menu = new JPopupMenu();
        synchronized (cameras) {
            if (cameras.isEmpty()) {
                JMenuItem none = new JMenuItem("No camera found");
                none.setEnabled(false);
                menu.add(none);
            }
            for (int index : cameras) {
                JMenuItem item = new JMenuItem("Camera " + index);
                item.addActionListener(e -> play(Integer.toString(index)));
                menu.add(item);
            }
        }
        String recent = config.settings().lastSource();
        if (recent != null && !recent.equals(currentSpec)) {
            menu.addSeparator();
            JMenuItem item = new JMenuItem("Recent: " + config.sources().describe(recent));
            item.setToolTipText(config.sources().describe(recent));
            item.addActionListener(e -> play(recent));
            menu.add(item);
            menu.addSeparator();
        }
        JMenuItem rescan = new JMenuItem("Look for cameras again");
        rescan.addActionListener(e -> control.execute(this::scanCameras));
        menu.add(rescan);
        menu.addSeparator();
        JMenuItem file = new JMenuItem("Open file or folder…");
        file.addActionListener(e -> chooseFile());
        menu.add(file);
        JMenuItem url = new JMenuItem("Open stream URL…");
        url.addActionListener(e -> chooseUrl());
        menu.add(url);
        DemoClip.find().ifPresent(demo -> {
            JMenuItem item = new JMenuItem("Demo clip");
            item.addActionListener(e -> play(demo.toString(), config.playback().withLoop(true)));
            menu.add(item);
        });
        menu.show(controls.source, 0, controls.source.getHeight());
    }

    private void scanCameras() {
        List<Integer> found = config.sources().cameras();
        synchronized (cameras) {
            cameras.clear();
            cameras.addAll(found);
        }
    }

    private void chooseFile() {
        JFileChooser chooser = new JFileChooser();
        chooser.setFileSelectionMode(JFileChooser.FILES_AND_DIRECTORIES);
        chooser.setDialogTitle("Open a video, an image or a folder of images");
        if (chooser.showOpenDialog(frame) == JFileChooser.APPROVE_OPTION) {
            File f = chooser.getSelectedFile();
            play(f.getAbsolutePath());
        }
    }

    private void chooseUrl() {
        String url = (String) JOptionPane.showInputDialog(frame,
                "Stream URL (rtsp://, http://, https://, udp://…):", "Open stream", JOptionPane.PLAIN_MESSAGE,
                null, null, "rtsp://");
        if (url != null && !url.isBlank() && !url.trim().equals("rtsp://")) {
            play(url.trim());
        }
    }

    // ------------------------------------------------------------------ options and controls

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
        Set<String> wanted = Settings.parseClasses(controls.classes.getText());
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

    private void setPaused(boolean paused) {
        pipeline.setPaused(paused);
        controls.showPaused(paused);
        if (sourcePlaying && paused) {
            status.setSource("Paused", IDLE, currentDescription);
        } else if (sourcePlaying) {
            status.setSource(playingText(), PLAYING, currentDescription);
        }
    }

    private void toggleTheme() {
        String next = Themes.isDark() ? "light" : "dark";
        Themes.apply(next);
        config.settings().theme(next);
    }

    private void setFullscreen(boolean on) {
        if (on == fullscreen) {
            return;
        }
        GraphicsDevice device = frame.getGraphicsConfiguration().getDevice();
        fullscreen = on;
        controls.setVisible(!on);
        status.setVisible(!on);
        if (on) {
            boundsBeforeFullscreen = frame.getBounds();
            device.setFullScreenWindow(frame);
        } else {
            device.setFullScreenWindow(null);
            if (boundsBeforeFullscreen != null) {
                frame.setBounds(boundsBeforeFullscreen);
            }
        }
        frame.revalidate();
    }

    private void snapshot() {
        SnapshotControl snapshots = config.snapshots();
        BufferedImage shown = video.image();
        if (snapshots == null || shown == null) {
            return;
        }
        // Without detections yet, the picture on screen (scaled) is all there is; keep a copy of it now.
        BufferedImage screenCopy = new BufferedImage(shown.getWidth(), shown.getHeight(), shown.getType());
        screenCopy.setData(shown.getRaster());
        long number = video.sequence();
        String source = currentDescription;
        // The snapshot is the frame the boxes on screen were computed on, at full resolution.
        pipeline.requestStill().thenAcceptAsync(still -> {
            try {
                Path file = still != null
                        ? snapshots.save(still.image(), still.detections().result().detections(), source,
                                still.detections().frameSequence())
                        : snapshots.save(screenCopy, List.of(), source, number);
                SwingUtilities.invokeLater(() -> status.showNotice("Saved " + file.getFileName()));
            } catch (Exception e) {
                SwingUtilities.invokeLater(() ->
                        banner.show(Banner.Level.ERROR, "Snapshot failed: " + describe(e), null, null));
            }
        }, control);
    }

    private void toggleRecording() {
        RecordingControl recording = config.recording();
        if (recording == null) {
            return;
        }
        try {
            if (recording.isRecording()) {
                stopRecordingTap();
                Path file = recording.stop();
                controls.showRecording(false);
                if (file != null) {
                    banner.show(Banner.Level.INFO, "Recording saved: " + file, null, null);
                }
            } else {
                double fps = stats.captured() > 0 ? Math.max(1, measuredFps()) : 25;
                Path file = recording.start(currentDescription, fps, video.frameWidth(), video.frameHeight());
                recordingTap = recording.frameTap();
                taps.add(recordingTap);
                recordingFile = file;
                recordingStartNanos = System.nanoTime();
                refreshRecordingIndicator();
                controls.showRecording(true);
                if (banner.level() == Banner.Level.ERROR && banner.message().startsWith("Recording")) {
                    banner.hideBanner(); // an earlier recording failure is no longer news
                }
            }
        } catch (Exception e) {
            controls.showRecording(recording.isRecording());
            banner.show(Banner.Level.ERROR, "Recording failed: " + describe(e), null, null);
        }
    }

    private void stopRecordingTap() {
        if (recordingTap != null) {
            taps.remove(recordingTap);
            recordingTap = null;
        }
        recordingFile = null;
        status.setRecording(null, null, 0, 0);
    }

    /** The REC indicator: elapsed time, file, codec and dropped frames (twice a second with the status bar). */
    private void refreshRecordingIndicator() {
        RecordingControl recording = config.recording();
        if (recordingFile == null || recording == null) {
            status.setRecording(null, null, 0, 0);
            return;
        }
        long elapsed = (System.nanoTime() - recordingStartNanos) / 1_000_000_000L;
        status.setRecording(recordingFile, recording.format(), elapsed, recording.framesDropped());
    }

    // ------------------------------------------------------------------ watching and automatic snapshots

    /** Sets the defaults the Watch… button uses (folders, debouncing); the command line's options. */
    public void setWatchSettings(WatchSettings value) {
        watchSettings = value;
    }

    /**
     * Starts watching for {@code settings.classes()}: an event clip (with pre-roll) is recorded while one is
     * present, logged in the event log and listed beside the video. Replaces a watch already running.
     */
    public void startWatching(WatchSettings settings) {
        watchSettings = settings;
        stopWatching();
        events.setTitle("Watching " + String.join(", ", new java.util.TreeSet<>(settings.classes())));
        events.setEmptyText("<html><center>No events yet.<br>A clip is recorded while "
                + String.join(" or ", new java.util.TreeSet<>(settings.classes())) + " is in view.</center></html>");
        events.setVisible(true);
        controls.showWatching(settings.classes());
        frame.revalidate();
        Runnable start = () -> {
            if (shutDown || monitor != null || !watchSettings.equals(settings) || !controls.isWatching()) {
                return;
            }
            try {
                // The clip's timing comes from the frames; the rate only tunes the encoder (0: its default).
                double fps = stats.captured() > 0 ? measuredFps() : 0;
                monitor = new LiveMonitor(settings, fps, currentDescription, new WindowEventNews());
                taps.add(monitor);
            } catch (RuntimeException e) {
                controls.showWatching(Set.of());
                banner.show(Banner.Level.ERROR, "Cannot watch: " + describe(e), null, null);
            }
        };
        if (currentSpec != null) {
            start.run(); // at once, so the pre-roll holds the frames from the very first one
        } else {
            whenFramesFlow(start); // not opened yet: the source's name is not known
        }
    }

    /** Stops watching; an open event ends (its clip is finalized in the background). */
    public void stopWatching() {
        controls.showWatching(Set.of());
        if (monitor != null) {
            taps.remove(monitor);
            LiveMonitor m = monitor;
            monitor = null;
            synchronized (monitorsStopping) {
                monitorsStopping.add(m.stop());
            }
            events.setTitle("Events (not watching)");
        }
    }

    /** True while a watch runs. */
    public boolean isWatching() {
        return monitor != null;
    }

    /**
     * Takes a snapshot into {@code folder} each time one of {@code classes} appears (debounced like a watch: present
     * after {@code confirmFrames} detections, a new appearance only after {@code postRollMillis} without one).
     */
    public void snapshotOn(Set<String> classes, int confirmFrames, long postRollMillis, Path folder) {
        if (snapshotTrigger != null) {
            taps.remove(snapshotTrigger);
            SnapshotTrigger previous = snapshotTrigger;
            java.util.concurrent.CompletableFuture.runAsync(previous::close); // may wait for a pending still
        }
        snapshotTrigger = new SnapshotTrigger(classes, confirmFrames, postRollMillis, new SnapshotWriter(folder),
                currentDescription, pipeline::requestStill,
                shot -> SwingUtilities.invokeLater(() ->
                        status.showNotice("Saved " + shot.image().getFileName())),
                message -> SwingUtilities.invokeLater(() ->
                        banner.show(Banner.Level.ERROR, message, null, null)));
        taps.add(snapshotTrigger);
    }

    /** The event list beside the video. */
    public EventsPanel eventsPanel() {
        return events;
    }

    private void chooseWatchedClasses() {
        controls.showWatching(monitor != null ? watchSettings.classes() : Set.of());
        String current = String.join(", ", new java.util.TreeSet<>(watchSettings.classes()));
        Object answer = JOptionPane.showInputDialog(frame,
                "Record a clip while one of these classes is present (comma-separated, e.g. person, car).\n"
                        + "Clear the field to stop watching.",
                monitor != null ? "Watching" : "Watch", JOptionPane.PLAIN_MESSAGE, null, null, current);
        if (answer == null) {
            return;
        }
        Set<String> wanted = Settings.parseClasses(answer.toString());
        if (wanted.isEmpty()) {
            stopWatching();
            return;
        }
        List<String> known = pipeline.classNames();
        List<String> unknown = wanted.stream().filter(c -> !known.isEmpty() && !known.contains(c)).toList();
        if (!unknown.isEmpty()) {
            banner.show(Banner.Level.WARNING, "Cannot watch unknown class " + String.join(", ", unknown)
                    + ": Coco-SSD knows " + String.join(", ", known) + ".", null, null);
            return;
        }
        startWatching(watchSettings.withClasses(wanted));
    }

    /**
     * Opens a clip or snapshot with the desktop's player; where that is not possible, shows the path and copies it
     * to the clipboard.
     */
    private void openFile(Path file) {
        Path absolute = file.toAbsolutePath();
        boolean canOpen = java.awt.Desktop.isDesktopSupported()
                && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN);
        if (canOpen) {
            control.execute(() -> {
                try {
                    java.awt.Desktop.getDesktop().open(absolute.toFile());
                } catch (Exception e) {
                    SwingUtilities.invokeLater(() -> showPathInstead(absolute));
                }
            });
        } else {
            showPathInstead(absolute);
        }
    }

    private void showPathInstead(Path file) {
        try {
            java.awt.Toolkit.getDefaultToolkit().getSystemClipboard()
                    .setContents(new java.awt.datatransfer.StringSelection(file.toString()), null);
            banner.show(Banner.Level.INFO, "No player to open it with; path copied to the clipboard: " + file,
                    null, null);
        } catch (RuntimeException e) {
            banner.show(Banner.Level.INFO, "No player to open it with: " + file, null, null);
        }
    }

    /** The monitor's news (on its worker thread) handed to the event list on the event thread. */
    private final class WindowEventNews implements EventListener {
        @Override
        public void eventStarted(MonitorEvent event) {
            SwingUtilities.invokeLater(() -> events.update(event));
        }

        @Override
        public void eventEnded(MonitorEvent event) {
            SwingUtilities.invokeLater(() -> events.update(event));
        }

        @Override
        public void monitorError(String message) {
            SwingUtilities.invokeLater(() -> banner.show(Banner.Level.ERROR, "Watch: " + message, null, null));
        }
    }

    private double measuredFps() {
        double seconds = (System.nanoTime() - stats.startNanos()) / 1e9;
        return seconds > 0 ? stats.captured() / seconds : 25;
    }

    private void stopRecordingQuietly() {
        RecordingControl recording = config.recording();
        if (recording != null && recording.isRecording()) {
            stopRecordingTap();
            try {
                recording.stop();
            } catch (Exception e) {
                System.err.println("lookout live: could not finish the recording: " + describe(e));
            }
        }
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

    /** Shows an unexpected problem in the banner (used by the uncaught-exception handler). */
    public void showUnexpected(Throwable e) {
        banner.show(Banner.Level.ERROR, "Unexpected problem: " + describe(e), null, null);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    // ------------------------------------------------------------------ news from the pipeline

    /** Hands the pipeline's news to the event thread, coalescing frames and detections. */
    private final class PipelineNews implements LiveListener {

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
            SwingUtilities.invokeLater(() -> LiveWindow.this.sourceStateChanged(state));
        }

        @Override
        public void detectorReady(String provider) {
            SwingUtilities.invokeLater(() -> {
                status.setProvider("Coco-SSD on " + provider);
                applyClassFilter();
            });
        }

        @Override
        public void detectorFailed(String message) {
            SwingUtilities.invokeLater(() -> {
                status.setProvider("no detector");
                banner.show(Banner.Level.ERROR, "Detection stopped: " + message, null, null);
            });
        }
    }
}
