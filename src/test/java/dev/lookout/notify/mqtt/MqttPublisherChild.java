package dev.lookout.notify.mqtt;

/**
 * A separate JVM that publishes as node {@code args[1]} to the broker {@code args[0]} until it is killed, for the
 * Last Will test. It prints {@code connected} once the broker accepted it.
 */
public final class MqttPublisherChild {

    private MqttPublisherChild() {
    }

    public static void main(String[] args) throws Exception {
        MqttPublisher publisher = MqttPublisher.start(MqttSettings.of(args[0], args[1]));
        while (!publisher.isConnected() || publisher.published() == 0) {
            Thread.sleep(20);
        }
        System.out.println("connected");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
