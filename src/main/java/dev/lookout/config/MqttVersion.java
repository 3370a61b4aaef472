package dev.lookout.config;

/** The MQTT protocol version spoken to the broker; written {@code 3} (3.1.1) or {@code 5} in the file. */
public enum MqttVersion {
    /** MQTT 3.1.1. */
    V3_1_1(3),
    /** MQTT 5. */
    V5(5);

    private final int number;

    MqttVersion(int number) {
        this.number = number;
    }

    /** The number the file uses: 3 or 5. */
    public int number() {
        return number;
    }
}
