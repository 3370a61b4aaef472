package dev.lookout.ui.wall;

import dev.lookout.Failures;
import dev.lookout.capture.Ffmpeg;
import dev.lookout.capture.OpenCv;
import dev.lookout.capture.SourceOptions;
import dev.lookout.config.CameraConfig;
import dev.lookout.config.ConfigException;
import dev.lookout.config.ConfigFile;
import dev.lookout.config.ConfigProblem;
import dev.lookout.config.LookoutConfig;
import dev.lookout.detect.CocoLabels;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.ModelFiles;
import dev.lookout.monitor.MonitorLog;
import dev.lookout.ui.DemoClip;
import dev.lookout.ui.Themes;
import dev.lookout.ui.UncaughtProblems;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

/**
 * {@code lookout live --config FILE}: loads the configuration (every problem at once, exit 2, as
 * {@code check-config}), or starts a new setup with the demo clip when the file does not exist yet, loads the
 * detector, opens the {@link CameraWall} and waits until it closes (by the user, {@code --duration} or SIGTERM),
 * then stops the monitor so that clips are finalized and the store is closed.
 */
public final class WallLauncher {

    /** The exit code of a configuration that cannot be used (as {@code check-config}). */
    public static final int EXIT_BAD_CONFIG = 2;
    /** The exit code when the window or the detector cannot start. */
    public static final int EXIT_FAILED = 1;

    private WallLauncher() {
    }

    /**
     * Runs the wall until it closes.
     *
     * @param modelDir the model folder, or {@code null} for the default
     * @param durationSeconds close by itself after this time, or 0 for never
     * @param theme {@code light} or {@code dark}
     */
    public static int run(Path configFile, Path modelDir, double durationSeconds, String theme, PrintStream err)
            throws InterruptedException {
        ModelFiles model;
        List<String> classNames;
        try {
            model = modelDir != null ? ModelFiles.in(modelDir) : ModelFiles.findDefault();
            classNames = CocoLabels.read(model.labels()).names();
        } catch (IOException e) {
            err.println("lookout live: " + e.getMessage());
            return EXIT_FAILED;
        }
        WallSetup setup;
        boolean fresh = !Files.exists(configFile);
        try {
            setup = new WallSetup(configFile, fresh ? newSetup(err) : ConfigFile.load(configFile, classNames),
                    classNames);
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                err.println(p);
            }
            return EXIT_BAD_CONFIG;
        } catch (IOException e) {
            err.println("lookout live: " + e.getMessage());
            return EXIT_BAD_CONFIG;
        }
        if (GraphicsEnvironment.isHeadless()) {
            err.println("lookout live: there is no display (headless Java or no DISPLAY), so the camera wall cannot "
                    + "open; run the same cameras without a window: lookout monitor --config " + configFile);
            return EXIT_FAILED;
        }
        MonitorLog log = new MonitorLog(err, false);
        OpenCv.load();
        Ffmpeg.init();
        LookoutConfig config = setup.config();
        try (CocoSsdDetector detector = CocoSsdDetector.load(model.dir(), config.device(), log::info,
                config.precision())) {
            AtomicReference<CameraWall> wall = new AtomicReference<>();
            Thread onTerm = new Thread(() -> {
                CameraWall w = wall.get();
                if (w != null) {
                    SwingUtilities.invokeLater(w::close);
                    try {
                        w.awaitClosed(10_000);
                        w.awaitStopped(30_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "lookout-wall-terminate");
            Runtime.getRuntime().addShutdownHook(onTerm);
            try {
                SwingUtilities.invokeAndWait(() -> {
                    Themes.apply(theme);
                    UncaughtProblems.install(() -> null, err);
                    CameraWall w = new CameraWall(setup, detector, log, SourceOptions.defaults(), Path.of(""));
                    wall.set(w);
                    w.open();
                    if (fresh) {
                        w.banner().show(dev.lookout.ui.Banner.Level.INFO, "A new setup with the demo clip: add "
                                + "cameras in the Cameras menu; File ▸ Save writes " + setup.file(), null, null);
                    }
                    if (durationSeconds > 0) {
                        Timer t = new Timer((int) Math.round(durationSeconds * 1000), e -> w.close());
                        t.setRepeats(false);
                        t.start();
                    }
                });
            } catch (InvocationTargetException e) {
                Runtime.getRuntime().removeShutdownHook(onTerm);
                err.println("lookout live: the window could not open: " + Failures.describe(e.getCause()));
                return EXIT_FAILED;
            }
            wall.get().awaitClosed(Long.MAX_VALUE);
            wall.get().awaitStopped(60_000);
            try {
                Runtime.getRuntime().removeShutdownHook(onTerm);
            } catch (IllegalStateException exiting) {
                // the hook is running: it stops the same monitor
            }
        } catch (IOException e) {
            err.println("lookout live: " + e.getMessage());
            return EXIT_FAILED;
        }
        return 0;
    }

    /** A setup of one camera, the demo clip looping, for a file that does not exist yet. */
    private static LookoutConfig newSetup(PrintStream err) throws IOException {
        Path demo = DemoClip.find().orElseThrow(() -> new IOException("the configuration file does not exist and "
                + "the demo clip (" + DemoClip.RELATIVE_PATH + ") is missing: write a lookout.yml (see "
                + "docs/CONFIG.md) or run from the project folder"));
        err.println("lookout live: new setup (the file does not exist yet); File > Save writes it");
        String source = demo.toAbsolutePath().toString();
        return LookoutConfig.of(List.of(WallSetup.edited(CameraConfig.of("demo", source), source, true,
                List.of("person"))));
    }
}
