package dev.lookout.ui.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.OpenCv;
import dev.lookout.capture.SourceOptions;
import dev.lookout.cli.CliRun;
import dev.lookout.config.CameraConfig;
import dev.lookout.config.ConfigFile;
import dev.lookout.config.Line;
import dev.lookout.detect.CocoLabels;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.Device;
import dev.lookout.monitor.MonitorLog;
import dev.lookout.notify.CameraCounts;
import dev.lookout.testsupport.Edt;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.TestData;
import dev.lookout.ui.Banner;
import dev.lookout.ui.RegionEditor;
import dev.lookout.ui.Themes;
import dev.lookout.ui.VideoGeometry;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.geom.Point2D;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines and zones drawn with the mouse on an enlarged camera of the wall (under a display, Xvfb in CI), with the
 * real monitor and detector: a counting line dragged across vtest.avi's walkway (mouse events into the tile's
 * editor, as a user's drag sends them) is accepted into the setup, counted by that camera from its next frames on
 * (people cross it) while the other camera runs on untouched (no restart: the same tiles and feeds, frames still
 * flowing), and File ▸ Save writes it to the YAML file that {@code check-config} accepts. Deleting a zone that the
 * camera's {@code required_zones} names is refused with a banner and the zone drawn back. Takes the screenshot
 * {@code docs/images/camera-wall-line.png} (written to target/ unless {@code lookout.wall.lineScreenshot} says).
 */
@IntegrationTest
class WallRegionsTest {

    private CocoSsdDetector detector;
    private CameraWall wall;

    @AfterEach
    void closeWall() throws Exception {
        if (wall != null) {
            SwingUtilities.invokeAndWait(wall::close);
            wall.awaitStopped(60_000);
        }
        if (detector != null) {
            detector.close();
        }
    }

    @Test
    void aLineDrawnOnAnEnlargedCameraIsCountedAtOnceAndSaved(@TempDir Path dir) throws Exception {
        Edt.requireDisplay("WallRegionsTest");
        OpenCv.load();
        SwingUtilities.invokeAndWait(() -> Themes.apply("dark"));
        detector = CocoSsdDetector.load(TestData.modelDir(), Device.CPU);
        Path vtest = TestData.vtestAvi();
        Path demo = TestData.projectDir().resolve("assets/demo.mp4");
        Path file = dir.resolve("lookout.yml");
        Files.writeString(file, String.join("\n",
                "storage: data",
                "cameras:",
                "  walk:",
                "    source: " + vtest,
                "    loop: true",
                "  front:",
                "    source: " + demo,
                "    loop: true",
                "    watch: [person]",
                "    required_zones: [yard]",
                "    zones:",
                "      yard: [[0, 0], [0.5, 0], [0.5, 1], [0, 1]]",
                ""));
        List<String> classes = CocoLabels.read(TestData.modelDir().resolve("labels.json")).names();
        WallSetup setup = new WallSetup(file, ConfigFile.load(file, classes), classes);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SwingUtilities.invokeAndWait(() -> {
            wall = new CameraWall(setup, detector, new MonitorLog(new PrintStream(log, true, StandardCharsets.UTF_8),
                    false), SourceOptions.defaults(), dir);
            wall.frame().setBounds(0, 0, 1280, 820);
            wall.open();
        });
        assertTrue(Edt.await(60_000, () -> wall.tiles().size() == 2
                && wall.tiles().stream().allMatch(t -> t.view.framesPainted() > 0 && t.feed.status()
                        .framesDetected() > 2)), "two cameras painting and detecting");
        List<WallTile> before = WallUi.onEdt(() -> wall.tiles());

        press(KeyEvent.VK_1);
        assertEquals(0, (int) WallUi.onEdt(() -> wall.enlargedIndex()));
        assertTrue(WallUi.onEdt(() -> wall.enlargedBar().regions.isShowing()), "the enlarged camera offers Lines & zones");
        WallTile walk = before.get(0);
        assertTrue(Edt.await(5_000, () -> walk.view.getWidth() > 600), "walk fills the wall");
        SwingUtilities.invokeAndWait(() -> walk.editor.setMode(RegionEditor.Mode.LINE)); // the menu item's action
        // vtest's walkway: people cross x = 0.45 between y = 0.3 and 0.95 within seconds (DetectTrackTest)
        drag(walk.editor, walk.view, 0.45, 0.30, 0.45, 0.95);

        assertEquals(List.of("line-1"), WallUi.onEdt(() -> walk.editor.regions().lines().stream().map(l -> l.name())
                .toList()));
        Line saved = WallUi.onEdt(() -> setup.config().cameras().get("walk").lines().get("line-1"));
        assertNotNull(saved, "the line is in the setup");
        assertTrue(saved.fractions(), "kept as fractions of the frame");
        assertEquals(0.45, saved.from().x(), 0.01);
        assertEquals(0.30, saved.from().y(), 0.01);
        assertEquals(0.95, saved.to().y(), 0.01);
        assertTrue(WallUi.onEdt(() -> wall.frame().getTitle().endsWith("(not saved)")), "the title says it is not saved");

        WallUi.press(walk.editor, KeyEvent.VK_ESCAPE); // Esc ends drawing (the wall stays enlarged)
        assertEquals(RegionEditor.Mode.OFF, WallUi.onEdt(() -> walk.editor.mode()));
        assertEquals(0, (int) WallUi.onEdt(() -> wall.enlargedIndex()));

        long frontDetected = before.get(1).feed.status().framesDetected();
        AtomicReference<CameraCounts.LineTotals> totals = new AtomicReference<>();
        assertTrue(Edt.await(120_000, () -> {
            totals.set(walk.feed.counts().lines().get("line-1"));
            return totals.get() != null && totals.get().in() + totals.get().out() >= 1;
        }), "walk counts people crossing its new line: " + totals.get());
        System.out.println("wall line-1 on walk: in " + totals.get().in() + ", out " + totals.get().out());
        List<WallTile> after = WallUi.onEdt(() -> wall.tiles());
        assertSame(before.get(0), after.get(0), "walk's tile was not rebuilt: no restart");
        assertSame(before.get(1), after.get(1), "front's tile was not rebuilt: no restart");
        assertSame(before.get(1).feed, after.get(1).feed, "front is the same running camera");
        assertTrue(Edt.await(30_000, () -> before.get(1).feed.status().framesDetected() > frontDetected + 5),
                "front goes on detecting, as it was");
        WallUi.screenshot(wall, System.getProperty("lookout.wall.lineScreenshot", "target/camera-wall-line.png"));

        SwingUtilities.invokeAndWait(() -> wall.save());
        CameraConfig reloaded = ConfigFile.load(file, classes).cameras().get("walk");
        assertEquals(saved, reloaded.lines().get("line-1"), "the file holds the line:\n" + Files.readString(file));
        assertTrue(Files.readString(file).contains("line-1"));
        CliRun check = CliRun.of("check-config", file.toString());
        assertEquals(0, check.exitCode(), check.toString());

        aRequiredZoneCannotBeDeleted(after.get(1));
        assertFalse(log.toString(StandardCharsets.UTF_8).contains("Exception"), log.toString(StandardCharsets.UTF_8));
    }

    private void aRequiredZoneCannotBeDeleted(WallTile front) throws Exception {
        press(KeyEvent.VK_2);
        assertTrue(Edt.await(5_000, () -> front.view.getWidth() > 600), "front fills the wall");
        SwingUtilities.invokeAndWait(() -> front.editor.setMode(RegionEditor.Mode.EDIT));
        click(front.editor, front.view, 0.25, 0.5); // inside yard: selects it
        WallUi.press(front.editor, KeyEvent.VK_DELETE);
        assertEquals(List.of("yard"), WallUi.onEdt(() -> front.editor.regions().zones().stream().map(z -> z.name())
                .toList()), "the refused deletion is drawn back");
        assertEquals(Banner.Level.WARNING, WallUi.onEdt(() -> wall.banner().level()));
        String message = WallUi.onEdt(() -> wall.banner().message());
        assertTrue(message.contains("front") && message.contains("yard"), message);
        assertTrue(WallUi.onEdt(() -> setup().config().cameras().get("front").zones().containsKey("yard")));
        press(KeyEvent.VK_0);
        assertEquals(RegionEditor.Mode.OFF, WallUi.onEdt(() -> front.editor.mode()), "back to the grid ends drawing");
    }

    private WallSetup setup() {
        return wall.setup();
    }

    /** A left-button drag from one point of the frame to another, as the mouse sends it to the editor. */
    private static void drag(JComponent editor, CameraTile tile, double x1, double y1, double x2, double y2)
            throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            Point2D a = toView(editor, tile, x1, y1);
            Point2D b = toView(editor, tile, x2, y2);
            mouse(editor, MouseEvent.MOUSE_PRESSED, a, InputEvent.BUTTON1_DOWN_MASK, 1);
            for (int i = 1; i <= 5; i++) {
                Point2D p = new Point2D.Double(a.getX() + (b.getX() - a.getX()) * i / 5,
                        a.getY() + (b.getY() - a.getY()) * i / 5);
                mouse(editor, MouseEvent.MOUSE_DRAGGED, p, InputEvent.BUTTON1_DOWN_MASK, 0);
            }
            mouse(editor, MouseEvent.MOUSE_RELEASED, b, 0, 1);
        });
    }

    private static void click(JComponent editor, CameraTile tile, double x, double y) throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            Point2D p = toView(editor, tile, x, y);
            mouse(editor, MouseEvent.MOUSE_PRESSED, p, InputEvent.BUTTON1_DOWN_MASK, 1);
            mouse(editor, MouseEvent.MOUSE_RELEASED, p, 0, 1);
        });
    }

    private static Point2D toView(JComponent editor, CameraTile tile, double fx, double fy) {
        int w = tile.frameWidth();
        int h = tile.frameHeight();
        return VideoGeometry.frameToView(w, h, editor.getWidth(), editor.getHeight())
                .transform(new Point2D.Double(fx * w, fy * h), null);
    }

    private static void mouse(JComponent c, int id, Point2D p, int modifiers, int clicks) {
        c.dispatchEvent(new MouseEvent(c, id, System.currentTimeMillis(), modifiers, (int) Math.round(p.getX()),
                (int) Math.round(p.getY()), clicks, false, MouseEvent.BUTTON1));
    }

    private void press(int key) throws Exception {
        WallUi.press(wall.frame().getRootPane(), key);
    }

}
