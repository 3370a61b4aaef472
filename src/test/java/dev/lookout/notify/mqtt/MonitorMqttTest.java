package dev.lookout.notify.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.notify.SnapshotJpeg;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.MonitorProcess;
import dev.lookout.testsupport.MosquittoBroker;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a real {@code lookout monitor} child process on vtest.avi (people walking) publishes to a real
 * Mosquitto broker; a plain MQTT client sees {@code online}, the event changes {@code new}, {@code update} and
 * {@code end} of people, the count topic, the retained snapshot as JPEG, and after {@code kill -9} of the monitor
 * the broker's {@code offline} (the monitor's Last Will).
 */
@IntegrationTest
class MonitorMqttTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aMonitorPublishesEventsCountsAndSnapshotsAndItsLastWillSaysOfflineAfterKill9() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.anonymous(dir);
                TestSubscriber sub = TestSubscriber.connect(broker.port(), "lookout/#");
                MonitorProcess monitor = MonitorProcess.start(dir.resolve("house"), broker.url(), "house", "walk")) {
            String base = "lookout/house/";
            sub.await(base + "available", "online");

            for (String type : new String[] {"new", "update", "end"}) {
                TestSubscriber.Message m = sub.await("a person's '" + type + "' event; monitor log:\n"
                        + monitor.logText(), msg -> msg.topic().equals(base + "events") && type(msg).equals(type));
                JsonNode after = JSON.readTree(m.payload()).get("after");
                assertEquals("walk", after.get("camera").asText());
                assertEquals("person", after.get("class").asText());
                assertEquals(type.equals("end"), !after.get("end").isNull(), "only an ended event has its end");
            }
            sub.await("a person count above 0 on " + base + "walk/person",
                    m -> m.topic().equals(base + "walk/person") && m.text().matches("[1-9][0-9]*"));

            TestSubscriber.Message jpeg = sub.await("the snapshot", m -> m.topic().equals(base + "walk/person/snapshot"));
            assertTrue(SnapshotJpeg.isJpeg(jpeg.payload()), "the snapshot is JPEG");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg.payload()));
            assertEquals(768, image.getWidth(), "a frame of vtest.avi (768x576)");
            assertEquals(576, image.getHeight());
            try (TestSubscriber late = TestSubscriber.connect(broker.port(), base + "walk/person/snapshot")) {
                assertTrue(late.await("the retained snapshot", m -> SnapshotJpeg.isJpeg(m.payload())).retained(),
                        "a subscriber that comes later gets the snapshot: it is retained");
            }

            Process child = monitor.process();
            child.destroyForcibly(); // on Linux the JDK sends SIGKILL for this: no shutdown hook, no clean close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(128 + 9, child.exitValue(), "the monitor died of SIGKILL (signal 9)");
            assertFalse(monitor.logText().contains("stopped; clips finalized"), "nothing ran after the kill");
            sub.await(base + "available", "offline");
            try (TestSubscriber late = TestSubscriber.connect(broker.port(), base + "available")) {
                TestSubscriber.Message will = late.await(base + "available", "offline");
                assertNotNull(will);
                assertTrue(will.retained(), "the Last Will is retained");
            }
        }
    }

    private static String type(TestSubscriber.Message m) {
        try {
            return JSON.readTree(m.payload()).path("type").asText();
        } catch (IOException e) {
            return "";
        }
    }
}
