package dev.lookout.ui;

import dev.lookout.testsupport.IntegrationTest;
import static dev.lookout.testsupport.Edt.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.testsupport.Edt;
import dev.lookout.capture.FfmpegFrameSource;
import dev.lookout.capture.Frame;
import dev.lookout.capture.FrameSource;
import dev.lookout.capture.FrameSource;
import dev.lookout.capture.SourceStateListener;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.Device;
import dev.lookout.live.CocoSsdFrameDetector;
import dev.lookout.live.PlaybackOptions;
import dev.lookout.testsupport.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S and R keys with the record package behind them: a snapshot and an annotated recording of a live source. */
@IntegrationTest
class LiveWindowRecordTest {

    @TempDir
    Path dir;
    private Preferences prefs;
    private LiveWindow window;

    @BeforeAll
    static void needsDisplay() throws Exception {
        Edt.requireDisplay("LiveWindowRecordTest");
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


    private void press(String action) throws Exception {
        SwingUtilities.invokeAndWait(() -> window.frame().getRootPane().getActionMap().get(action)
                .actionPerformed(new java.awt.event.ActionEvent(window.frame(), 0, action)));
    }

    @Test
    void snapshotAndRecordingOfALiveSource() throws Exception {
        Path dog = TestData.reference().resolve("images/dog.png");
        Path model = TestData.require(TestData.modelDir().resolve("model.onnx"), "the converted model").getParent();
        SourceCatalog live = new TestCatalog() {
            @Override
            public FrameSource open(String spec, PlaybackOptions playback, SourceStateListener states) {
                return new LiveWindowFaultTest.RepeatingLiveSource(dog, -1);
            }
        };
        RecordHooks hooks = new RecordHooks(dir.resolve("recordings"), null, dir.resolve("snapshots"));
        prefs = Preferences.userRoot().node("dev/lookout/test-" + System.nanoTime());
        LiveConfig config = new LiveConfig("dog", true, PlaybackOptions.DEFAULTS, DetectOptions.DEFAULTS,
                CocoSsdFrameDetector.loader(model, Device.CPU), live, hooks, hooks, new Settings(prefs), "dark",
                System.nanoTime());
        AtomicReference<LiveWindow> w = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            LiveWindow lw = new LiveWindow(config);
            lw.frame().setBounds(0, 0, 1000, 750);
            lw.open(0);
            w.set(lw);
        });
        window = w.get();
        assertTrue(await(30_000, () -> window.stage().overlay().shownDetections().size() == 3), "detecting");

        press("snapshot");
        assertTrue(await(10_000, () -> window.statusBar().noticeText().matches("Saved lookout-.*\\.png")),
                window.statusBar().noticeText());
        Path json;
        try (Stream<Path> files = Files.list(dir.resolve("snapshots"))) {
            List<Path> all = files.sorted().toList();
            json = all.stream().filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
            assertTrue(all.stream().anyMatch(p -> p.toString().endsWith(".png")), "" + all);
        }
        JsonNode sidecar = new ObjectMapper().readTree(json.toFile());
        assertEquals(3, sidecar.get("detections").size(), sidecar.toString());
        assertEquals(768, sidecar.get("width").asInt(), "the full-resolution frame, not the scaled screen picture");

        press("record");
        assertTrue(await(5000, () -> window.statusBar().recordingText().startsWith("● REC")),
                window.statusBar().recordingText());
        long recordingFrom = window.stats().captured();
        assertTrue(await(10_000, () -> window.stats().captured() >= recordingFrom + 40), "two seconds recorded");
        press("record");
        assertTrue(await(5000, () -> window.banner().message().startsWith("Recording saved")));
        hooks.awaitFinished(10_000);
        Path clip;
        try (Stream<Path> files = Files.list(dir.resolve("recordings"))) {
            clip = files.filter(p -> p.toString().endsWith(".mp4")).findFirst().orElseThrow();
        }
        // Read it back with FFmpeg: about 2.5 s of the 20 fps source, the photo's size.
        int frames = 0;
        try (FrameSource back = FfmpegFrameSource.openFile(clip)) {
            for (Frame next = back.read(); next != null; next = back.read()) {
                try (Frame f = next) {
                    assertEquals(768, f.width());
                    frames++;
                }
            }
        }
        assertTrue(frames >= 25 && frames <= 70, frames + " frames recorded");
    }
}
