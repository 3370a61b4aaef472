package dev.lookout.notify.mqtt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.MonitorProcess;
import dev.lookout.testsupport.MosquittoBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real monitor on vtest.avi (watching people, detecting all 80 classes) with Home Assistant discovery, on a real
 * Mosquitto: the discovery lists person entities only, no topic holds a space, and no message holds the storage
 * folder's absolute path (events name their clip and snapshot relative to it).
 */
@IntegrationTest
class MonitorHomeAssistantTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void discoveryListsOnlyWatchedClassesAndMessagesHoldNoStoragePath() throws Exception {
        Path home = dir.resolve("house");
        String storage = home.resolve("data").toAbsolutePath().toString();
        try (MosquittoBroker broker = MosquittoBroker.anonymous(dir);
                TestSubscriber sub = TestSubscriber.connect(broker.port(), "#");
                MonitorProcess monitor = MonitorProcess.startWithMqtt(home, broker.url(), "house",
                        "  home_assistant: true\n", "walk")) {
            sub.await("a person's event with its files; monitor log:\n" + monitor.logText(),
                    m -> m.topic().equals("lookout/house/events") && hasFile(m));
            sub.await("the person count entity", m -> m.topic().equals(
                    "homeassistant/sensor/lookout_house/walk_person_count/config"));
            Thread.sleep(3000); // more frames: more classes (vtest.avi has its false "sports ball")
            List<TestSubscriber.Message> all = sub.messages();
            for (TestSubscriber.Message m : all) {
                assertFalse(m.topic().contains(" "), "a topic with a space: " + m.topic());
                if (m.topic().startsWith("homeassistant/") && m.topic().endsWith("/config")) {
                    assertTrue(m.topic().contains("_person_"), "an entity of an unwatched class: " + m.topic());
                }
                if (!m.topic().endsWith("/snapshot")) {
                    String text = new String(m.payload(), StandardCharsets.UTF_8);
                    assertFalse(text.contains(storage), m.topic() + " holds the storage path: " + text);
                }
            }
            System.out.println("topics seen: " + all.stream().map(TestSubscriber.Message::topic).distinct().toList());
        }
    }

    /** An event message whose snapshot or clip is given, as a relative path. */
    private static boolean hasFile(TestSubscriber.Message m) {
        try {
            JsonNode after = JSON.readTree(m.payload()).get("after");
            String file = after.hasNonNull("clip") ? after.get("clip").asText()
                    : after.hasNonNull("snapshot") ? after.get("snapshot").asText() : null;
            return file != null && !file.startsWith("/");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
