package dev.lookout.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.Device;
import dev.lookout.live.CocoSsdFrameDetector;
import dev.lookout.live.PlaybackOptions;
import dev.lookout.testsupport.Edt;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.MosquittoBroker;
import dev.lookout.testsupport.TestData;
import java.awt.Component;
import java.awt.Container;
import java.awt.Window;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javax.swing.AbstractButton;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live window's way to the "Remote events" window: the source menu's "Remote events…" item asks for the broker
 * (typed into its dialog here), the window opens and connects to a real Mosquitto broker, and closing the live
 * window closes it too.
 */
@IntegrationTest
class LiveWindowRemoteEventsTest {

    @TempDir
    Path dir;

    @Test
    void theSourceMenuOpensRemoteEventsOnTheBrokerTyped() throws Exception {
        Edt.requireDisplay("LiveWindowRemoteEventsTest");
        Preferences prefs = Preferences.userRoot().node("dev/lookout/test-" + System.nanoTime());
        Path model = TestData.require(TestData.modelDir().resolve("model.onnx"), "the converted model").getParent();
        LiveConfig config = new LiveConfig(TestData.darknetPhoto("person.jpg").toString(), true,
                PlaybackOptions.DEFAULTS, DetectOptions.DEFAULTS, CocoSsdFrameDetector.loader(model, Device.CPU),
                new TestCatalog(), null, null, new Settings(prefs), "light", System.nanoTime());
        AtomicReference<LiveWindow> live = new AtomicReference<>();
        try (MosquittoBroker broker = MosquittoBroker.anonymous(dir)) {
            SwingUtilities.invokeAndWait(() -> {
                live.set(new LiveWindow(config));
                live.get().open(0);
            });
            SwingUtilities.invokeAndWait(() -> ((ControlBar) find(live.get().frame(), ControlBar.class)).source
                    .doClick());
            AtomicReference<AbstractButton> item = new AtomicReference<>();
            assertTrue(Edt.await(10_000, () -> {
                item.set(button("Remote events…"));
                return item.get() != null;
            }), "the source menu offers Remote events…");
            SwingUtilities.invokeLater(item.get()::doClick); // the dialog is modal: it blocks the call that opens it

            AtomicReference<JDialog> dialog = new AtomicReference<>();
            assertTrue(Edt.await(10_000, () -> {
                for (Window w : Window.getWindows()) {
                    if (w instanceof JDialog d && d.isShowing() && d.getTitle().startsWith("Remote events")) {
                        dialog.set(d);
                    }
                }
                return dialog.get() != null;
            }), "a dialog asks for the broker");
            SwingUtilities.invokeAndWait(() -> {
                List<JTextField> fields = new ArrayList<>();
                collect(dialog.get().getContentPane(), JTextField.class, fields);
                fields.get(0).setText(broker.url());
                AbstractButton ok = null;
                List<AbstractButton> buttons = new ArrayList<>();
                collect(dialog.get().getContentPane(), AbstractButton.class, buttons);
                for (AbstractButton b : buttons) {
                    if (b.getText().equals("OK")) {
                        ok = b;
                    }
                }
                assertNotNull(ok, "the dialog's OK button");
                ok.doClick();
            });

            AtomicReference<JFrame> remote = new AtomicReference<>();
            assertTrue(Edt.await(30_000, () -> {
                for (Window w : Window.getWindows()) {
                    if (w instanceof JFrame f && f.isShowing() && f.getTitle().contains("Remote events on "
                            + broker.url())) {
                        remote.set(f);
                    }
                }
                return remote.get() != null && text(remote.get()).contains("Connected to " + broker.url());
            }), "the Remote events window opens and connects");

            SwingUtilities.invokeAndWait(() -> live.get().close());
            assertFalse(remote.get().isDisplayable(), "closing the live window closes Remote events too");
        } finally {
            if (live.get() != null) {
                SwingUtilities.invokeAndWait(() -> live.get().close());
            }
            prefs.removeNode();
        }
    }

    /** A showing menu item or button with this text, in any window. */
    private static AbstractButton button(String text) {
        for (Window w : Window.getWindows()) {
            List<AbstractButton> buttons = new ArrayList<>();
            collect(w, AbstractButton.class, buttons);
            for (AbstractButton b : buttons) {
                if (text.equals(b.getText()) && b.isShowing()) {
                    return b;
                }
            }
        }
        return null;
    }

    private static String text(Container c) {
        List<JLabel> labels = new ArrayList<>();
        collect(c, JLabel.class, labels);
        return labels.stream().map(JLabel::getText).reduce("", (a, b) -> a + "\n" + b);
    }

    private static Component find(Container c, Class<?> type) {
        List<Component> found = new ArrayList<>();
        collect(c, type, found);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static <T> void collect(Container c, Class<?> type, List<T> into) {
        for (Component child : c.getComponents()) {
            if (type.isInstance(child)) {
                into.add((T) child);
            }
            if (child instanceof Container inner) {
                collect(inner, type, into);
            }
        }
    }
}
