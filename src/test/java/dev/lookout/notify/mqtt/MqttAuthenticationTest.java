package dev.lookout.notify.mqtt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.SourceState;
import dev.lookout.notify.LogCapture;
import dev.lookout.notify.TestEvents;
import dev.lookout.testsupport.Await;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.MosquittoBroker;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** User name and password against a Mosquitto broker with a password file; the password never reaches a log. */
@IntegrationTest
class MqttAuthenticationTest {

    private static final String PASSWORD = "s3cret-Pa55word";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {3, 5})
    void theRightPasswordConnectsAndTheWrongOneIsReportedClearly(int protocol) throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.withPassword(dir, "lookout", PASSWORD);
                LogCapture logs = new LogCapture()) {
            MqttSettings settings = MqttSettings.of(broker.url(), "garage").withProtocol(protocol);
            try (MqttPublisher good = MqttPublisher.start(settings.withCredentials("lookout", PASSWORD))) {
                MqttPublisherTest.awaitConnected(good);
                TestEvents.lifecycle("gate", 1, "person", null).forEach(good::onEvent);
                Await.until(() -> good.published() >= 4, "online and three events published");
            }

            List<SourceState> states = new CopyOnWriteArrayList<>();
            String wrong = "not-" + PASSWORD;
            try (MqttPublisher bad = MqttPublisher.start(settings.withCredentials("lookout", wrong), 10,
                    states::add)) {
                Await.until(() -> !states.isEmpty(), "a connection state");
                SourceState refused = states.get(0);
                assertTrue(refused.kind() == SourceState.Kind.RECONNECTING, refused.describe());
                assertTrue(refused.message().contains(MqttProblems.REFUSED_CREDENTIALS), refused.message());
                assertTrue(refused.message().contains("mqtt.password"), "it says what to check: " + refused.message());
                assertFalse(bad.isConnected());
                assertNotNull(bad.problem());
            }
            String logged = logs.text();
            assertTrue(logged.contains(MqttProblems.REFUSED_CREDENTIALS), "the refusal is logged: " + logged);
            assertFalse(logged.contains(PASSWORD), "no password in the log: " + logged);
        }
    }


}
