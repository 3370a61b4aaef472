package dev.lookout.notify.mqtt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.testsupport.Await;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.MonitorProcess;
import dev.lookout.testsupport.MosquittoBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes away in the middle of a real {@code lookout monitor} run and comes back: detection goes on while
 * it is away (the monitor's health lines count frames detected), and once it is back the monitor reconnects and
 * publishes its state again, which the restarted broker (no persistence) had forgotten. The detection rate before,
 * during and after the outage is printed for docs/RELIABILITY.md.
 */
@IntegrationTest
class MonitorBrokerOutageTest {

    private static final String CAMERA = "walk";
    private static final String BASE = "lookout/yard/";

    @TempDir
    Path dir;

    @Test
    void detectionGoesOnWhileTheBrokerIsDownAndTheStateIsPublishedAgainAfterIt() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.anonymous(dir);
                MonitorProcess monitor = MonitorProcess.start(dir.resolve("yard"), broker.url(), "yard", CAMERA)) {
            try (TestSubscriber sub = TestSubscriber.connect(broker.port(), "lookout/#")) {
                sub.await(BASE + "available", "online");
                sub.await("a person count", m -> m.topic().equals(BASE + CAMERA + "/person"));
            }
            awaitMoreHealthLines(monitor, 10, "before the outage");

            Instant down = Instant.now();
            long detectedAtStop = monitor.detected(CAMERA);
            broker.stop();
            Await.until(() -> monitor.logText().contains("MQTT: reconnecting to " + broker.url()),
                    "the monitor notices the broker is gone; log:\n" + monitor.logText());
            awaitMoreHealthLines(monitor, 10, "during the outage");
            long detectedDuringOutage = monitor.detected(CAMERA) - detectedAtStop;
            assertTrue(detectedDuringOutage > 0, "frames are detected while the broker is down");

            Instant up = Instant.now();
            Duration reconnected;
            broker.startProcess();
            try (TestSubscriber sub = TestSubscriber.connect(broker.port(), "lookout/#")) {
                sub.await(BASE + "available", "online");
                reconnected = Duration.between(up, Instant.now());
                sub.await("an event after the reconnection", m -> m.topic().equals(BASE + "events"));
            }
            // the restarted broker kept nothing: what is retained now was published again after reconnecting
            try (TestSubscriber late = TestSubscriber.connect(broker.port(), "lookout/#")) {
                assertTrue(late.await(BASE + "available", "online").retained(), "'online' published again, retained");
                assertTrue(late.await("the person count again", m -> m.topic().equals(BASE + CAMERA + "/person"))
                        .retained(), "the count published again, retained");
            }
            long detectedAtRestart = monitor.detected(CAMERA);
            awaitMoreHealthLines(monitor, 10, "after the outage");
            assertTrue(monitor.detected(CAMERA) > detectedAtRestart, "frames are detected after the outage");

            List<JsonNode> health = monitor.health(CAMERA);
            System.out.printf(Locale.ROOT, "detection rate (frames detected per second, from the health lines):"
                    + " 10 s before the outage %.1f, during it (%.0f s) %.1f, after it %.1f; 'online' again %.1f s"
                    + " after the broker restarted%n", rate(health, down.minusSeconds(10), down),
                    Duration.between(down, up).toMillis() / 1000.0, rate(health, down, up),
                    rate(health, up, Instant.MAX), reconnected.toMillis() / 1000.0);
        }
    }

    /** Waits for {@code n} more health lines of the camera than there are now. */
    private static void awaitMoreHealthLines(MonitorProcess monitor, int n, String when) throws InterruptedException {
        int seen = monitor.health(CAMERA).size();
        Await.until(() -> monitor.health(CAMERA).size() >= seen + n, n + " health lines " + when);
    }

    /** Frames detected per second between the first and last health line in {@code [from, to)}. */
    private static double rate(List<JsonNode> health, Instant from, Instant to) {
        List<JsonNode> in = health.stream().filter(h -> {
            Instant t = Instant.parse(h.get("time").asText());
            return !t.isBefore(from) && t.isBefore(to);
        }).toList();
        if (in.size() < 2) {
            return Double.NaN;
        }
        JsonNode first = in.get(0);
        JsonNode last = in.get(in.size() - 1);
        double seconds = Duration.between(Instant.parse(first.get("time").asText()),
                Instant.parse(last.get("time").asText())).toMillis() / 1000.0;
        return (last.get("detected").asLong() - first.get("detected").asLong()) / seconds;
    }
}
