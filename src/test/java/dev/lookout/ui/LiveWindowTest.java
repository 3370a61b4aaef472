package dev.lookout.ui;

import dev.lookout.testsupport.IntegrationTest;
import static dev.lookout.testsupport.Edt.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.testsupport.Edt;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.Device;
import dev.lookout.live.CocoSsdFrameDetector;
import dev.lookout.live.PlaybackOptions;
import dev.lookout.overlay.ClassColors;
import dev.lookout.testsupport.TestData;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real window under a display (Xvfb in CI): real Coco-SSD on the TF.js reference photo of a dog, a bicycle and
 * a car; the overlay's rectangles are checked pixel by pixel where TF.js puts the boxes.
 */
@IntegrationTest
class LiveWindowTest {

    private static final Path SHOTS = Path.of("target/ui-shots");
    private Preferences prefs;
    private LiveWindow window;

    @BeforeAll
    static void needsDisplay() throws Exception {
        Edt.requireDisplay("LiveWindowTest");
        SwingUtilities.invokeAndWait(() -> Themes.apply("dark"));
        Files.createDirectories(SHOTS);
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

    private LiveWindow open(String spec, boolean sourceGiven, DetectOptions options, SourceCatalog catalog,
            Callable<? extends dev.lookout.live.FrameDetector> detector) throws Exception {
        prefs = Preferences.userRoot().node("dev/lookout/test-" + System.nanoTime());
        LiveConfig config = new LiveConfig(spec, sourceGiven, PlaybackOptions.DEFAULTS, options, detector, catalog,
                null, null, new Settings(prefs), "dark", System.nanoTime());
        AtomicReference<LiveWindow> w = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            LiveWindow lw = new LiveWindow(config);
            lw.frame().setBounds(0, 0, 1100, 800);
            lw.open(0);
            w.set(lw);
        });
        window = w.get();
        return window;
    }

    private static Callable<CocoSsdFrameDetector> cocoSsd() {
        Path model = TestData.require(TestData.modelDir().resolve("model.onnx"), "the converted model").getParent();
        return () -> (CocoSsdFrameDetector) CocoSsdFrameDetector.loader(model, Device.CPU).call();
    }

    /** TF.js's detections for {@code image} at minScore 0.5. */
    private static List<JsonNode> tfjs(String image) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (String line : Files.readAllLines(TestData.reference().resolve("tfjs-detections-0.5.jsonl"))) {
            JsonNode n = mapper.readTree(line);
            if (n.get("image").asText().equals("images/" + image)) {
                List<JsonNode> out = new ArrayList<>();
                n.get("detections").forEach(out::add);
                return out;
            }
        }
        throw new AssertionError("no TF.js answer for " + image);
    }


    /** Paints the video area (video + overlay layers) into an image, as the screen shows it. */
    private BufferedImage paintStage(String name) throws Exception {
        AtomicReference<BufferedImage> out = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            VideoStage stage = window.stage();
            BufferedImage img = new BufferedImage(stage.getWidth(), stage.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            stage.paint(g);
            g.dispose();
            out.set(img);
        });
        ImageIO.write(out.get(), "png", SHOTS.resolve(name + ".png").toFile());
        return out.get();
    }

    private AffineTransform frameToStage() throws Exception {
        AtomicReference<AffineTransform> t = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> t.set(window.stage().video().frameToView()));
        return t.get();
    }

    /**
     * Counts how many of the box's four edge midpoints show the class colour (a label or another box may hide
     * one edge).
     */
    private static int edgesInColour(BufferedImage shot, AffineTransform t, JsonNode det) {
        var b = det.get("bbox");
        double x = b.get(0).asDouble();
        double y = b.get(1).asDouble();
        double w = b.get(2).asDouble();
        double h = b.get(3).asDouble();
        Color want = ClassColors.of(det.get("class").asText());
        double[][] mids = {{x, y + h / 2}, {x + w, y + h / 2}, {x + w / 2, y}, {x + w / 2, y + h}};
        int hits = 0;
        for (double[] m : mids) {
            Point2D p = t.transform(new Point2D.Double(Math.max(0, Math.min(m[0], 767.5)),
                    Math.max(0, Math.min(m[1], 575.5))), null);
            if (nearColour(shot, (int) Math.round(p.getX()), (int) Math.round(p.getY()), want)) {
                hits++;
            }
        }
        return hits;
    }

    /** The mean red, green and blue of the (2r+1)² pixels around (x, y). */
    private static int[] meanRgb(BufferedImage img, int x, int y, int r) {
        long[] sum = new long[3];
        int n = 0;
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                Color c = new Color(img.getRGB(x + dx, y + dy));
                sum[0] += c.getRed();
                sum[1] += c.getGreen();
                sum[2] += c.getBlue();
                n++;
            }
        }
        return new int[] {(int) (sum[0] / n), (int) (sum[1] / n), (int) (sum[2] / n)};
    }

    /** True when a pixel within 2 px of (x, y) has {@code want}'s colour. */
    private static boolean nearColour(BufferedImage img, int x, int y, Color want) {
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                int px = x + dx;
                int py = y + dy;
                if (px < 0 || py < 0 || px >= img.getWidth() || py >= img.getHeight()) {
                    continue;
                }
                Color c = new Color(img.getRGB(px, py));
                if (Math.abs(c.getRed() - want.getRed()) + Math.abs(c.getGreen() - want.getGreen())
                        + Math.abs(c.getBlue() - want.getBlue()) < 40) {
                    return true;
                }
            }
        }
        return false;
    }

    private int shownBoxes() throws Exception {
        AtomicReference<Integer> n = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> n.set(window.stage().overlay().shownDetections().size()));
        return n.get();
    }

    @Test
    void overlayDrawsTheBoxesOnTheirObjectsAndFollowsResizing() throws Exception {
        Path dog = TestData.reference().resolve("images/dog.png");
        List<JsonNode> expected = tfjs("dog.png");
        open(dog.toString(), true, DetectOptions.DEFAULTS, new TestCatalog(), cocoSsd());
        assertTrue(await(20_000, () -> window.stage().overlay().shownDetections().size() == expected.size()
                && window.stage().video().image() != null), "the dog photo's 3 detections are shown");
        BufferedImage shot = paintStage("dog-1100x800");
        AffineTransform t = frameToStage();
        // The video layer shows the photo itself where it should be: compare small patches off the boxes.
        BufferedImage photo = ImageIO.read(dog.toFile());
        for (int[] p : new int[][] {{60, 500}, {700, 400}, {400, 60}, {720, 560}}) {
            Point2D v = t.transform(new Point2D.Double(p[0] + 0.5, p[1] + 0.5), null);
            int[] want = meanRgb(photo, p[0], p[1], 3);
            int[] got = meanRgb(shot, (int) v.getX(), (int) v.getY(), 3);
            for (int c = 0; c < 3; c++) {
                assertTrue(Math.abs(want[c] - got[c]) < 30, "photo pixel " + p[0] + "," + p[1] + " channel " + c
                        + ": " + want[c] + " vs " + got[c]);
            }
        }
        for (JsonNode d : expected) {
            assertTrue(edgesInColour(shot, t, d) >= 3, d.get("class") + " box edges in its colour at " + d);
        }
        // A tall narrow window: the frame is letterboxed top and bottom, the boxes scale with it.
        SwingUtilities.invokeAndWait(() -> {
            window.frame().setSize(700, 900);
            window.frame().validate();
        });
        Thread.sleep(300);
        BufferedImage tall = paintStage("dog-700x900");
        AffineTransform t2 = frameToStage();
        assertFalse(t.equals(t2), "the geometry changed with the window");
        assertTrue(t2.getTranslateY() > 20, "letterboxed above and below: " + t2);
        for (JsonNode d : expected) {
            assertTrue(edgesInColour(tall, t2, d) >= 3, d.get("class") + " box follows the resize");
        }
    }

    @Test
    void minScoreSliderAndClassFilterChangeWhatIsDrawn() throws Exception {
        Path dog = TestData.reference().resolve("images/dog.png");
        List<JsonNode> expected = tfjs("dog.png"); // bicycle .967, dog .885, car .837
        open(dog.toString(), true, DetectOptions.DEFAULTS, new TestCatalog(), cocoSsd());
        // The slider and the filter choose TF.js's answer: tracking (on by default) has thresholds of its own.
        SwingUtilities.invokeAndWait(() -> window.setTracking(false, false));
        assertTrue(await(2000, () -> window.controlsForTest().minScore.isEnabled()), "the slider works again");
        assertTrue(await(20_000, () -> window.stage().overlay().shownDetections().size() == 3));

        SwingUtilities.invokeAndWait(() -> window.setMinScore(0.9));
        assertTrue(await(5000, () -> window.stage().overlay().shownDetections().size() == 1),
                "only the bicycle scores above 0.9");
        BufferedImage shot = paintStage("dog-min90");
        AffineTransform t = frameToStage();
        assertTrue(edgesInColour(shot, t, expected.get(0)) >= 3, "bicycle still drawn");
        assertTrue(edgesInColour(shot, t, expected.get(2)) <= 1, "car no longer drawn");

        SwingUtilities.invokeAndWait(() -> {
            window.setMinScore(0.5);
            window.setClassFilter("car");
        });
        assertTrue(await(5000, () -> window.stage().overlay().shownDetections().size() == 1
                && window.stage().overlay().shownDetections().get(0).className().equals("car")), "only the car");
        BufferedImage cars = paintStage("dog-only-car");
        assertTrue(edgesInColour(cars, t, expected.get(2)) >= 3, "car drawn");
        assertTrue(edgesInColour(cars, t, expected.get(0)) <= 1, "bicycle no longer drawn");

        SwingUtilities.invokeAndWait(() -> window.setClassFilter("car, unicorn"));
        assertTrue(await(2000, () -> window.banner().message().contains("Unknown class unicorn")),
                "an unknown class is named in the banner");
    }

    @Test
    void missingFileShowsABannerAndTheWindowStaysUsable() throws Exception {
        open("/nonexistent/clip.mp4", true, DetectOptions.DEFAULTS, new TestCatalog(), cocoSsd());
        assertTrue(await(5000, () -> window.banner().level() == Banner.Level.ERROR));
        String message = onEdt(() -> window.banner().message());
        assertTrue(message.contains("no such file") && message.contains("clip.mp4"), message);
        assertTrue(onEdt(() -> window.statusBar().stateText()).contains("Failed"));
        // Another source can be chosen after the failure.
        Path dog = TestData.reference().resolve("images/dog.png");
        SwingUtilities.invokeAndWait(() -> window.play(dog.toString()));
        assertTrue(await(20_000, () -> window.stage().overlay().shownDetections().size() == 3));
        assertEquals(null, onEdt(() -> window.banner().level()));
    }

    @Test
    void closingStopsEveryThreadWithinOneSecond() throws Exception {
        Path dog = TestData.reference().resolve("images/dog.png");
        open(dog.toString(), true, DetectOptions.DEFAULTS, new TestCatalog(), cocoSsd());
        assertTrue(await(20_000, () -> window.stage().overlay().shownDetections().size() == 3));
        long start = System.nanoTime();
        SwingUtilities.invokeAndWait(window::close);
        double ms = (System.nanoTime() - start) / 1e6;
        assertTrue(ms < 1000, "closed in " + ms + " ms");
        assertTrue(window.pipeline().isStopped());
        assertFalse(window.frame().isDisplayable());
        List<String> left = Thread.getAllStackTraces().keySet().stream()
                .filter(th -> th.isAlive() && th.getName().startsWith("lookout-")).map(Thread::getName).toList();
        assertTrue(left.isEmpty(), "no lookout thread left: " + left);
    }

    @Test
    void keysPauseAndGoFullScreenAndSettingsPersist() throws Exception {
        Path dog = TestData.reference().resolve("images/dog.png");
        open(dog.toString(), true, DetectOptions.DEFAULTS, new TestCatalog(), cocoSsd());
        assertTrue(await(20_000, () -> window.stage().overlay().shownDetections().size() == 3));
        java.awt.Robot robot = new java.awt.Robot();
        robot.setAutoDelay(30);
        SwingUtilities.invokeAndWait(() -> {
            window.frame().toFront();
            window.stage().requestFocusInWindow();
        });
        robot.waitForIdle();
        Assumptions.assumeTrue(onEdt(() -> window.frame().isFocused()),
                "the window needs the keyboard focus for key tests (no window manager?)");
        robot.keyPress(java.awt.event.KeyEvent.VK_SPACE);
        robot.keyRelease(java.awt.event.KeyEvent.VK_SPACE);
        assertTrue(await(2000, () -> window.pipeline().isPaused()), "Space pauses");
        robot.keyPress(java.awt.event.KeyEvent.VK_SPACE);
        robot.keyRelease(java.awt.event.KeyEvent.VK_SPACE);
        assertTrue(await(2000, () -> !window.pipeline().isPaused()), "Space resumes");
        robot.keyPress(java.awt.event.KeyEvent.VK_F);
        robot.keyRelease(java.awt.event.KeyEvent.VK_F);
        assertTrue(await(3000, () -> window.frame().getGraphicsConfiguration().getDevice().getFullScreenWindow()
                == window.frame()), "F goes full screen");
        robot.keyPress(java.awt.event.KeyEvent.VK_ESCAPE);
        robot.keyRelease(java.awt.event.KeyEvent.VK_ESCAPE);
        assertTrue(await(3000, () -> window.frame().getGraphicsConfiguration().getDevice().getFullScreenWindow()
                == null), "Esc leaves full screen");

        SwingUtilities.invokeAndWait(() -> {
            window.setMinScore(0.7);
            window.setClassFilter("dog, car");
        });
        assertEquals(0.7, prefs.getDouble("minScore", 0), 1e-9);
        assertEquals(java.util.Set.of("dog", "car"), new Settings(prefs).classes());
    }

    private static <T> T onEdt(Callable<T> c) throws Exception {
        AtomicReference<T> r = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                r.set(c.call());
            } catch (Exception ex) {
                failure.set(ex);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return r.get();
    }
}
