package dev.lookout.capture;

import dev.lookout.testsupport.IntegrationTest;
import static dev.lookout.testsupport.Edt.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.Edt;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.Device;
import dev.lookout.live.CocoSsdFrameDetector;
import dev.lookout.live.PlaybackOptions;
import dev.lookout.testsupport.TestData;
import dev.lookout.ui.Banner;
import dev.lookout.ui.CaptureSourceCatalog;
import dev.lookout.ui.LiveConfig;
import dev.lookout.ui.LiveWindow;
import dev.lookout.ui.Settings;
import dev.lookout.ui.Themes;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * The live window on a real network stream (MJPEG over HTTP on loopback, vtest frames) that drops and comes back:
 * capture's reconnecting source reports, the window shows "reconnecting" and resumes on its own. In this package
 * because it reuses the capture tests' MJPEG server.
 */
@IntegrationTest
class LiveWindowStreamTest {


    @Test
    void aDroppedStreamShowsReconnectingAndResumesByItself() throws Exception {
        Edt.requireDisplay("LiveWindowStreamTest");
        Path model = TestData.require(TestData.modelDir().resolve("model.onnx"), "the converted model").getParent();
        List<byte[]> jpegs = MjpegHttpServer.jpegFrames(TestData.vtestAvi(), 30);
        Preferences prefs = Preferences.userRoot().node("dev/lookout/test-" + System.nanoTime());
        AtomicReference<LiveWindow> window = new AtomicReference<>();
        try (MjpegHttpServer server = MjpegHttpServer.start(jpegs, 0, 10)) {
            String url = server.url("viewer:hunter2@");
            CaptureSourceCatalog catalog = new CaptureSourceCatalog(null);
            LiveConfig config = new LiveConfig(url, true, PlaybackOptions.DEFAULTS, DetectOptions.DEFAULTS,
                    CocoSsdFrameDetector.loader(model, Device.CPU), catalog, null, null, new Settings(prefs), "dark",
                    System.nanoTime());
            SwingUtilities.invokeAndWait(() -> {
                Themes.apply("dark");
                LiveWindow w = new LiveWindow(config);
                w.frame().setBounds(0, 0, 1000, 750);
                window.set(w);
                w.open(0);
            });
            LiveWindow w = window.get();
            assertTrue(await(20_000, () -> w.stage().overlay().shownDetections().stream()
                    .anyMatch(d -> d.className().equals("person"))), "the stream plays with its boxes");
            assertFalse(w.statusBar().sourceText().contains("hunter2"), w.statusBar().sourceText());

            server.stop();
            assertTrue(await(20_000, () -> w.banner().level() == Banner.Level.WARNING
                    && w.banner().message().contains("reconnecting")), "reconnecting banner");
            assertFalse(w.banner().message().contains("hunter2"), w.banner().message());

            server.restart();
            long before = w.stats().captured();
            assertTrue(await(30_000, () -> w.banner().level() == null && w.stats().captured() > before + 10),
                    "frames flow again and the banner is gone: " + w.banner().message());
        } finally {
            LiveWindow w = window.get();
            if (w != null) {
                SwingUtilities.invokeAndWait(w::close);
            }
            prefs.removeNode();
        }
    }
}
