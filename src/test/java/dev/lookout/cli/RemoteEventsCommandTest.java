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
            long events = lines.stream().filter(l -> l.has("change")).count();
            assertTrue(result.err().strip().endsWith("4 s done: " + events + (events == 1 ? " event" : " events")
                    + " from 1 node"), "a closing line on stderr: " + result);
        }
    }

    @Test
    void aQuietBrokerRunEndsSayingWhatItReceived() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.anonymous(dir)) {
            CliRun run = CliRun.start("remote-events", "--mqtt", broker.url(), "--duration", "2")
                    .finish(java.time.Duration.ofSeconds(10), "the 2 s --duration");
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals("", run.out(), "stdout holds only the JSON lines");
            assertEquals("lookout remote-events: 2 s done: 0 events from 0 nodes", run.err().strip());
        }
    }

    @Test
    void aPortThatNeverAnswersAsABrokerIsNamedAndExitsOneWithinTheDuration() throws Exception {
        // accepts the TCP connection and then says nothing: no connection attempt ever fails by itself
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                List<java.net.Socket> held = new java.util.ArrayList<>();
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    held.forEach(h -> {
                        try {
                            h.close();
                        } catch (java.io.IOException ignored) {
                            // closing the test's sockets
                        }
                    });
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "tcp://127.0.0.1:" + silent.getLocalPort();
            CliRun run = CliRun.start("remote-events", "--mqtt", url, "--duration", "2")
                    .finish(java.time.Duration.ofSeconds(10), "the 2 s --duration");
            assertEquals(1, run.exitCode(), run.toString());
            assertTrue(run.err().contains("lookout remote-events: no MQTT broker answered at " + url + " within 2 s: "),
                    run.toString());
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
        assertTrue(run.err().contains("no MQTT broker answered at tcp://127.0.0.1:" + port + " within 1.5 s: "),
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
