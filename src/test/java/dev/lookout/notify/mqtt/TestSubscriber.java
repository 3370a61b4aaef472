package dev.lookout.notify.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A plain MQTT 5 client for tests that records every message on {@code #}, retained flag included. */
final class TestSubscriber implements AutoCloseable {

    /** One message as received. */
    record Message(String topic, byte[] payload, boolean retained) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Mqtt5AsyncClient client;
    private final List<Message> messages = new ArrayList<>();

    private TestSubscriber(Mqtt5AsyncClient client) {
        this.client = client;
    }

    /** Connected and subscribed to {@code filter}, or an exception. */
    static TestSubscriber connect(int port, String filter) throws Exception {
        Mqtt5AsyncClient client = MqttClient.builder().useMqttVersion5()
                .identifier("test-" + UUID.randomUUID().toString().substring(0, 8))
                .serverHost("127.0.0.1").serverPort(port).build().toAsync();
        TestSubscriber subscriber = new TestSubscriber(client);
        client.publishes(MqttGlobalPublishFilter.ALL, p -> subscriber.add(new Message(p.getTopic().toString(),
                p.getPayloadAsBytes(), p.isRetain())));
        client.connect().get(10, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send().get(10, TimeUnit.SECONDS);
        return subscriber;
    }

    /** Publishes {@code text} (for the Home Assistant status, say). */
    void publish(String topic, String text, boolean retain) throws Exception {
        client.publishWith().topic(topic).payload(text.getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE)
                .retain(retain).send().get(10, TimeUnit.SECONDS);
    }

    private synchronized void add(Message m) {
        messages.add(m);
        notifyAll();
    }

    /** Everything received so far. */
    synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    /** Messages received on {@code topic}, in order. */
    synchronized List<Message> on(String topic) {
        return messages.stream().filter(m -> m.topic().equals(topic)).toList();
    }

    /** Waits (up to 30 s) for the first message matching {@code which}; fails naming {@code what}. */
    synchronized Message await(String what, Predicate<Message> which) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            for (Message m : messages) {
                if (which.test(m)) {
                    return m;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + what + " within 30 s; received: "
                        + messages.stream().map(m -> m.topic() + "=" + (m.payload().length > 80
                                ? m.payload().length + " bytes" : m.text())).toList());
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }

    /** Waits for a message on {@code topic} with the text {@code text}. */
    Message await(String topic, String text) throws InterruptedException {
        return await(topic + " = " + text, m -> m.topic().equals(topic) && m.text().equals(text));
    }

    /** Waits until at least {@code n} messages matched {@code which}. */
    synchronized void awaitCount(String what, int n, Predicate<Message> which) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (messages.stream().filter(which).count() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("fewer than " + n + " " + what + " within 30 s: "
                        + messages.stream().filter(which).count());
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }

    @Override
    public void close() {
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the broker may already be gone
        }
    }
}
