package dev.lookout.notify.mqtt;

/**
 * The topics of one node under a prefix: {@code <prefix>/<node>/available}, {@code .../events},
 * {@code .../<camera>/<class>}, {@code .../<camera>/zones/<zone>/<class>}, {@code .../<camera>/lines/<line>} and
 * {@code .../<camera>/<class>/snapshot}. Every node, camera, class, zone and line name becomes one safe topic level
 * here, the one place topics are built: lower case, with each character but {@code a-z 0-9 _ -} (a space, MQTT's
 * separator and wildcards {@code / + #}, accents) replaced by {@code _}, so "sports ball" is {@code sports_ball}
 * and a topic never needs quoting in a shell or in Home Assistant.
 */
public record MqttTopics(String prefix, String node) {

    /** The topics of {@code settings}'s node. */
    public static MqttTopics of(MqttSettings settings) {
        return new MqttTopics(settings.prefix(), settings.node());
    }

    /** {@code online} (retained) while the node is connected, {@code offline} (its Last Will) otherwise. */
    public String available() {
        return base() + "available";
    }

    /** One JSON message per event change. */
    public String events() {
        return base() + "events";
    }

    /** The number of {@code className} objects {@code camera} sees now. */
    public String count(String camera, String className) {
        return base() + level(camera) + "/" + level(className);
    }

    /** The number of {@code className} objects inside {@code zone}. */
    public String zoneCount(String camera, String zone, String className) {
        return base() + level(camera) + "/zones/" + level(zone) + "/" + level(className);
    }

    /** {@code {"in": N, "out": M}} for one counting line. */
    public String line(String camera, String line) {
        return base() + level(camera) + "/lines/" + level(line);
    }

    /** The latest snapshot of a {@code className} event on {@code camera}, JPEG, retained. */
    public String snapshot(String camera, String className) {
        return count(camera, className) + "/snapshot";
    }

    /** Subscription filter for every node's events under {@code prefix}. */
    public static String allEvents(String prefix) {
        return prefix + "/+/events";
    }

    /** Subscription filter for every node's availability under {@code prefix}. */
    public static String allAvailability(String prefix) {
        return prefix + "/+/available";
    }

    /** Subscription filter for every node's retained snapshots under {@code prefix}. */
    public static String allSnapshots(String prefix) {
        return prefix + "/+/+/+/snapshot";
    }

    /** {@code name} as one safe topic level: lower case {@code [a-z0-9_-]}, anything else {@code _}. */
    public static String level(String name) {
        String v = name == null || name.isEmpty() ? "_" : name.strip().toLowerCase(java.util.Locale.ROOT);
        return v.isEmpty() ? "_" : v.replaceAll("[^a-z0-9_-]", "_");
    }

    private String base() {
        return prefix + "/" + level(node) + "/";
    }
}
