package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.notify.mqtt.MqttPublisher;
import dev.lookout.notify.mqtt.MqttSettings;
import dev.lookout.testsupport.Await;
import dev.lookout.testsupport.Edt;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.MosquittoBroker;
import dev.lookout.testsupport.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker's user and password on the command line ({@code --mqtt-user}, {@code --mqtt-password-file}, a URL's
 * {@code user:pass@}) against a real Mosquitto broker that has a password file: the right password connects and
 * hears a node, a wrong one is refused with a message that says what to check, and the password never appears in
 * any output. For {@code remote-events} and for {@code live --remote-events} (under a display).
 */
@IntegrationTest
class MqttLoginCommandLineTest {

    private static final String USER = "lookout";
    private static final String PASSWORD = "Sw0rd-fish.9";
    private static final String WRONG = "Sw0rd-fish.8";

    @TempDir
    Path dir;

    @Test
    void remoteEventsConnectsWithThePasswordFileAndNamesARefusal() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.withPassword(dir, USER, PASSWORD);
                MqttPublisher node = MqttPublisher.start(MqttSettings.of(broker.url(), "house")
                        .withCredentials(USER, PASSWORD))) {
            Await.until(() -> node.isConnected() && node.published() > 0, "the node online");
            Path right = Files.writeString(dir.resolve("right.pw"), PASSWORD + "\n");
            Path wrong = Files.writeString(dir.resolve("wrong.pw"), WRONG + "\n");

            CliRun ok = CliRun.of("remote-events", "--mqtt", broker.url(), "--mqtt-user", USER,
                    "--mqtt-password-file", right.toString(), "--duration", "3");
            assertEquals(0, ok.exitCode(), ok.toString());
            List<JsonNode> lines = ok.jsonLines();
            assertTrue(lines.stream().anyMatch(l -> l.path("node").asText().equals("house")
                    && l.path("online").asBoolean()), "the node's retained 'online' is heard: " + ok);
            assertFalse(ok.err().contains("cannot connect"), ok.toString());

            CliRun refused = CliRun.of("remote-events", "--mqtt", broker.url(), "--mqtt-user", USER,
                    "--mqtt-password-file", wrong.toString(), "--duration", "3");
            assertEquals(1, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains("lookout remote-events: cannot connect to " + broker.url() + ": ")
                    && refused.err().contains("the broker refused the user name or password"), refused.toString());
            assertTrue(refused.err().contains("check --mqtt-user and the password (--mqtt-password-file or "
                    + "$LOOKOUT_MQTT_PASSWORD)"), "it says what to check: " + refused);
            assertEquals("", refused.out(), "nothing heard without a login");

            // user:password@ in the URL is accepted, with a warning that ps shows it; the password is never printed
            String withLogin = broker.url().replace("tcp://", "tcp://" + USER + ":" + PASSWORD + "@");
            CliRun inUrl = CliRun.of("remote-events", "--mqtt", withLogin, "--duration", "3");
            assertEquals(0, inUrl.exitCode(), inUrl.toString());
            assertTrue(inUrl.err().contains("the password in the URL is visible to other users"), inUrl.toString());
            String wrongInUrl = broker.url().replace("tcp://", "tcp://" + USER + ":" + WRONG + "@");
            CliRun refusedInUrl = CliRun.of("remote-events", "--mqtt", wrongInUrl, "--duration", "2");
            assertEquals(1, refusedInUrl.exitCode(), refusedInUrl.toString());
            assertTrue(refusedInUrl.err().contains("cannot connect to " + broker.url() + ": ")
                    && refusedInUrl.err().contains("the broker refused"), refusedInUrl.toString());
            for (CliRun run : List.of(ok, refused, inUrl, refusedInUrl)) {
                assertFalse(run.out().contains(PASSWORD) || run.err().contains(PASSWORD)
                        || run.out().contains(WRONG) || run.err().contains(WRONG), "a password printed: " + run);
            }
            assertFalse(broker.log().contains(PASSWORD), "not even the broker logs it");
        }
    }

    @Test
    void liveRemoteEventsLogsInWithTheOptionsAndReportsARefusal() throws Exception {
        Edt.requireDisplay("MqttLoginCommandLineTest");
        Path photo = TestData.darknetPhoto("person.jpg");
        TestData.require(TestData.modelDir().resolve("model.onnx"), "the converted model");
        try (MosquittoBroker broker = MosquittoBroker.withPassword(dir, USER, PASSWORD)) {
            Path right = Files.writeString(dir.resolve("right.pw"), PASSWORD + "\n");
            Path wrong = Files.writeString(dir.resolve("wrong.pw"), WRONG);
            CliRun ok = CliRun.of("live", "--source", photo.toString(), "--duration", "6", "--remote-events",
                    broker.url(), "--mqtt-user", USER, "--mqtt-password-file", right.toString());
            assertEquals(0, ok.exitCode(), ok.toString());
            assertTrue(ok.err().contains("lookout live: remote events: connected to " + broker.url()), ok.err());

            CliRun refused = CliRun.of("live", "--source", photo.toString(), "--duration", "6", "--remote-events",
                    broker.url(), "--mqtt-user", USER, "--mqtt-password-file", wrong.toString());
            assertTrue(refused.err().contains("lookout live: Remote events: not connected to " + broker.url() + ": ")
                    && refused.err().contains("the broker refused the user name or password"), refused.err());
            assertTrue(refused.err().contains("check the user name and password"), refused.err());
            assertFalse(refused.err().contains("remote events: connected"), refused.err());
            for (CliRun run : List.of(ok, refused)) {
                assertFalse(run.out().contains(PASSWORD) || run.err().contains(PASSWORD)
                        || run.err().contains(WRONG), "a password printed: " + run);
            }
        }
    }
}
