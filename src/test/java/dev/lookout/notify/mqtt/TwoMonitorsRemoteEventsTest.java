package dev.lookout.notify.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.testsupport.Await;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.MonitorProcess;
import dev.lookout.testsupport.MosquittoBroker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code lookout monitor} processes, nodes "house" (camera "gate") and "barn" (camera "field"), publish to
 * one Mosquitto broker; one {@link RemoteEvents} subscriber (what the window's remote view and
 * {@code lookout remote-events} use) sees the events and the availability of both, each under its own node, and
 * sees "barn" go offline when that monitor is killed while "house" stays online.
 */
@IntegrationTest
class TwoMonitorsRemoteEventsTest {

    @TempDir
    Path dir;

    @Test
    void oneSubscriberSeesTheEventsAndStateOfTwoMonitors() throws Exception {
        RemoteRecorder heard = new RemoteRecorder();
        try (MosquittoBroker broker = MosquittoBroker.anonymous(dir);
                RemoteEvents remote = RemoteEvents.start(MqttSettings.of(broker.url(), "test"), heard);
                MonitorProcess house = MonitorProcess.start(dir.resolve("house"), broker.url(), "house", "gate");
                MonitorProcess barn = MonitorProcess.start(dir.resolve("barn"), broker.url(), "barn", "field")) {
            Await.until(remote::isConnected, "the subscriber connected");
            awaitLong(() -> heard.online("house") && heard.online("barn"), "both nodes online");
            awaitLong(() -> heard.ended("house") && heard.ended("barn"), "an ended event from each node");
            for (Map.Entry<String, String> node : Map.of("house", "gate", "barn", "field").entrySet()) {
                List<EventChange> changes = heard.events(node.getKey());
                assertTrue(changes.stream().allMatch(c -> c.after().camera().equals(node.getValue())),
                        node.getKey() + "'s events are all from its own camera " + node.getValue());
                assertTrue(changes.stream().anyMatch(c -> c.type() == EventType.NEW
                        && c.after().className().equals("person")), node.getKey() + " saw a person appear");
            }

            barn.process().destroyForcibly();
            assertTrue(barn.process().waitFor(30, TimeUnit.SECONDS));
            Await.until(() -> !heard.online("barn"), "barn offline (its Last Will) after kill -9");
            assertEquals(true, heard.online("house"), "house is still online");
        }
    }

    /** Two JVMs load the model on a shared machine: allow them a minute and a half to begin. */
    private static void awaitLong(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 90 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
