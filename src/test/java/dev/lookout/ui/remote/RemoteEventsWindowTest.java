package dev.lookout.ui.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import dev.lookout.notify.mqtt.MqttPublisher;
import dev.lookout.notify.mqtt.MqttSettings;
import dev.lookout.testsupport.Edt;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.MosquittoBroker;
import dev.lookout.testsupport.TestData;
import dev.lookout.ui.Banner;
import dev.lookout.ui.Themes;
import java.awt.Component;
import java.awt.Container;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Remote events" window against a real Mosquitto broker that needs a password, with two nodes publishing
 * real event changes and JPEG snapshots: it lists the events of both with their thumbnails and each node's state,
 * shows a node going offline, shows a banner while the broker is down and comes back by itself, and never shows the
 * password. Takes the screenshot in docs/images/remote-events.png (written to target/).
 */
@IntegrationTest
class RemoteEventsWindowTest {

    private static final String USER = "viewer";
    private static final String PASSWORD = "pw-never-shown-7731";
    private static final Path SHOT = Path.of(System.getProperty("lookout.screenshot.remote",
            "target/remote-events.png"));

    @TempDir
    Path dir;
    private RemoteEventsWindow window;

    @BeforeAll
    static void needsDisplay() throws Exception {
        Edt.requireDisplay("RemoteEventsWindowTest");
        SwingUtilities.invokeAndWait(() -> Themes.apply("light"));
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (window != null) {
            SwingUtilities.invokeAndWait(window::close);
        }
    }

    @Test
    void listsTheEventsAndStateOfTwoNodesAndSurvivesTheBrokerGoingAway() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.withPassword(dir, USER, PASSWORD)) {
            MqttSettings viewer = MqttSettings.of(broker.url(), "window").withCredentials(USER, PASSWORD);
            AtomicReference<RemoteEventsWindow> w = new AtomicReference<>();
            SwingUtilities.invokeAndWait(() -> {
                w.set(RemoteEventsWindow.open(viewer, null));
                w.get().frame().setBounds(0, 0, 900, 470);
            });
            window = w.get();
            assertTrue(Edt.await(30_000, () -> window.status().getText().startsWith("Connected")),
                    "the window connects with the user and password");

            Instant now = Instant.now();
            try (MqttPublisher house = MqttPublisher.start(MqttSettings.of(broker.url(), "house")
                            .withCredentials(USER, PASSWORD));
                    MqttPublisher barn = MqttPublisher.start(MqttSettings.of(broker.url(), "barn")
                            .withCredentials(USER, PASSWORD).withProtocol(5))) {
                assertTrue(Edt.await(30_000, () -> window.nodes().state("house") == NodeStrip.State.ONLINE
                        && window.nodes().state("barn") == NodeStrip.State.ONLINE), "both nodes shown online");
                // one after the other: two publishers' messages have no order between them
                lifecycle(house, "gate", 3, "person", "person.jpg", now.minusSeconds(95), 14, 1);
                lifecycle(barn, "field", 7, "horse", "horses.jpg", now.minusSeconds(60), 32, 2);
                lifecycle(house, "porch", 4, "dog", "dog.jpg", now.minusSeconds(20), -1, 3);
                lifecycle(barn, "sky", 9, "bird", "eagle.jpg", now.minusSeconds(8), -1, 4);
                assertTrue(Edt.await(30_000, () -> allThumbnails(window.events())), "each event with its thumbnail");
                SwingUtilities.invokeAndWait(() -> {
                    RemoteEventTable t = window.events();
                    assertEquals(List.of("barn", "house", "barn", "house"),
                            List.of(t.node(0), t.node(1), t.node(2), t.node(3)), "newest first, from both nodes");
                    assertEquals(List.of("bird", "dog", "horse", "person"), List.of(t.event(0).className(),
                            t.event(1).className(), t.event(2).className(), t.event(3).className()));
                    assertEquals("present", t.getValueAt(0, 5), "an event still open");
                    assertTrue(t.getValueAt(2, 5).toString().endsWith("(32 s)"), "an ended event with its length");
                    assertEquals("field", t.getValueAt(2, 2));
                });
                screenshot();

                barn.close();
                assertTrue(Edt.await(30_000, () -> window.nodes().state("barn") == NodeStrip.State.OFFLINE),
                        "barn shown offline after it stopped");
                assertEquals(NodeStrip.State.ONLINE, onEdt(() -> window.nodes().state("house")));

                broker.stop();
                assertTrue(Edt.await(30_000, () -> window.banner().isVisible()
                        && window.banner().level() == Banner.Level.WARNING), "a banner while the broker is down");
                String message = onEdt(() -> window.banner().message());
                assertTrue(message.contains("not connected to " + broker.url()), message);
                assertEquals(NodeStrip.State.UNKNOWN, onEdt(() -> window.nodes().state("house")),
                        "no node's state is known while the broker is out of reach");
                assertNoPassword();

                broker.startProcess();
                assertTrue(Edt.await(40_000, () -> !window.banner().isVisible()
                        && window.nodes().state("house") == NodeStrip.State.ONLINE),
                        "reconnected by itself: the banner goes and house is online again; broker log:\n"
                        + broker.log().lines().filter(l -> l.contains("PUBLISH") || l.contains("onnect")
                                || l.contains("SUBSCRIBE")).reduce("", (a, b) -> a + "\n" + b));
                house.onEvent(change(EventType.NEW, null, event("gate", 11, "person", Instant.now(), null)));
                assertTrue(Edt.await(30_000, () -> window.events().getRowCount() == 5), "events flow again");
            }
            assertNoPassword();
        }
    }

    /** new and (unless {@code seconds} < 0) end of one object on {@code camera}, with a real JPEG. */
    private void lifecycle(MqttPublisher node, String camera, long track, String className, String photo,
            Instant start, int seconds, int rows) throws Exception {
        ObjectEvent first = event(camera, track, className, start, null);
        node.onEvent(change(EventType.NEW, null, first));
        node.publishSnapshot(camera, className, Files.readAllBytes(TestData.darknetPhoto(photo)));
        ObjectEvent last = first;
        if (seconds >= 0) {
            last = event(camera, track, className, start, start.plusSeconds(seconds));
            node.onEvent(change(EventType.END, first, last));
        }
        ObjectEvent shown = last;
        assertTrue(Edt.await(30_000, () -> window.events().getRowCount() == rows
                && window.events().event(0).id().equals(shown.id())
                && java.util.Objects.equals(window.events().event(0).end(), shown.end())), className + "'s event listed as it is now");
    }

    private static ObjectEvent event(String camera, long track, String className, Instant start, Instant end) {
        return new ObjectEvent(camera + "-" + track, camera, track, className, start, end, 0.87, 0.91,
                new double[] {10, 20, 200, 300}, List.of(), List.of(), false, null, null);
    }

    private static EventChange change(EventType type, ObjectEvent before, ObjectEvent after) {
        return new EventChange(type, before, after);
    }

    private static boolean allThumbnails(RemoteEventTable t) {
        for (int i = 0; i < t.getRowCount(); i++) {
            if (!t.hasThumbnail(i)) {
                return false;
            }
        }
        return true;
    }

    /** No text in the window (title, banner, nodes, status, table cells) holds the password. */
    private void assertNoPassword() throws Exception {
        List<String> texts = onEdt(() -> {
            List<String> all = new ArrayList<>(List.of(window.frame().getTitle()));
            collect(window.frame().getContentPane(), all);
            RemoteEventTable t = window.events();
            for (int r = 0; r < t.getRowCount(); r++) {
                for (int c = 1; c < t.getColumnCount(); c++) {
                    all.add(String.valueOf(t.getValueAt(r, c)));
                }
            }
            return all;
        });
        assertFalse(texts.isEmpty());
        for (String text : texts) {
            assertFalse(text != null && text.contains(PASSWORD), "the password is shown: " + text);
        }
    }

    private static void collect(Container c, List<String> into) {
        for (Component child : c.getComponents()) {
            if (child instanceof JLabel l) {
                into.add(l.getText());
                into.add(l.getToolTipText());
            }
            if (child instanceof Container inner) {
                collect(inner, into);
            }
        }
    }

    private void screenshot() throws Exception {
        java.awt.Rectangle bounds = onEdt(() -> {
            window.frame().toFront();
            return window.frame().getBounds();
        });
        Thread.sleep(600); // let the window paint its thumbnails before the capture
        BufferedImage shot = new java.awt.Robot().createScreenCapture(bounds);
        Files.createDirectories(SHOT.toAbsolutePath().getParent());
        ImageIO.write(shot, "png", SHOT.toFile());
    }

    private static <T> T onEdt(java.util.concurrent.Callable<T> call) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Exception> failed = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                out.set(call.call());
            } catch (Exception e) {
                failed.set(e);
            }
        });
        if (failed.get() != null) {
            throw failed.get();
        }
        return out.get();
    }
}
