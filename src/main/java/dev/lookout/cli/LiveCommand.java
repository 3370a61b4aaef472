package dev.lookout.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.capture.Ffmpeg;
import dev.lookout.capture.FrameSize;
import dev.lookout.capture.OpenCv;
import dev.lookout.detect.CocoLabels;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.ModelFiles;
import dev.lookout.detect.Device;
import dev.lookout.live.CocoSsdFrameDetector;
import dev.lookout.live.FrameDetector;
import dev.lookout.live.ClassList;
import dev.lookout.live.PlaybackOptions;
import dev.lookout.live.WatchSettings;
import dev.lookout.ui.CaptureSourceCatalog;
import dev.lookout.ui.LiveConfig;
import dev.lookout.ui.LiveWindow;
import dev.lookout.ui.RecordHooks;
import dev.lookout.record.SnapshotWriter;
import dev.lookout.ui.Settings;
import dev.lookout.ui.Themes;
import dev.lookout.ui.UncaughtProblems;
import java.awt.GraphicsEnvironment;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;

/**
 * {@code lookout live}: the live detector window (the default command). Plays a camera, file, folder or stream
 * with Coco-SSD's boxes drawn over it; without a camera it plays the demo clip. With {@code --duration} it closes
 * after that time and prints one JSON line of statistics.
 */
public final class LiveCommand implements Command {

    private static final Set<String> VALUES = Set.of("source", "size", "interval", "min-score", "max-boxes",
            "classes", "device", "duration", "theme", "model", "record", "record-dir", "snapshot-dir", "snapshot-on",
            "watch", "confirm", "pre-roll", "post-roll", "events");
    private static final Set<String> FLAGS = Set.of("loop", "fast", "help");

    @Override
    public String name() {
        return "live";
    }

    @Override
    public String summary() {
        return "the live detector window: camera, video file, images or stream with boxes (default)";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        long launchNanos = System.nanoTime() - ArenaLimitedRelaunch.sinceLaunchMillis() * 1_000_000L;
        Args a = Args.parse(optionalRecordValue(args), VALUES, FLAGS);
        if (a.flag("help")) {
            printHelp(out);
            return 0;
        }
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positional().get(0) + "': use --source SPEC");
        }
        Settings settings = Settings.forUser();
        DetectOptions options = detectOptions(a, settings);
        PlaybackOptions playback = playback(a);
        Device device = device(a);
        FrameSize size = size(a);
        double duration = a.getDouble("duration", 0);
        if (duration < 0) {
            throw new UsageException("--duration must be 0 or more seconds, not " + a.get("duration", ""));
        }
        String theme = a.get("theme", settings.theme());
        if (!theme.equals("light") && !theme.equals("dark")) {
            throw new UsageException("--theme must be light or dark, not '" + theme + "'");
        }
        Path modelDir = a.has("model") ? Path.of(a.get("model", "")) : null;
        Path recordDir = Path.of(a.get("record-dir", "recordings"));
        Path snapshotDir = Path.of(a.get("snapshot-dir", SnapshotWriter.DEFAULT_FOLDER.toString()));
        Path recordFile = recordFile(a, recordDir);
        WatchSettings watch = watchSettings(a, recordDir, snapshotDir);
        Set<String> snapshotOn = classList(a, "snapshot-on");
        int confirm = a.getInt("confirm", 3);
        long postRoll = seconds(a, "post-roll", 5);
        checkKnownClasses(modelDir, watch != null ? watch.classes() : Set.of(), "--watch");
        checkKnownClasses(modelDir, snapshotOn, "--snapshot-on");

        if (GraphicsEnvironment.isHeadless()) {
            err.println("lookout live: there is no display (headless Java or no DISPLAY), so the window cannot open.");
            err.println("For video without a screen use 'lookout detect' (e.g. lookout detect --annotate out/ "
                    + "VIDEO), or run the window under a virtual display: xvfb-run -a java -jar lookout.jar live");
            return Main.EXIT_FAILED;
        }

        boolean sourceGiven = a.has("source");
        String source = a.get("source", "0");
        AtomicReference<LiveWindow> window = new AtomicReference<>();
        CaptureSourceCatalog catalog = new CaptureSourceCatalog(size);
        boolean record = a.has("record");
        RecordHooks hooks = new RecordHooks(recordDir, recordFile, snapshotDir);
        // Load the OpenCV and FFmpeg natives (~1 s) while Swing and the window are built: the video starts sooner.
        Thread natives = new Thread(() -> {
            OpenCv.load();
            Ffmpeg.init();
        }, "lookout-natives");
        natives.setDaemon(true);
        natives.start();
        // Start loading the model now, too: the first boxes come sooner.
        FutureTask<FrameDetector> model = new FutureTask<>(CocoSsdFrameDetector.loader(modelDir, device));
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
        try {
            SwingUtilities.invokeAndWait(() -> {
                Themes.apply(theme);
                LiveWindow w = new LiveWindow(config);
                w.banner().echoTo(err);
                window.set(w);
                UncaughtProblems.install(window::get, err);
                w.setWatchSettings(watch != null ? watch : WatchSettings.defaults(Set.of("person"))
                        .withFolders(recordDir, snapshotDir));
                w.open(duration, record);
                if (watch != null) {
                    w.startWatching(watch);
                }
                if (!snapshotOn.isEmpty()) {
                    w.snapshotOn(snapshotOn, confirm, postRoll, snapshotDir);
                }
            });
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            err.println("lookout live: the window could not open: " + Main.describe(cause));
            return Main.EXIT_FAILED;
        }
        // The statistics line of a timed run, once, also when SIGTERM ends the run before --duration does.
        AtomicBoolean statsPrinted = new AtomicBoolean(duration <= 0);
        Runnable printStats = () -> {
            if (statsPrinted.compareAndSet(false, true)) {
                try {
                    out.println(new ObjectMapper().writeValueAsString(window.get().stats().summary(System.nanoTime())));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    err.println("lookout live: cannot write the statistics: " + e.getMessage());
                }
                out.flush();
            }
        };
        // SIGTERM (and Ctrl+C) close the window like Ctrl+Q, so the recording and event clips are finalized.
        Thread onTerm = new Thread(() -> {
            LiveWindow w = window.get();
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

    private static boolean hadErrors(LiveWindow w) throws InterruptedException, InvocationTargetException {
        AtomicReference<Boolean> errors = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> errors.set(w.hadErrors()));
        return errors.get();
    }

    /**
     * {@code --record} takes an optional FILE: alone (last, or followed by another option) it becomes
     * {@code --record=} (an empty value: a default name in the record folder).
     */
    static String[] optionalRecordValue(String[] args) {
        String[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i].equals("--")) {
                break;
            }
            if (out[i].equals("--record") && (i + 1 >= out.length || out[i + 1].startsWith("--"))) {
                out[i] = "--record=";
            }
        }
        return out;
    }

    /** The fixed recording file ({@code --record FILE}, relative to {@code --record-dir}), or null for default names. */
    static Path recordFile(Args a, Path recordDir) throws UsageException {
        String value = a.get("record", "");
        if (value.isBlank()) {
            return null;
        }
        Path file = Path.of(value);
        if (file.getFileName() == null || value.endsWith("/")) {
            throw new UsageException("--record FILE needs a file name, e.g. --record out.mp4 (or --record alone "
                    + "for recordings/lookout-DATE-TIME.mp4)");
        }
        return file.isAbsolute() || !a.has("record-dir") ? file : recordDir.resolve(file);
    }

    static Set<String> classList(Args a, String option) throws UsageException {
        if (!a.has(option)) {
            return Set.of();
        }
        Set<String> classes = ClassList.parse(a.get(option, ""));
        if (classes.isEmpty()) {
            throw new UsageException("--" + option + " needs class names, e.g. --" + option + " person,car");
        }
        return classes;
    }

    static WatchSettings watchSettings(Args a, Path recordDir, Path snapshotDir) throws UsageException {
        Set<String> classes = classList(a, "watch");
        int confirm = a.getInt("confirm", 3);
        if (confirm < 1) {
            throw new UsageException("--confirm must be 1 or more frames, not " + confirm);
        }
        long preRoll = seconds(a, "pre-roll", 3);
        long postRoll = seconds(a, "post-roll", 5);
        if (classes.isEmpty()) {
            return null;
        }
        return new WatchSettings(classes, confirm, preRoll, postRoll, recordDir,
                Path.of(a.get("events", "events.jsonl")), snapshotDir);
    }

    private static long seconds(Args a, String name, double fallback) throws UsageException {
        double value = a.getDouble(name, fallback);
        if (!(value >= 0) || value > 3600) {
            throw new UsageException("--" + name + " must be between 0 and 3600 seconds, not " + a.get(name, ""));
        }
        return Math.round(value * 1000);
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
        List<String> unknown = classes.stream().filter(c -> !labels.contains(c)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new UsageException(option + ": unknown class " + String.join(", ", unknown)
                    + "; the classes are: " + String.join(", ", labels.names()));
        }
    }

    static DetectOptions detectOptions(Args a, Settings settings) throws UsageException {
        double minScore = a.getDouble("min-score", settings.minScore());
        int maxBoxes = a.getInt("max-boxes", settings.maxBoxes());
        Set<String> classes = a.has("classes") ? ClassList.parse(a.get("classes", "")) : settings.classes();
        if (!(minScore >= 0 && minScore < 1)) {
            throw new UsageException("--min-score must be at least 0 and below 1, not " + a.get("min-score", ""));
        }
        if (maxBoxes < 1) {
            throw new UsageException("--max-boxes must be at least 1, not " + maxBoxes);
        }
        return DetectOptions.of(maxBoxes, minScore).withClasses(classes);
    }

    static PlaybackOptions playback(Args a) throws UsageException {
        double interval = a.getDouble("interval", PlaybackOptions.DEFAULTS.intervalSeconds());
        if (!(interval > 0)) {
            throw new UsageException("--interval must be more than 0 seconds, not " + a.get("interval", ""));
        }
        return new PlaybackOptions(a.flag("loop"), a.flag("fast"), interval);
    }

    static Device device(Args a) throws UsageException {
        try {
            return Device.parse(a.get("device", "auto"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static FrameSize size(Args a) throws UsageException {
        if (!a.has("size")) {
            return null;
        }
        try {
            return FrameSize.parse(a.get("size", ""));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--size must be WIDTHxHEIGHT, e.g. 1280x720, not '" + a.get("size", "") + "'");
        }
    }

    private static void printHelp(PrintStream out) {
        out.println("usage: lookout live [options]");
        out.println();
        out.println("Opens the live detector window: video with Coco-SSD's detections drawn over it.");
        out.println("Without a camera it plays the demo clip (assets/demo.mp4).");
        out.println();
        out.println("  --source SPEC      camera index (default 0), video file, image, folder of images, or URL");
        out.println("                     (rtsp://, http(s)://, udp://...)");
        out.println("  --size WxH         ask the camera for this size, e.g. 1280x720");
        out.println("  --loop             play a file or folder again at its end");
        out.println("  --fast             read files as fast as possible instead of at their frame rate");
        out.println("  --interval SECONDS time per image of a slideshow (default 2)");
        out.println("  --min-score X      show detections scoring above X (default 0.5, as TF.js)");
        out.println("  --max-boxes N      at most N boxes per frame (default 20, as TF.js)");
        out.println("  --classes A,B      only these classes, e.g. person,car");
        out.println("  --device D         auto (default), cpu or cuda");
        out.println("  --model DIR        the model folder (default models/coco-ssd)");
        out.println("  --theme T          light or dark");
        out.println("  --duration SECONDS close after this time and print one JSON line of statistics");
        out.println("  --record [FILE]    record the video with its boxes from the start: to FILE (MP4), or alone");
        out.println("                     to RECORD-DIR/lookout-YYYYMMDD-HHMMSS.mp4 (also --record=FILE)");
        out.println("  --record-dir DIR   where recordings and event clips go (default recordings)");
        out.println("  --snapshot-dir DIR where snapshots go (default snapshots)");
        out.println("  --snapshot-on A,B  take a snapshot each time one of these classes appears");
        out.println("  --watch A,B        record a clip only while one of these classes is present (pre/post-roll),");
        out.println("                     listed in the window and logged in the events file");
        out.println("  --confirm N        --watch/--snapshot-on: present after N consecutive frames (default 3)");
        out.println("  --pre-roll S       --watch: seconds kept before the appearance (default 3)");
        out.println("  --post-roll S      --watch/--snapshot-on: seconds without a sighting that end it (default 5)");
        out.println("  --events FILE      --watch: the JSON-lines event log (default events.jsonl)");
        out.println();
        out.println("keys: Space pause, F full screen, Esc leave full screen, S snapshot, R record, Ctrl+Q quit");
        out.println("Closing the window, Ctrl+Q, the end of --duration and SIGTERM all finish the files properly.");
    }
}
