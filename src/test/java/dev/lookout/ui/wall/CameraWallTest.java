package dev.lookout.ui.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.MjpegHttpServer;
import dev.lookout.capture.OpenCv;
import dev.lookout.capture.SourceOptions;
import dev.lookout.cli.CliRun;
import dev.lookout.config.ConfigFile;
import dev.lookout.detect.CocoLabels;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.Device;
import dev.lookout.monitor.MonitorLog;
import dev.lookout.record.RecordingSummary;
import dev.lookout.testsupport.Edt;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.TestData;
import dev.lookout.ui.Themes;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The camera wall under a display (Xvfb in CI) with four real cameras run by the real monitor and detector: the
 * demo clip twice (looping), vtest.avi (looping) and an MJPEG stream on the loopback with a password in its URL.
 * Every tile paints its camera's frames (counted per tile against the frames its camera delivered), keys 1–9 and
 * a click enlarge one camera and Esc/0 come back, the enlarged camera's snapshot and record keys save a frame and a
 * recording and its watch toggle restarts the monitor with the camera watched (still enlarged), a stream that dies
 * shows its state on its tile while the others go on, and a camera added with the menus is saved to a file that
 * {@code check-config} accepts and {@code monitor} runs.
 */
@IntegrationTest
class CameraWallTest {

    private static CocoSsdDetector detector;
    private CameraWall wall;

    @BeforeAll
    static void load() throws Exception {
        Edt.requireDisplay("CameraWallTest");
        OpenCv.load();
        SwingUtilities.invokeAndWait(() -> Themes.apply("dark"));
        detector = CocoSsdDetector.load(TestData.modelDir(), Device.CPU);
    }

    @AfterAll
    static void unload() {
        if (detector != null) {
            detector.close();
        }
    }

    @AfterEach
    void closeWall() throws Exception {
        if (wall != null) {
            SwingUtilities.invokeAndWait(wall::close);
            wall.awaitStopped(60_000);
        }
    }

    @Test
    void fourCamerasPaintAtTheirRatesEnlargeByKeyAndShowADeadSource(@TempDir Path dir) throws Exception {
        Path demo = TestData.projectDir().resolve("assets/demo.mp4");
        Path vtest = TestData.vtestAvi();
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        PrintStream logStream = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
        try (MjpegHttpServer mjpeg = MjpegHttpServer.start(MjpegHttpServer.jpegFrames(vtest, 150), 0, 8)) {
            Path file = dir.resolve("lookout.yml");
            Files.writeString(file, String.join("\n",
                    "storage: data",
                    "cameras:",
                    "  front:",
                    "    source: " + demo,
                    "    loop: true",
                    "    watch: [person]",
                    "    pre_roll: 1s",
                    "    post_roll: 1s",
                    "  side:",
                    "    source: " + demo,
                    "    loop: true",
                    "  walk:",
                    "    source: " + vtest,
                    "    loop: true",
                    "    watch: [person]",
                    "    pre_roll: 1s",
                    "    post_roll: 1s",
                    "  street:",
                    "    source: " + mjpeg.url("viewer:hunter2@"),
                    ""));
            List<String> classes = CocoLabels.read(TestData.modelDir().resolve("labels.json")).names();
            WallSetup setup = new WallSetup(file, ConfigFile.load(file, classes), classes);
            SourceOptions quick = SourceOptions.defaults().withNetworkTimeout(Duration.ofSeconds(2))
                    .withReconnectBackoff(Duration.ofMillis(300), Duration.ofSeconds(2), 0)
                    .withStallAfter(Duration.ofSeconds(1));
            SwingUtilities.invokeAndWait(() -> {
                wall = new CameraWall(setup, detector, new MonitorLog(logStream, false), quick, dir);
                wall.frame().setBounds(0, 0, 1280, 820);
                wall.open();
            });
            assertTrue(Edt.await(60_000, () -> wall.tiles().size() == 4
                    && wall.tiles().stream().allMatch(t -> t.view.framesPainted() > 0)), "four tiles painting");
            assertEquals(List.of("front", "side", "walk", "street"),
                    WallUi.onEdt(() -> wall.tiles().stream().map(t -> t.view.cameraName()).toList()));
            List<Rectangle> cells = WallUi.onEdt(() -> wall.tiles().stream().map(t -> t.view.getBounds()).toList());
            assertEquals(cells.get(0).y, cells.get(1).y, "1 and 2 side by side: " + cells);
            assertEquals(cells.get(0).x, cells.get(2).x, "3 below 1: " + cells);
            assertTrue(cells.get(2).y > cells.get(0).y && cells.get(3).y == cells.get(2).y, "a 2×2 grid: " + cells);
            assertEquals(cells.get(0).getSize(), cells.get(3).getSize(), "tiles of one size");

            // boxes and an event in the list, and the start (models warming, first events) over
            assertTrue(Edt.await(60_000, () -> wall.tiles().stream().allMatch(t -> t.feed.status()
                    .framesDetected() > 3) && !wall.eventList().events().isEmpty()), "detections and an event");

            everyTilePaintsItsCamerasFrames();

            String listed = WallUi.onEdt(() -> WallEventList.describe(wall.eventList().events().get(0)));
            assertTrue(Stream.of("front", "side", "walk", "street").anyMatch(c -> listed.contains("  " + c + " · ")),
                    "the camera is named: " + listed);
            WallUi.screenshot(wall, System.getProperty("lookout.wall.screenshot", "target/camera-wall.png"));

            keysAndClicksEnlargeOneCamera(dir);

            mjpeg.stop();
            assertTrue(Edt.await(30_000, () -> !wall.tiles().get(3).view.stateText().equals("live")),
                    "the dead stream's tile leaves 'live'");
            String state = WallUi.onEdt(() -> wall.tiles().get(3).view.stateText());
            assertTrue(List.of("stalled", "reconnecting", "offline").contains(state), state);
            assertTrue(Edt.await(30_000, () -> wall.tiles().get(3).view.problemText() != null),
                    "the problem is written on the tile");
            String problem = WallUi.onEdt(() -> wall.tiles().get(3).view.problemText());
            assertFalse(problem.contains("hunter2"), "no password on screen: " + problem);
            long[] before = WallUi.onEdt(() -> painted());
            assertTrue(Edt.await(30_000, () -> {
                long[] now = painted();
                return now[0] > before[0] + 10 && now[1] > before[1] + 10 && now[2] > before[2] + 10;
            }), "the other tiles go on painting");
            WallUi.screenshot(wall, "target/camera-wall-stream-lost.png");

            addedCameraIsSavedAndRunsHeadless(file, classes);
        }
        assertFalse(logBytes.toString(StandardCharsets.UTF_8).contains("hunter2"), "no password in the log");
    }

    /**
     * Over a window of 40 frames of the slowest camera, each tile paints the frames its camera delivered. On a
     * loaded machine (CI with other builds: load 18–30 on 2 cores) the event thread and Xvfb get their turns late,
     * every paint of the wall costs tens of milliseconds, and the display buffer drops the oldest waiting frame, so
     * tiles painted 62–87% of their frames there; at least half is required. Tiles that did not follow their camera
     * (lost repaints, an event thread flooded by the event list's HTML cells) painted under a fifth.
     */
    private void everyTilePaintsItsCamerasFrames() throws Exception {
        long[] received0 = WallUi.onEdt(this::received);
        long[] painted0 = WallUi.onEdt(this::painted);
        long start = System.nanoTime();
        assertTrue(Edt.await(60_000, () -> {
            long[] r = received();
            for (int i = 0; i < r.length; i++) {
                if (r[i] < received0[i] + 40) {
                    return false;
                }
            }
            return true;
        }), "40 more frames from every camera");
        long[] received1 = WallUi.onEdt(this::received);
        long[] painted1 = WallUi.onEdt(this::painted);
        double seconds = (System.nanoTime() - start) / 1e9;
        for (int i = 0; i < received0.length; i++) {
            long got = received1[i] - received0[i];
            long shown = painted1[i] - painted0[i];
            int tile = i;
            double cameraFps = WallUi.onEdt(() -> wall.tiles().get(tile).feed.status().fps());
            System.out.printf(Locale.ROOT, "wall tile %d: camera %.1f fps, %d frames received, %d painted in %.1f s"
                    + " (%.1f painted/s)%n", i + 1, cameraFps, got, shown, seconds, shown / seconds);
            assertTrue(shown * 2 >= got, "tile " + (i + 1) + " painted " + shown + " of its camera's " + got
                    + " frames");
        }
    }

    private void keysAndClicksEnlargeOneCamera(Path dir) throws Exception {
        press(KeyEvent.VK_2);
        assertEquals(1, (int) WallUi.onEdt(() -> wall.enlargedIndex()));
        assertTrue(Edt.await(5_000, () -> {
            CameraTile side = wall.tiles().get(1).view;
            return side.isVisible() && side.getWidth() == side.getParent().getWidth()
                    && !wall.tiles().get(0).view.isVisible();
        }), "camera 2 fills the wall");
        long sidePainted = WallUi.onEdt(() -> wall.tiles().get(1).view.framesPainted());
        assertTrue(Edt.await(20_000, () -> wall.tiles().get(1).view.framesPainted() > sidePainted + 10),
                "the enlarged camera goes on painting");
        press(KeyEvent.VK_S);
        Path shots = dir.resolve("snapshots/side");
        assertTrue(Edt.await(20_000, () -> pngs(shots) > 0), "the snapshot key saves the enlarged camera's frame");
        press(KeyEvent.VK_R);
        assertTrue(WallUi.onEdt(() -> wall.tiles().get(1).actions.isRecording()), "R records the enlarged camera");
        long recordFrom = WallUi.onEdt(() -> wall.tiles().get(1).frames.framesReceived());
        assertTrue(Edt.await(30_000, () -> wall.tiles().get(1).frames.framesReceived() > recordFrom + 15),
                "frames for the recording");
        press(KeyEvent.VK_R);
        RecordingSummary recorded = WallUi.onEdt(() -> wall.tiles().get(1).actions.lastFinish()).get(30, TimeUnit.SECONDS);
        assertTrue(recorded.succeeded() && recorded.framesWritten() >= 10, recorded.toString());
        assertTrue(recorded.path().startsWith(dir.resolve("recordings/side")) && Files.size(recorded.path()) > 10_000,
                recorded.path().toString());
        WallTile before = WallUi.onEdt(() -> wall.tiles().get(1));
        SwingUtilities.invokeAndWait(() -> wall.enlargedBar().watch.doClick());
        assertTrue(Edt.await(60_000, () -> wall.tiles().size() == 4 && wall.tiles().get(1) != before
                && wall.tiles().get(1).view.framesPainted() > 3), "the monitor restarted with the watched camera");
        assertEquals(List.of("person"), WallUi.onEdt(() -> wall.setup().config().cameras().get("side").watch()));
        assertEquals(1, (int) WallUi.onEdt(() -> wall.enlargedIndex()), "the camera stays enlarged across the restart");
        press(KeyEvent.VK_ESCAPE);
        assertEquals(-1, (int) WallUi.onEdt(() -> wall.enlargedIndex()));
        assertTrue(Edt.await(5_000, () -> wall.tiles().stream().allMatch(t -> t.view.isVisible())), "grid again");
        press(KeyEvent.VK_4);
        assertEquals(3, (int) WallUi.onEdt(() -> wall.enlargedIndex()));
        press(KeyEvent.VK_0);
        assertEquals(-1, (int) WallUi.onEdt(() -> wall.enlargedIndex()));
        press(KeyEvent.VK_7); // no seventh camera: nothing happens
        assertEquals(-1, (int) WallUi.onEdt(() -> wall.enlargedIndex()));
        SwingUtilities.invokeAndWait(() -> {
            CameraTile walk = wall.tiles().get(2).view;
            walk.dispatchEvent(new MouseEvent(walk, MouseEvent.MOUSE_CLICKED, System.currentTimeMillis(), 0, 20, 20,
                    1, false, MouseEvent.BUTTON1));
        });
        assertEquals(2, (int) WallUi.onEdt(() -> wall.enlargedIndex()), "a click enlarges its camera");
        press(KeyEvent.VK_ESCAPE);
    }

    private void addedCameraIsSavedAndRunsHeadless(Path file, List<String> classes) throws Exception {
        Path demo = TestData.projectDir().resolve("assets/demo.mp4");
        SwingUtilities.invokeAndWait(() -> {
            wall.edits().add(new CameraDialog.Entry("porch", demo.toString(), true, List.of("person")));
            wall.edits().removeNow("street");
        });
        assertTrue(Edt.await(60_000, () -> wall.tiles().size() == 4
                && wall.tiles().get(3).view.cameraName().equals("porch")
                && wall.tiles().get(3).view.framesPainted() > 5), "the wall runs the edited setup");
        SwingUtilities.invokeAndWait(() -> wall.save());
        assertEquals(List.of("front", "side", "walk", "porch"),
                List.copyOf(ConfigFile.load(file, classes).cameras().keySet()));
        // the wall holds the store; the headless run gets its own storage to read the same cameras
        Path copy = file.resolveSibling("headless.yml");
        Files.writeString(copy, Files.readString(file).replace("storage: data", "storage: headless-data"));
        CliRun check = CliRun.of("check-config", file.toString());
        assertEquals(0, check.exitCode(), check.toString());
        CliRun monitor = CliRun.of("monitor", "--config", copy.toString(), "--duration", "4", "--health", "1");
        String log = monitor.err();
        assertEquals(0, monitor.exitCode(), log);
        for (String camera : List.of("front", "side", "walk", "porch")) {
            assertTrue(log.contains(camera + ": live"), camera + " runs headless:\n" + log);
        }
    }

    private long[] received() {
        return wall.tiles().stream().mapToLong(t -> t.frames.framesReceived()).toArray();
    }

    private long[] painted() {
        return wall.tiles().stream().mapToLong(t -> t.view.framesPainted()).toArray();
    }

    private void press(int key) throws Exception {
        WallUi.press(wall.frame().getRootPane(), key);
    }

    private static long pngs(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".png")).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
