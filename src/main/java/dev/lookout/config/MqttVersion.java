package dev.lookout.config;

/**
 * The MQTT protocol version spoken to the broker; written {@code 3} (3.1.1) or {@code 5} in the file.
 * {@link #DEFAULT_NUMBER} is the one default of every way in (lookout.yml, the window, {@code remote-events}).
 */
public enum MqttVersion {
    /** MQTT 3.1.1. */
    V3_1_1(3),
    /** MQTT 5. */
    V5(5);

    /**
     * The version used when none is given: 3 (MQTT 3.1.1), which every broker speaks (some, and older Mosquittos,
     * refuse 5); Lookout uses nothing that only 5 has. A compile-time constant, so that option annotations and
     * {@code MqttSettings} can name it.
     */
    public static final int DEFAULT_NUMBER = 3;

    private final int number;

    MqttVersion(int number) {
        this.number = number;
    }

    /** The default version ({@link #DEFAULT_NUMBER}). */
    public static MqttVersion byDefault() {
        return DEFAULT_NUMBER == 5 ? V5 : V3_1_1;
    }

    /** The number the file uses: 3 or 5. */
    public int number() {
        return number;
    }
}
