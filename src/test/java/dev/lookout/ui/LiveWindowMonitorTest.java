package dev.lookout.ui;

import dev.lookout.testsupport.IntegrationTest;
import static dev.lookout.testsupport.Edt.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.Edt;
import dev.lookout.capture.FfmpegFrameSource;
import dev.lookout.capture.Frame;
import dev.lookout.capture.FrameSource;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.Device;
import dev.lookout.live.CocoSsdFrameDetector;
import dev.lookout.live.PlaybackOptions;
import dev.lookout.live.WatchSettings;
import dev.lookout.record.MonitorEvent;
import dev.lookout.testsupport.TestData;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window while recording and watching, on real video (vtest.avi, people walking): the red REC indicator
 * counts, the event list gets an entry when a person is confirmed and shows its end, the event's clip and the
 * recording read back with FFmpeg, and fast repeated snapshots never share a name.
 */
@IntegrationTest
class LiveWindowMonitorTest {

    @TempDir
    Path dir;
    private Preferences prefs;
    private LiveWindow window;

    @BeforeAll
    static void needsDisplay() throws Exception {
        Edt.requireDisplay("LiveWindowMonitorTest");
        SwingUtilities.invokeAndWait(() -> Themes.apply("dark"));
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (window != null) {
            SwingUtilities.invokeAndWait(window::close);
            window.awaitMonitorsFinished(20_000);
        }
        if (prefs != null) {
            prefs.removeNode();
        }
    }


    private <T> T onEdt(java.util.concurrent.Callable<T> c) throws Exception {
        AtomicReference<T> r = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                r.set(c.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return r.get();
    }

    private void press(String action) throws Exception {
        SwingUtilities.invokeAndWait(() -> window.frame().getRootPane().getActionMap().get(action)
                .actionPerformed(new java.awt.event.ActionEvent(window.frame(), 0, action)));
    }

    private static int countFrames(Path clip) throws Exception {
        int frames = 0;
        try (FrameSource back = FfmpegFrameSource.openFile(clip)) {
            for (Frame next = back.read(); next != null; next = back.read()) {
                try (Frame f = next) {
                    assertEquals(768, f.width());
                    frames++;
                }
            }
        }
        return frames;
    }

    @Test
    void recordingAndWatchingOnVtest() throws Exception {
        Path vtest = TestData.vtestAvi();
        Path model = TestData.require(TestData.modelDir().resolve("model.onnx"), "the converted model").getParent();
        RecordHooks hooks = new RecordHooks(dir.resolve("recordings"), null, dir.resolve("snapshots"));
        prefs = Preferences.userRoot().node("dev/lookout/test-" + System.nanoTime());
        LiveConfig config = new LiveConfig(vtest.toString(), true, PlaybackOptions.DEFAULTS, DetectOptions.DEFAULTS,
                CocoSsdFrameDetector.loader(model, Device.CPU), new CaptureSourceCatalog(null), hooks,
                hooks, new Settings(prefs), "dark", System.nanoTime());
        WatchSettings watch = new WatchSettings(Set.of("person"), 2, 1000, 1000, dir.resolve("clips"),
                dir.resolve("events.jsonl"), dir.resolve("event-snapshots"));
        AtomicReference<LiveWindow> w = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            LiveWindow lw = new LiveWindow(config);
            lw.frame().setBounds(0, 0, 1400, 880);
            lw.open(0);
            lw.startWatching(watch);
            w.set(lw);
        });
        window = w.get();
        assertTrue(await(40_000, () -> !window.stage().overlay().shownDetections().isEmpty()), "detecting");

        // The event list gets an open entry once a person is confirmed.
        assertTrue(await(20_000, () -> window.eventsPanel().events().size() == 1), "an event starts");
        MonitorEvent started = onEdt(() -> window.eventsPanel().events().get(0));
        assertFalse(started.isOver());
        assertEquals(Set.of("person"), started.classes());
        assertTrue(started.peakScore() > 0.5, "" + started);
        assertEquals("Watching person", onEdt(() -> window.eventsPanel().titleText()));

        // Recording: the REC indicator counts seconds and names the file and codec.
        press("record");
        assertTrue(await(5000, () -> window.statusBar().recordingText().startsWith("● REC 00:00:0")),
                onEdt(() -> window.statusBar().recordingText()));
        assertTrue(await(6000, () -> window.statusBar().recordingText().compareTo("● REC 00:00:03") >= 0),
                "the indicator counts: " + onEdt(() -> window.statusBar().recordingText()));
        String details = onEdt(() -> window.statusBar().recordingDetails());
        assertTrue(details.matches("lookout-\\d{8}-\\d{6}\\.mp4 · H\\.264"), details);
        // Its pixels are red: paint the label on its own.
        BufferedImage rec = onEdt(() -> {
            JLabel label = window.statusBar().recordingLabel();
            BufferedImage img = new BufferedImage(label.getWidth(), label.getHeight(), BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            label.paint(g);
            g.dispose();
            return img;
        });
        int red = 0;
        for (int y = 0; y < rec.getHeight(); y++) {
            for (int x = 0; x < rec.getWidth(); x++) {
                int p = rec.getRGB(x, y);
                if (((p >> 16) & 255) > 180 && ((p >> 8) & 255) < 110 && (p & 255) < 110) {
                    red++;
                }
            }
        }
        assertTrue(red > 40, red + " red pixels in the REC indicator");

        screenshot();

        // Five snapshots as fast as the key repeats: five names, the last one confirmed in the status bar.
        for (int i = 0; i < 5; i++) {
            press("snapshot");
        }
        assertTrue(await(15_000, () -> pngs(dir.resolve("snapshots")).size() == 5),
                "five snapshots: " + pngs(dir.resolve("snapshots")));
        assertTrue(await(5000, () -> window.statusBar().noticeText().matches("Saved lookout-.*\\.png")),
                onEdt(() -> window.statusBar().noticeText()));


        // Stopping the watch ends the event: the list shows its duration, its clip reads back.
        SwingUtilities.invokeAndWait(window::stopWatching);
        window.awaitMonitorsFinished(20_000);
        assertTrue(await(5000, () -> window.eventsPanel().events().get(0).isOver()), "the entry shows the end");
        MonitorEvent ended = onEdt(() -> window.eventsPanel().events().get(0));
        assertNotNull(ended.clip());
        assertTrue(countFrames(ended.clip()) >= 30, "the event's clip");
        // Opening it: with a desktop player it opens; here (Xvfb, no desktop) the path is shown and copied.
        if (!java.awt.Desktop.isDesktopSupported()
                || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
            SwingUtilities.invokeAndWait(() -> window.eventsPanel().openEvent(ended));
            assertTrue(await(3000, () -> window.banner().message().contains(ended.clip().toAbsolutePath()
                    .toString())), onEdt(() -> window.banner().message()));
            assertEquals(ended.clip().toAbsolutePath().toString(), java.awt.Toolkit.getDefaultToolkit()
                    .getSystemClipboard().getData(java.awt.datatransfer.DataFlavor.stringFlavor));
        }
        // One event per tracked person: a new line first, an end line for each (stopping ended them all).
        List<String> log = Files.readAllLines(dir.resolve("events.jsonl"));
        assertTrue(log.get(0).startsWith("{\"type\":\"new\""), "" + log);
        assertEquals(log.stream().filter(l -> l.startsWith("{\"type\":\"new\"")).count(),
                log.stream().filter(l -> l.startsWith("{\"type\":\"end\"")).count(), "" + log);

        // Ctrl+Q while recording: the window closes and the recording is finalized.
        press("quit");
        assertTrue(window.awaitClosed(5000), "Ctrl+Q closes the window");
        hooks.awaitFinished(10_000);
        assertEquals("", onEdt(() -> window.statusBar().recordingText()), "the indicator goes");
        Path recording;
        try (Stream<Path> files = Files.list(dir.resolve("recordings"))) {
            recording = files.filter(p -> p.toString().endsWith(".mp4")).findFirst().orElseThrow();
        }
        int frames = countFrames(recording);
        assertTrue(frames >= 25, frames + " frames recorded over 3+ s of a 10 fps source");
    }

    @Test
    void anUnwritableRecordFolderIsABannerAndTheVideoGoesOn() throws Exception {
        Path vtest = TestData.vtestAvi();
        Path model = TestData.require(TestData.modelDir().resolve("model.onnx"), "the converted model").getParent();
        Path notAFolder = Files.writeString(dir.resolve("recordings"), "a file where the folder should be");
        RecordHooks hooks = new RecordHooks(notAFolder, null, dir.resolve("snapshots"));
        prefs = Preferences.userRoot().node("dev/lookout/test-" + System.nanoTime());
        LiveConfig config = new LiveConfig(vtest.toString(), true, PlaybackOptions.DEFAULTS, DetectOptions.DEFAULTS,
                CocoSsdFrameDetector.loader(model, Device.CPU), new CaptureSourceCatalog(null), hooks,
                hooks, new Settings(prefs), "dark", System.nanoTime());
        AtomicReference<LiveWindow> w = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            LiveWindow lw = new LiveWindow(config);
            lw.frame().setBounds(0, 0, 1200, 820);
            lw.open(0);
            w.set(lw);
        });
        window = w.get();
        assertTrue(await(30_000, () -> window.stats().captured() > 5), "playing");
        press("record");
        assertTrue(await(5000, () -> window.banner().level() == Banner.Level.ERROR
                && window.banner().message().startsWith("Recording failed")), onEdt(() -> window.banner().message()));
        assertTrue(onEdt(() -> window.banner().message()).contains(notAFolder.toString()),
                "the message names the folder: " + onEdt(() -> window.banner().message()));
        assertEquals("", onEdt(() -> window.statusBar().recordingText()), "no REC indicator");
        long before = window.stats().captured();
        assertTrue(await(10_000, () -> window.stats().captured() >= before + 8), "the live view goes on");
    }

    private static List<Path> pngs(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A real screenshot of the window while recording and watching, for people to look at. */
    private void screenshot() throws Exception {
        Path out = Path.of(System.getProperty("lookout.screenshot", "target/live-recording-watching.png"));
        java.awt.Rectangle bounds = onEdt(() -> {
            window.frame().toFront();
            return window.frame().getBounds();
        });
        Thread.sleep(600);
        BufferedImage shot = new java.awt.Robot().createScreenCapture(bounds);
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(shot, "png", out.toFile());
    }
}
