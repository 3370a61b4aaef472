package dev.lookout.ui;

import dev.lookout.testsupport.IntegrationTest;
import static dev.lookout.testsupport.Edt.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.Edt;
import dev.lookout.capture.Frame;
import dev.lookout.capture.FrameSource;
import dev.lookout.capture.ReconnectingFrameSource;
import dev.lookout.capture.SourceOptions;
import dev.lookout.capture.SourceStateListener;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.Device;
import dev.lookout.live.CocoSsdFrameDetector;
import dev.lookout.live.FrameDetector;
import dev.lookout.live.PlaybackOptions;
import dev.lookout.testsupport.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/** The window when sources fail: no camera, a bad URL, a stream that drops and comes back. */
@IntegrationTest
class LiveWindowFaultTest {

    private Preferences prefs;
    private LiveWindow window;

    @BeforeAll
    static void needsDisplay() throws Exception {
        Edt.requireDisplay("LiveWindowFaultTest");
        SwingUtilities.invokeAndWait(() -> Themes.apply("dark"));
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (window != null) {
            SwingUtilities.invokeAndWait(window::close);
        }
        if (prefs != null) {
            prefs.removeNode();
        }
    }

    private static Callable<FrameDetector> cocoSsd() {
        Path model = TestData.require(TestData.modelDir().resolve("model.onnx"), "the converted model").getParent();
        return CocoSsdFrameDetector.loader(model, Device.CPU);
    }

    private void open(String spec, boolean sourceGiven, SourceCatalog catalog) throws Exception {
        prefs = Preferences.userRoot().node("dev/lookout/test-" + System.nanoTime());
        LiveConfig config = new LiveConfig(spec, sourceGiven, PlaybackOptions.DEFAULTS, DetectOptions.DEFAULTS,
                cocoSsd(), catalog, null, null, new Settings(prefs), "dark", System.nanoTime());
        AtomicReference<LiveWindow> w = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            LiveWindow lw = new LiveWindow(config);
            lw.frame().setBounds(0, 0, 1000, 750);
            lw.open(0);
            w.set(lw);
        });
        window = w.get();
    }


    private void openEchoing(String spec, java.io.PrintStream stderr) throws Exception {
        prefs = Preferences.userRoot().node("dev/lookout/test-" + System.nanoTime());
        LiveConfig config = new LiveConfig(spec, true, PlaybackOptions.DEFAULTS, DetectOptions.DEFAULTS,
                cocoSsd(), new CaptureSourceCatalog(null), null, null, new Settings(prefs), "dark", System.nanoTime());
        AtomicReference<LiveWindow> w = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            LiveWindow lw = new LiveWindow(config);
            lw.banner().echoTo(stderr);
            lw.frame().setBounds(0, 0, 1000, 750);
            lw.open(0);
            w.set(lw);
        });
        window = w.get();
    }

    private static <T> T onEdt(java.util.concurrent.Callable<T> read) throws Exception {
        AtomicReference<T> value = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                value.set(read.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return value.get();
    }

    private String bannerText() throws Exception {
        AtomicReference<String> s = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> s.set(window.banner().message()));
        return s.get();
    }

    @Test
    void withoutACameraTheDemoClipPlaysAndTheStatusBarSaysWhy() throws Exception {
        TestData.require(Path.of(DemoClip.RELATIVE_PATH), "the demo clip");
        open("0", false, new CaptureSourceCatalog(null));
        assertTrue(await(20_000, () -> window.statusBar().sourceText().equals("demo.mp4")
                && window.stage().video().image() != null), "the demo clip plays");
        assertTrue(await(5000, () -> window.statusBar().stateText().contains("No camera — playing the demo clip")),
                "status bar says why it plays the demo");
        String banner = bannerText();
        assertTrue(banner.contains("No camera could be opened") && banner.contains("demo clip"), banner);
        // And the detector works on it: vtest's pedestrians.
        assertTrue(await(30_000, () -> window.stage().overlay().shownDetections().stream()
                .anyMatch(d -> d.className().equals("person"))), "people detected in the demo clip");
    }

    @Test
    void aCameraTheUserAskedForIsNotReplacedByTheDemo() throws Exception {
        open("7", true, new CaptureSourceCatalog(null));
        assertTrue(await(20_000, () -> window.banner().level() == Banner.Level.ERROR), "error banner");
        assertTrue(bannerText().contains("camera 7"), bannerText());
        assertTrue(await(1000, () -> window.statusBar().stateText().contains("Failed")));
    }

    @Test
    void anUnreachableStreamFailsClearlyWithoutShowingItsPassword() throws Exception {
        java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
        openEchoing("rtsp://admin:s3cret@127.0.0.1:9/live", new java.io.PrintStream(stderr, true));
        assertTrue(await(30_000, () -> window.banner().level() == Banner.Level.ERROR), "error banner");
        String banner = bannerText();
        assertFalse(banner.contains("s3cret"), banner);
        assertTrue(banner.contains("127.0.0.1"), banner);
        // the window is not the only witness: the banner is one line on stderr too, and counts as a failure
        assertEquals(List.of("lookout live: " + banner), stderr.toString().lines().toList());
        assertTrue(onEdt(() -> window.hadErrors()));
        AtomicReference<String> source = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> source.set(window.statusBar().sourceText()));
        assertFalse(source.get().contains("s3cret"), source.get());
    }

    @Test
    void aLiveSourceThatDropsShowsReconnectingAndResumesOnItsOwn() throws Exception {
        Path dog = TestData.reference().resolve("images/dog.png");
        AtomicInteger opens = new AtomicInteger();
        SourceCatalog flaky = new TestCatalog() {
            @Override
            public FrameSource open(String spec, PlaybackOptions playback, SourceStateListener states)
                    throws IOException {
                return ReconnectingFrameSource.open(() -> {
                    int n = opens.incrementAndGet();
                    if (n == 2) {
                        throw new IOException("connection refused");
                    }
                    return new RepeatingLiveSource(dog, n == 1 ? 10 : -1);
                }, SourceOptions.defaults().withStateListener(states));
            }

            @Override
            public String describe(String spec) {
                return "camera-like stream";
            }
        };
        open("stream", true, flaky);
        assertTrue(await(10_000, () -> window.banner().level() == Banner.Level.WARNING
                && window.banner().message().contains("reconnecting")), "reconnecting banner");
        assertTrue(await(10_000, () -> window.statusBar().stateText().contains("Reconnecting")
                || window.banner().message().contains("connection refused")));
        assertTrue(await(15_000, () -> opens.get() >= 3 && window.banner().level() == null
                && window.statusBar().stateText().contains("Playing")), "resumed, banner gone");
        long before = window.stats().captured();
        assertTrue(await(5000, () -> window.stats().captured() > before), "frames flow again");
        assertEquals(3, opens.get());
    }

    @Test
    void anExceptionEscapingTheEventThreadBecomesABannerNotAStackTrace() throws Exception {
        Path dog = TestData.reference().resolve("images/dog.png");
        open(dog.toString(), true, new TestCatalog());
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        try {
            UncaughtProblems.install(() -> window, new java.io.PrintStream(err, true));
            SwingUtilities.invokeLater(() -> {
                throw new IllegalStateException("a bug in a listener");
            });
            assertTrue(await(5000, () -> window.banner().level() == Banner.Level.ERROR
                    && window.banner().message().contains("a bug in a listener")), "banner");
            String printed = err.toString();
            assertTrue(printed.contains("unexpected problem on AWT-EventQueue") && printed.lines().count() == 1,
                    printed);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    @Test
    void aStalledStreamSaysStalledInsteadOfPlayingAndPlayingAgainWhenFramesReturn() throws Exception {
        Path dog = TestData.reference().resolve("images/dog.png");
        java.util.concurrent.CountDownLatch resume = new java.util.concurrent.CountDownLatch(1);
        SourceCatalog stalling = new TestCatalog() {
            @Override
            public FrameSource open(String spec, PlaybackOptions playback, SourceStateListener states)
                    throws IOException {
                return ReconnectingFrameSource.open(() -> new RepeatingLiveSource(dog, -1) {
                    @Override
                    public Frame read() throws IOException {
                        if (index() == 10) {
                            try {
                                resume.await(); // a stream that stays connected but sends nothing
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        return super.read();
                    }
                }, SourceOptions.defaults().withStallAfter(java.time.Duration.ofMillis(500))
                        .withStateListener(states));
            }

            @Override
            public String describe(String spec) {
                return "stalling stream";
            }
        };
        open("stream", true, stalling);
        try {
            assertTrue(await(20_000, () -> window.statusBar().stateText().endsWith("Stalled")),
                    "stalled after 10 frames: " + window.statusBar().stateText());
            assertEquals(10, window.stats().captured());
        } finally {
            resume.countDown();
        }
        assertTrue(await(5000, () -> window.statusBar().stateText().endsWith("Playing")
                && window.stats().captured() > 10), "playing again: " + window.statusBar().stateText());
    }

    /** A live source showing one image at 20 fps, failing after {@code failAfter} frames (-1: never). */
    static class RepeatingLiveSource implements FrameSource {
        private final Mat image;
        private final int failAfter;
        private long index;

        RepeatingLiveSource(Path file, int failAfter) {
            dev.lookout.capture.OpenCv.load();
            this.image = Imgcodecs.imread(file.toString());
            this.failAfter = failAfter;
        }

        @Override
        public String description() {
            return "repeating";
        }

        long index() {
            return index;
        }

        @Override
        public Frame read() throws IOException {
            if (failAfter >= 0 && index >= failAfter) {
                throw new IOException("stream dropped");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            return new Frame(image.clone(), index++, index * 50_000, System.nanoTime());
        }

        @Override
        public double frameRate() {
            return 20;
        }

        @Override
        public boolean isLive() {
            return true;
        }

        @Override
        public void close() {
            image.release();
        }
    }
}
