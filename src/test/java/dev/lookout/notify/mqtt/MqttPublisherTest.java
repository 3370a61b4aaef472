package dev.lookout.notify.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventJson;
import dev.lookout.notify.CameraCounts;
import dev.lookout.notify.SnapshotJpeg;
import dev.lookout.notify.TestEvents;
import dev.lookout.testsupport.Await;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.MosquittoBroker;
import dev.lookout.testsupport.TestData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link MqttPublisher} against a real Mosquitto broker on a loopback port. */
@IntegrationTest
class MqttPublisherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {3, 5})
    void publishesAvailabilityEventsCountsAndSnapshot(int protocol) throws Exception {
        Path snapshot = pngSnapshot();
        try (MosquittoBroker broker = MosquittoBroker.anonymous(dir);
                MqttPublisher publisher = MqttPublisher.start(MqttSettings.of(broker.url(), "garage")
                        .withProtocol(protocol))) {
            MqttTopics topics = publisher.topics();
            awaitConnected(publisher);
            try (TestSubscriber sub = TestSubscriber.connect(broker.port(), "lookout/#")) {
                sub.await(topics.available(), "online");
                try (TestSubscriber late = TestSubscriber.connect(broker.port(), topics.available())) {
                    assertTrue(late.await(topics.available(), "online").retained(), "'online' is retained");
                }

                List<EventChange> changes = TestEvents.lifecycle("gate", 7, "person", snapshot);
                changes.forEach(publisher::onEvent);
                sub.awaitCount("event messages", 3, m -> m.topic().equals(topics.events()));
                List<TestSubscriber.Message> events = sub.on(topics.events());
                for (int i = 0; i < 3; i++) {
                    assertEquals(JSON.readTree(EventJson.published(changes.get(i), null).toString()), JSON.readTree(events.get(i).text()),
                            "event " + i + " in order, in EventJson's form, files by name");
                    assertFalse(events.get(i).text().contains(snapshot.getParent().toString()),
                            "no absolute path: " + events.get(i).text());
                }
                assertEquals(List.of("new", "update", "end"),
                        events.stream().map(m -> type(m.payload())).toList());

                TestSubscriber.Message jpeg = sub.await("the snapshot",
                        m -> m.topic().equals("lookout/garage/gate/person/snapshot"));
                assertTrue(SnapshotJpeg.isJpeg(jpeg.payload()), "the snapshot is sent as JPEG");
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg.payload()));
                BufferedImage original = ImageIO.read(snapshot.toFile());
                assertEquals(original.getWidth(), image.getWidth());
                assertEquals(original.getHeight(), image.getHeight());

                publisher.publishCounts(new CameraCounts("gate", Map.of("person", 2, "dog", 1),
                        Map.of("yard", Map.of("person", 1)), Map.of("door", new CameraCounts.LineTotals(3, 1))));
                sub.await("lookout/garage/gate/person", "2");
                sub.await("lookout/garage/gate/dog", "1");
                sub.await("lookout/garage/gate/zones/yard/person", "1");
                JsonNode line = JSON.readTree(sub.await("the line totals",
                        m -> m.topic().equals("lookout/garage/gate/lines/door")).payload());
                assertEquals(3, line.get("in").asInt());
                assertEquals(1, line.get("out").asInt());

                publisher.publishCounts(CameraCounts.ofClasses("gate", Map.of("person", 1)));
                sub.await("lookout/garage/gate/person", "1");
                sub.await("lookout/garage/gate/dog", "0");
                sub.await("lookout/garage/gate/zones/yard/person", "0");
            }
            try (TestSubscriber late = TestSubscriber.connect(broker.port(), "lookout/garage/gate/person/snapshot")) {
                assertTrue(late.await("the retained snapshot", m -> SnapshotJpeg.isJpeg(m.payload())).retained());
            }
            assertEquals(0, publisher.dropped());
        }
    }

    @Test
    void lastWillSaysOfflineWhenThePublisherIsKilled() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.anonymous(dir);
                TestSubscriber sub = TestSubscriber.connect(broker.port(), "lookout/+/available")) {
            Path out = dir.resolve("child.out");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), MqttPublisherChild.class.getName(), broker.url(),
                    "porch").redirectErrorStream(true).redirectOutput(out.toFile()).start();
            try {
                sub.await("lookout/porch/available", "online");
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
                sub.await("lookout/porch/available", "offline");
            } finally {
                child.destroyForcibly();
            }
            try (TestSubscriber late = TestSubscriber.connect(broker.port(), "lookout/porch/available")) {
                assertTrue(late.await("lookout/porch/available", "offline").retained(), "the Last Will is retained");
            }
        }
    }

    @Test
    void reconnectsAfterTheBrokerRestartsAndPublishesStateAgain() throws Exception {
        Path snapshot = pngSnapshot();
        try (MosquittoBroker broker = MosquittoBroker.anonymous(dir);
                MqttPublisher publisher = MqttPublisher.start(MqttSettings.of(broker.url(), "garage"))) {
            awaitConnected(publisher);
            publisher.publishCounts(CameraCounts.ofClasses("gate", Map.of("person", 1)));
            publisher.publishSnapshot("gate", "person", SnapshotJpeg.read(snapshot));
            try (TestSubscriber sub = TestSubscriber.connect(broker.port(), "lookout/#")) {
                sub.await("lookout/garage/gate/person", "1");
            }

            broker.stop();
            awaitState(publisher, false);
            // while the broker is away the pipeline goes on: counts change and events happen
            publisher.publishCounts(CameraCounts.ofClasses("gate", Map.of("person", 3)));
            TestEvents.lifecycle("gate", 9, "person", null).forEach(publisher::onEvent);
            broker.startProcess();

            // the restarted broker kept nothing: everything a subscriber sees was published again
            try (TestSubscriber sub = TestSubscriber.connect(broker.port(), "lookout/#")) {
                awaitConnected(publisher);
                sub.await("lookout/garage/available", "online");
                sub.await("lookout/garage/gate/person", "3");
                sub.await("the snapshot again",
                        m -> m.topic().endsWith("/gate/person/snapshot") && SnapshotJpeg.isJpeg(m.payload()));
                sub.awaitCount("events queued during the outage", 3,
                        m -> m.topic().equals("lookout/garage/events"));
                assertFalse(sub.on("lookout/garage/gate/person").stream().anyMatch(m -> m.text().equals("1")),
                        "the stale count is not replayed");
            }
            try (TestSubscriber late = TestSubscriber.connect(broker.port(), "lookout/#")) {
                assertTrue(late.await("lookout/garage/available", "online").retained());
                assertTrue(late.await("lookout/garage/gate/person", "3").retained(), "the newest count, retained");
                assertTrue(late.await("the retained snapshot", m -> m.topic().endsWith("/gate/person/snapshot"))
                        .retained());
            }
            assertEquals(0, publisher.dropped(), "the three events queued during the outage were kept");
        }
    }

    @Test
    void aFullQueueDropsAndCountsWithoutBlockingTheCaller() throws Exception {
        int port;
        try (MosquittoBroker broker = MosquittoBroker.anonymous(dir)) {
            port = broker.port();
            broker.stop();
            try (MqttPublisher publisher = MqttPublisher.start(MqttSettings.of(broker.url(), "garage"), 5,
                    state -> { })) {
                List<EventChange> changes = new java.util.ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    changes.addAll(TestEvents.lifecycle("gate", i, "person", null));
                }
                // the broker is down: 120 changes, room for 5; every call returns at once
                changes.forEach(publisher::onEvent);
                assertEquals(115, publisher.dropped());

                broker.startProcess();
                try (TestSubscriber sub = TestSubscriber.connect(port, "lookout/garage/events")) {
                    sub.awaitCount("queued events", 5, m -> true);
                    List<TestSubscriber.Message> got = sub.messages();
                    for (int i = 0; i < 5; i++) {
                        assertEquals(EventJson.line(changes.get(i)), got.get(i).text(), "the first five, in order");
                    }
                }
            }
        }
    }

    @Test
    void closingWhileReconnectingStopsForGood() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.anonymous(dir)) {
            broker.stop();
            MqttPublisher publisher = MqttPublisher.start(MqttSettings.of(broker.url(), "gone"));
            Await.until(() -> publisher.problem() != null, "a failed attempt");
            publisher.close();
            broker.startProcess();
            // longer than the pending attempt's backoff (at most 1 s after two failed attempts)
            Thread.sleep(3000);
            assertFalse(broker.log().contains("lookout-gone"), "no connection after close(): " + broker.log());
        }
    }

    @Test
    void homeAssistantDiscoveryIsSentAndSentAgainWhenHomeAssistantComesOnline() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.anonymous(dir);
                MqttPublisher publisher = MqttPublisher.start(MqttSettings.of(broker.url(), "garage")
                        .withHomeAssistant(true))) {
            awaitConnected(publisher);
            publisher.discoverClasses("gate", java.util.Set.of("person"));
            publisher.publishCounts(new CameraCounts("gate", Map.of("person", 1), Map.of(),
                    Map.of("door", new CameraCounts.LineTotals(2, 0))));
            try (TestSubscriber sub = TestSubscriber.connect(broker.port(), "homeassistant/+/+/+/config")) {
                String presenceTopic = "homeassistant/binary_sensor/lookout_garage/gate_person_presence/config";
                JsonNode presence = JSON.readTree(sub.await("the presence config",
                        m -> m.topic().equals(presenceTopic)).payload());
                assertEquals("lookout/garage/gate/person", presence.get("state_topic").asText());
                assertEquals("lookout/garage/available", presence.get("availability_topic").asText());
                assertEquals("occupancy", presence.get("device_class").asText());
                sub.await("the count sensor", m -> m.topic().equals(
                        "homeassistant/sensor/lookout_garage/gate_person_count/config"));
                JsonNode in = JSON.readTree(sub.await("the line sensor", m -> m.topic().equals(
                        "homeassistant/sensor/lookout_garage/gate_door_in/config")).payload());
                assertEquals("lookout/garage/gate/lines/door", in.get("state_topic").asText());
                int before = sub.on(presenceTopic).size();

                sub.publish(HomeAssistantDiscovery.STATUS_TOPIC, "online", false);
                sub.awaitCount("presence configs after Home Assistant's 'online'", before + 1,
                        m -> m.topic().equals(presenceTopic));
            }
        }
    }

    /** One false "sports ball" on a camera watching people: its count is published, but makes no entity. */
    @Test
    void discoveryListsOnlyAnnouncedClassesAndTopicsHaveNoSpaces() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.anonymous(dir);
                MqttPublisher publisher = MqttPublisher.start(MqttSettings.of(broker.url(), "garage")
                        .withHomeAssistant(true));
                TestSubscriber sub = TestSubscriber.connect(broker.port(), "#")) {
            awaitConnected(publisher);
            publisher.discoverClasses("Front Gate", java.util.Set.of("person"));
            publisher.publishCounts(new CameraCounts("Front Gate", Map.of("person", 1, "sports ball", 1),
                    Map.of("back yard", Map.of("sports ball", 1, "person", 1)),
                    Map.of("door #1", new CameraCounts.LineTotals(2, 0))));
            sub.await("lookout/garage/front_gate/sports_ball", "1");
            sub.await("lookout/garage/front_gate/zones/back_yard/sports_ball", "1");
            sub.await("lookout/garage/front_gate/lines/door__1", "{\"in\":2,\"out\":0}");
            sub.await("the zone's person entity", m -> m.topic().equals(
                    "homeassistant/sensor/lookout_garage/Front_Gate_back_yard_person_count/config"));
            sub.await("the line entity", m -> m.topic().equals(
                    "homeassistant/sensor/lookout_garage/Front_Gate_door__1_out/config"));
            Thread.sleep(500); // what else was sent with them
            List<String> topics = sub.messages().stream().map(TestSubscriber.Message::topic).toList();
            assertTrue(topics.stream().noneMatch(t -> t.contains(" ")), "no topic with a space: " + topics);
            List<String> configs = topics.stream().filter(t -> t.startsWith("homeassistant/")).toList();
            assertEquals(6, configs.size(), "person count and presence on the camera and in the zone, the line's "
                    + "in and out: " + configs);
            assertTrue(configs.stream().noneMatch(t -> t.contains("sports")), "no sports ball entity: " + configs);
        }
    }

    private Path pngSnapshot() throws Exception {
        Path png = dir.resolve("snapshot.png");
        // the README's screenshot of the live window: a real frame, always in the repository
        BufferedImage photo = ImageIO.read(TestData.projectDir().resolve("docs/images/live-window.jpg").toFile());
        assertTrue(ImageIO.write(photo, "png", png.toFile()));
        assertFalse(SnapshotJpeg.isJpeg(Files.readAllBytes(png)));
        return png;
    }

    private static String type(byte[] json) {
        try {
            return JSON.readTree(json).get("type").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static void awaitConnected(MqttPublisher publisher) throws InterruptedException {
        awaitState(publisher, true);
    }

    private static void awaitState(MqttPublisher publisher, boolean connected) throws InterruptedException {
        Await.until(() -> publisher.isConnected() == connected,
                "the publisher " + (connected ? "connected" : "disconnected") + " (" + publisher.problem() + ")");
    }
}
