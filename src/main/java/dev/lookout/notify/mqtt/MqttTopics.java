package dev.lookout.notify.mqtt;

/**
 * The topics of one node under a prefix: {@code <prefix>/<node>/available}, {@code .../events},
 * {@code .../<camera>/<class>}, {@code .../<camera>/zones/<zone>/<class>}, {@code .../<camera>/lines/<line>} and
 * {@code .../<camera>/<class>/snapshot}. Names are used as they are (spaces included, as in "traffic light") except
 * MQTT's separators and wildcards {@code / + #}, which become {@code _} so a name is always one topic level.
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

    /** {@code name} as one topic level. */
    public static String level(String name) {
        String v = name == null || name.isEmpty() ? "_" : name;
        return v.replace('/', '_').replace('+', '_').replace('#', '_').replace('\0', '_');
    }

    private String base() {
        return prefix + "/" + level(node) + "/";
    }
}
