package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import dev.lookout.notify.mqtt.MqttPublisher;
import dev.lookout.notify.mqtt.MqttSettings;
import dev.lookout.testsupport.Await;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.MosquittoBroker;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lookout remote-events} against a real Mosquitto broker with a publishing node. */
@IntegrationTest
class RemoteEventsCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTheNodesStateAndEventsAsJsonLines() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.anonymous(dir);
                MqttPublisher node = MqttPublisher.start(MqttSettings.of(broker.url(), "house"))) {
            Await.until(() -> node.isConnected() && node.published() > 0, "the node online");
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(
                    () -> CliRun.of("remote-events", "--mqtt", broker.url(), "--duration", "4"));
            ObjectEvent person = new ObjectEvent("gate-1", "gate", 1, "person", Instant.parse("2026-12-01T10:00:00Z"),
                    null, 0.9, 0.9, new double[] {1, 2, 3, 4}, List.of(), List.of(), false, null, null);
            // publish until the command's subscription surely exists (it prints each one it receives)
            for (int i = 0; i < 20 && !run.isDone(); i++) {
                node.onEvent(new EventChange(EventType.NEW, null, person));
                Thread.sleep(100);
            }
            CliRun result = run.get();
            assertEquals(0, result.exitCode(), result.toString());
            List<JsonNode> lines = result.jsonLines();
            assertTrue(lines.stream().anyMatch(l -> l.path("node").asText().equals("house")
                    && l.path("online").asBoolean()), "the node's retained 'online': " + result);
            JsonNode event = lines.stream().filter(l -> l.has("change")).findFirst()
                    .orElseThrow(() -> new AssertionError("no event line: " + result));
            assertEquals("house", event.get("node").asText());
            assertEquals("new", event.get("change").get("type").asText());
            assertEquals("gate-1", event.get("change").get("after").get("id").asText());
        }
    }

    @Test
    void aBrokerThatCannotBeReachedIsReportedAndExitsOne() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun run = CliRun.of("remote-events", "--mqtt", "tcp://127.0.0.1:" + port, "--duration", "1.5");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("lookout remote-events: cannot connect to tcp://127.0.0.1:" + port),
                run.toString());
    }

    @Test
    void aBadUrlIsAUsageError() {
        CliRun run = CliRun.of("remote-events", "--mqtt", "http://u:pw@broker");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("tcp://"), run.toString());
        assertTrue(!run.err().contains("pw@"), "no password echoed: " + run);
    }

    @Test
    void liveRemoteEventsTakesTheSameBrokerUrlsAndNamesItsOption() {
        CliRun run = CliRun.of("live", "--remote-events", "http://u:pw@broker");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--remote-events") && run.err().contains("tcp://"), run.toString());
        assertTrue(!run.err().contains("pw@"), "no password echoed: " + run);
    }
}
