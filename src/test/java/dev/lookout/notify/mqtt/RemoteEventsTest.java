package dev.lookout.notify.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookout.event.EventChange;
import dev.lookout.event.EventJson;
import dev.lookout.notify.TestEvents;
import dev.lookout.testsupport.Await;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.MosquittoBroker;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes publish to one Mosquitto broker; one {@link RemoteEvents} subscriber sees both. */
@IntegrationTest
class RemoteEventsTest {

    @TempDir
    Path dir;

    @Test
    void oneSubscriberSeesTheEventsAndStateOfEveryNode() throws Exception {
        RemoteRecorder recorder = new RemoteRecorder();
        try (MosquittoBroker broker = MosquittoBroker.anonymous(dir);
                RemoteEvents remote = RemoteEvents.start(MqttSettings.of(broker.url(), "window"), recorder)) {
            Await.until(remote::isConnected, "the subscriber connected");
            List<EventChange> gate = TestEvents.lifecycle("gate", 3, "person", null);
            List<EventChange> drive = TestEvents.lifecycle("drive", 5, "car", null);
            try (MqttPublisher a = MqttPublisher.start(MqttSettings.of(broker.url(), "house").withProtocol(5));
                    MqttPublisher b = MqttPublisher.start(MqttSettings.of(broker.url(), "barn"))) {
                Await.until(() -> recorder.online("house") && recorder.online("barn"), "both nodes online");
                gate.forEach(a::onEvent);
                drive.forEach(b::onEvent);
                Await.until(() -> recorder.events("house").size() == 3 && recorder.events("barn").size() == 3,
                        "three events from each node");
                assertEquals(gate.stream().map(EventJson::line).toList(),
                        recorder.events("house").stream().map(EventJson::line).toList(), "house's, in order");
                assertEquals(drive.stream().map(EventJson::line).toList(),
                        recorder.events("barn").stream().map(EventJson::line).toList(), "barn's, in order");
                b.close();
                Await.until(() -> !recorder.online("barn"), "barn offline after it closed");
                assertEquals(true, recorder.online("house"));
            }
        }
    }

    @Test
    void keepsHearingEveryNodeAfterTheBrokerRestarts() throws Exception {
        RemoteRecorder recorder = new RemoteRecorder();
        try (MosquittoBroker broker = MosquittoBroker.anonymous(dir);
                RemoteEvents remote = RemoteEvents.start(MqttSettings.of(broker.url(), "window"), recorder);
                MqttPublisher house = MqttPublisher.start(MqttSettings.of(broker.url(), "house"))) {
            Await.until(() -> remote.isConnected() && recorder.online("house"), "connected, house online");
            broker.stop();
            Await.until(() -> !remote.isConnected(), "the subscriber saw the broker go");
            recorder.forgetStates();
            broker.startProcess();
            // the restarted broker forgot everything: house's 'online' is heard only if the subscription came back
            Await.until(() -> recorder.online("house"), "house online again, heard after the restart");
            List<EventChange> gate = TestEvents.lifecycle("gate", 4, "person", null);
            gate.forEach(house::onEvent);
            Await.until(() -> recorder.events("house").size() == 3, "house's events after the restart");
        }
    }
}
