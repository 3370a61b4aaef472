package dev.lookout.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.Failures;
import dev.lookout.capture.Ffmpeg;
import dev.lookout.capture.FrameSize;
import dev.lookout.capture.OpenCv;
import dev.lookout.detect.ClassNames;
import dev.lookout.detect.CocoLabels;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.ModelFiles;
import dev.lookout.detect.Device;
import dev.lookout.live.CocoSsdFrameDetector;
import dev.lookout.live.FrameDetector;
import dev.lookout.live.PlaybackOptions;
import dev.lookout.live.WatchSettings;
import dev.lookout.track.events.EventGate;
import dev.lookout.notify.mqtt.MqttSettings;
import dev.lookout.ui.CaptureSourceCatalog;
import dev.lookout.ui.LiveConfig;
import dev.lookout.ui.LiveWindow;
import dev.lookout.ui.RecordHooks;
import dev.lookout.record.SnapshotWriter;
import dev.lookout.ui.Settings;
import dev.lookout.ui.Themes;
import dev.lookout.ui.UncaughtProblems;
import dev.lookout.ui.wall.WallLauncher;
import java.awt.GraphicsEnvironment;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import dev.lookout.track.zones.Regions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lookout live}: the live detector window (the default command). Plays a camera, file, folder or stream
 * with Coco-SSD's boxes drawn over it; without a camera it plays the demo clip. With {@code --duration} it closes
 * after that time and prints one JSON line of statistics.
 */
@Command(name = "live", mixinStandardHelpOptions = true, versionProvider = LookoutCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"The live detector window: video with Coco-SSD's detections drawn over it (the default "
                + "command).", "Without a camera it plays the demo clip (assets/demo.mp4).", ""},
        footer = {"", "keys: Space pause, F full screen, Esc leave full screen, S snapshot, R record, Ctrl+Q quit",
            "Closing the window, Ctrl+Q, the end of --duration and SIGTERM all finish the files properly."})
public final class LiveCommand extends CliCommand {

    @Option(names = "--config", paramLabel = "FILE", description = "the camera wall: every camera of this "
            + "lookout.yml as live tiles, run by the monitor; File > Save writes the setup back (a new FILE starts "
            + "with the demo clip)")
    Path configFile;

    @Option(names = "--source", paramLabel = "SPEC", description = "camera index (default 0), video file, image, "
            + "folder of images, or URL (rtsp://, http(s)://, udp://...)")
    String source;

    @Option(names = "--size", paramLabel = "WxH", description = "ask the camera for this size, e.g. 1280x720")
    String size;

    @Option(names = "--loop", description = "play a file or folder again at its end")
    boolean loop;

    @Option(names = "--fast", description = "read files as fast as possible instead of at their frame rate")
    boolean fast;

    @Option(names = "--interval", paramLabel = "SECONDS", description = "time per image of a slideshow (default 2)")
    Double interval;

    @Mixin
    DetectionOptions detection = new DetectionOptions();

    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--theme", paramLabel = "T", description = "light or dark")
    String theme;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "close after this time and print one JSON line of statistics")
    double duration;

    @Option(names = "--record", paramLabel = "FILE", arity = "0..1", fallbackValue = "",
            description = "record the video with its boxes from the start: to FILE (MP4), or alone to "
                    + "RECORD-DIR/lookout-YYYYMMDD-HHMMSS.mp4 (also --record=FILE)")
    String record;

    @Option(names = "--snapshot-dir", paramLabel = "DIR", description = "where snapshots go (default snapshots)")
    @Writes(dev.lookout.OutputPaths.Kind.FOLDER)
    Path snapshotDir;

    @Option(names = "--snapshot-on", paramLabel = "A,B",
            description = "take a snapshot each time one of these classes appears")
    String snapshotOn;

    @Mixin
    WatchOptions watch = new WatchOptions();

    @Option(names = "--track", negatable = true, description = "track objects: ids, trails, lines and zones with "
            + "their counts (default: on, or as last chosen in the window's Tracking menu; --watch needs it)")
    Boolean track;

    /** The source's lines and zones, saved as if drawn in the window. */
    @Mixin
    RegionOptions regionOptions = new RegionOptions();

    @Mixin
    EventGateOptions eventGate = new EventGateOptions();
    /** The checked event gate options, for the watch whether it starts now or from the window. */
    private EventGate gate = EventGate.DEFAULTS;

    @Option(names = "--require", paramLabel = "A,B", description = "--watch: an object's event starts only when "
            + "it enters one of these zones or crosses one of these lines")
    String require;

    @Option(names = "--remote-events", paramLabel = "URL", description = "also open the Remote events window on "
            + "this MQTT broker (tcp://HOST:1883); a user and password with --mqtt-user and --mqtt-password-file "
            + "(or $" + MqttLoginOptions.PASSWORD_VARIABLE + ")")
    String remoteEvents;

    /** The broker's user and password for {@code --remote-events}. */
    @Mixin
    MqttLoginOptions remoteLogin = new MqttLoginOptions();

    @Override
    int run() throws Exception {
        long launchNanos = System.nanoTime() - ArenaLimitedRelaunch.sinceLaunchMillis() * 1_000_000L;
        Settings settings = Settings.forUser();
        DetectOptions options = detection.resolve(
                DetectOptions.of(settings.maxBoxes(), settings.minScore()).withClasses(settings.classes()));
        PlaybackOptions playback = playback();
        Device device = model.device;
        FrameSize frameSize = size();
        if (duration < 0) {
            throw new UsageException("--duration must be 0 or more seconds, not " + duration);
        }
        String theme = this.theme != null ? this.theme : settings.theme();
        if (!theme.equals("light") && !theme.equals("dark")) {
            throw new UsageException("--theme must be light or dark, not '" + theme + "'");
        }
        Path modelDir = model.modelDir;
        Path recordDir = watch.recordDir;
        Path snapshotDir = this.snapshotDir != null ? this.snapshotDir : SnapshotWriter.DEFAULT_FOLDER;
        Path recordFile = recordFile(recordDir);
        WatchSettings watch = watchSettings(recordDir, snapshotDir);
        Set<String> snapshotOn = WatchOptions.classList("--snapshot-on", this.snapshotOn);
        int confirm = this.watch.confirmFrames();
        long postRoll = this.watch.postRollMillis();
        Regions regions = regionOptions.parse();
        Set<String> requiredNames = Set.of();
        if (require != null) {
            if (watch == null) {
                throw new UsageException("--require needs --watch");
            }
            String spec = this.source != null ? this.source : "0";
            requiredNames = TrackOptions.required(require, regions.isEmpty() ? settings.regions(spec) : regions,
                    "no --line or --zone (nor a line or zone saved for this source) has that name");
        }
        Set<String> required = requiredNames;
        if (Boolean.FALSE.equals(track) && watch != null) {
            throw new UsageException("--watch follows each object and needs tracking: leave out --no-track");
        }
        checkKnownClasses(modelDir, options.classes(), "--classes");
        checkKnownClasses(modelDir, watch != null ? watch.classes() : Set.of(), "--watch");
        checkKnownClasses(modelDir, snapshotOn, "--snapshot-on");
        MqttSettings remote = remoteSettings();

        if (configFile != null) {
            refuseSingleCameraOptions();
            return WallLauncher.run(configFile, modelDir, duration, theme, err);
        }
        if (GraphicsEnvironment.isHeadless()) {
            problem("there is no display (headless Java or no DISPLAY), so the window cannot open.");
            err.println("For video without a screen use 'lookout detect' (e.g. lookout detect --annotate out/ "
                    + "VIDEO), or run the window under a virtual display: xvfb-run -a java -jar lookout.jar live");
            return Main.EXIT_FAILED;
        }

        boolean sourceGiven = this.source != null;
        String source = sourceGiven ? this.source : "0";
        AtomicReference<LiveWindow> window = new AtomicReference<>();
        CaptureSourceCatalog catalog = new CaptureSourceCatalog(frameSize);
        boolean record = this.record != null;
        RecordHooks hooks = new RecordHooks(recordDir, recordFile, snapshotDir);
        // Load the OpenCV and FFmpeg natives (~1 s) while Swing and the window are built: the video starts sooner.
        Thread natives = new Thread(() -> {
            OpenCv.load();
            Ffmpeg.init();
        }, "lookout-natives");
        natives.setDaemon(true);
        natives.start();
        // Start loading the model now, too: the first boxes come sooner.
        FutureTask<FrameDetector> model = new FutureTask<>(
                CocoSsdFrameDetector.loader(modelDir, device, this.model.precision));
        Thread loader = new Thread(model, "lookout-model-loader");
        loader.setDaemon(true);
        loader.start();
        Callable<FrameDetector> loaded = () -> {
            try {
                return model.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
        };
        LiveConfig config = new LiveConfig(source, sourceGiven, playback, options, loaded, catalog, hooks, hooks,
                settings, theme, launchNanos);
        // The statistics line of a timed run, once, also when SIGTERM ends the run before --duration does.
        AtomicBoolean statsPrinted = new AtomicBoolean(duration <= 0);
        // Whoever comes second (the SIGTERM hook or the end of the run) waits until the line is out: the JVM halts
        // when the hook returns, and a line still being formatted by the other thread would be lost.
        Runnable printStats = () -> {
            synchronized (statsPrinted) {
                if (!statsPrinted.get()) {
                    try {
                        out.println(new ObjectMapper().writeValueAsString(
                                window.get().stats().summary(System.nanoTime())));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        problem("cannot write the statistics: " + e.getMessage());
                    }
                    out.flush();
                    statsPrinted.set(true);
                }
            }
        };
        // SIGTERM (and Ctrl+C) close the window like Ctrl+Q, so the recording and event clips are finalized.
        // Registered before the window opens: a SIGTERM while it opens (its recording may already have begun)
        // must still close it and finalize the files.
        Thread onTerm = new Thread(() -> {
            LiveWindow w = window.get();
            if (w == null) {
                return; // nothing opened yet, nothing to finalize
            }
            SwingUtilities.invokeLater(w::close);
            try {
                w.awaitClosed(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            hooks.awaitFinished(20_000);
            w.awaitMonitorsFinished(20_000);
            printStats.run();
        }, "lookout-live-terminate");
        Runtime.getRuntime().addShutdownHook(onTerm);
        try {
            SwingUtilities.invokeAndWait(() -> {
                Themes.apply(theme);
                LiveWindow w = new LiveWindow(config);
                w.banner().echoTo(err);
                window.set(w);
                UncaughtProblems.install(window::get, err);
                w.setWatchSettings(watch != null ? watch : WatchSettings.defaults(Set.of("person"))
                        .withFolders(recordDir, snapshotDir).withGate(gate));
                if (track != null) {
                    w.setTracking(track, false);
                }
                w.setRequiredRegions(required);
                w.open(duration, record);
                if (!regions.isEmpty()) {
                    w.setRegions(regions);
                }
                if (watch != null) {
                    w.startWatching(watch);
                }
                if (!snapshotOn.isEmpty()) {
                    w.snapshotOn(snapshotOn, confirm, postRoll, snapshotDir);
                }
                if (remote != null) {
                    w.openRemoteEvents(remote).echoTo(err);
                }
            });
        } catch (InvocationTargetException e) {
            Runtime.getRuntime().removeShutdownHook(onTerm);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            problem("the window could not open: " + Failures.describe(cause));
            return Main.EXIT_FAILED;
        }
        window.get().awaitClosed();
        // A recording stopped by closing the window is finalised in the background: let it finish.
        hooks.awaitFinished(20_000);
        window.get().awaitMonitorsFinished(30_000);
        try {
            Runtime.getRuntime().removeShutdownHook(onTerm);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running: it finishes the same work
        }
        if (duration > 0) {
            printStats.run();
            // a timed run is a script's: it must tell whether it could capture and record as asked
            return hadErrors(window.get()) ? Main.EXIT_FAILED : 0;
        }
        return 0;
    }

    /** The Remote events window's broker, or null without {@code --remote-events}. */
    private MqttSettings remoteSettings() throws UsageException {
        if (remoteEvents == null) {
            for (String option : List.of("--mqtt-user", "--mqtt-password-file", "--mqtt-password-env")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new UsageException(option + " is for the broker of --remote-events URL: add it");
                }
            }
            return null;
        }
        return remoteLogin.settings("--remote-events", remoteEvents, "window", MqttSettings.DEFAULT_PREFIX, 0,
                this::problem);
    }

    /** The camera wall takes its cameras' settings from the file: single-camera options would be ignored. */
    private void refuseSingleCameraOptions() throws UsageException {
        java.util.Set<String> wall = Set.of("--config", "--duration", "--theme", "--model");
        for (picocli.CommandLine.Model.OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (!wall.contains(o.longestName())) {
                throw new UsageException(o.longestName() + " does not apply to the camera wall (--config): each "
                        + "camera's settings, device: and precision: come from " + configFile);
            }
        }
    }

    private static boolean hadErrors(LiveWindow w) throws InterruptedException, InvocationTargetException {
        AtomicReference<Boolean> errors = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> errors.set(w.hadErrors()));
        return errors.get();
    }

    /** A file or folder {@code --source} plays, for {@link CommandPaths} (cameras and URLs are not files). */
    @Override
    List<CommandPaths.Named> inputs() throws UsageException {
        if (source == null || dev.lookout.capture.FfmpegFrameSource.isUrl(source) || source.matches("\\d+")) {
            return List.of();
        }
        return List.of(input("--source", PathArguments.of(source)));
    }

    /** {@code --record FILE}, for {@link CommandPaths}. */
    @Override
    List<CommandPaths.Named> outputs() throws UsageException {
        Path file = recordFile(watch.recordDir);
        return file == null ? List.of()
                : List.of(new CommandPaths.Named("--record", file, dev.lookout.OutputPaths.Kind.FILE, true));
    }

    /** The fixed recording file ({@code --record FILE}, relative to {@code --record-dir}), or null for default names. */
    private Path recordFile(Path recordDir) throws UsageException {
        if (record == null || record.isBlank()) {
            return null;
        }
        Path file = Path.of(record);
        if (file.getFileName() == null || record.endsWith("/")) {
            throw new UsageException("--record FILE needs a file name, e.g. --record out.mp4 (or --record alone "
                    + "for recordings/lookout-DATE-TIME.mp4)");
        }
        boolean recordDirGiven = spec.commandLine().getParseResult().hasMatchedOption("--record-dir");
        return file.isAbsolute() || !recordDirGiven ? file : recordDir.resolve(file);
    }

    private WatchSettings watchSettings(Path recordDir, Path snapshotDir) throws UsageException {
        gate = eventGate.gate();
        Set<String> classes = watch.watched();
        int confirm = watch.confirmFrames();
        long preRoll = watch.preRollMillis();
        long postRoll = watch.postRollMillis();
        if (classes.isEmpty()) {
            return null;
        }
        return new WatchSettings(classes, confirm, preRoll, postRoll, recordDir, watch.events, snapshotDir, gate);
    }

    /** Unknown class names are usage errors, checked against the model's labels when they can be read. */
    private static void checkKnownClasses(Path modelDir, Set<String> classes, String option) throws UsageException {
        if (classes.isEmpty()) {
            return;
        }
        CocoLabels labels;
        try {
            ModelFiles files = modelDir != null ? ModelFiles.in(modelDir) : ModelFiles.findDefault();
            labels = CocoLabels.read(files.labels());
        } catch (java.io.IOException e) {
            return; // the window reports the missing model itself
        }
        String unknown = ClassNames.unknownMessage(classes, labels.names());
        if (unknown != null) {
            throw new UsageException(option + ": " + unknown);
        }
    }

    private PlaybackOptions playback() throws UsageException {
        double seconds = interval != null ? interval : PlaybackOptions.DEFAULTS.intervalSeconds();
        if (!(seconds > 0)) {
            throw new UsageException("--interval must be more than 0 seconds, not " + seconds);
        }
        return new PlaybackOptions(loop, fast, seconds);
    }

    private FrameSize size() throws UsageException {
        if (size == null) {
            return null;
        }
        try {
            return FrameSize.parse(size);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--size must be WIDTHxHEIGHT, e.g. 1280x720, not '" + size + "'");
        }
    }
}
