package dev.lookout.notify.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Home Assistant's MQTT discovery for one node: a {@code sensor} per count (objects of a class on a camera or in a
 * zone), a {@code binary_sensor} for the presence of that class there, and two sensors (in, out) per counting line,
 * all under one device "Lookout &lt;node&gt;" and unavailable while the node is offline. The configs are retained
 * and sent again when Home Assistant announces {@code online} on {@link #STATUS_TOPIC}.
 */
final class HomeAssistantDiscovery {

    /** Home Assistant's default discovery prefix. */
    static final String PREFIX = "homeassistant";
    /** Where Home Assistant says {@code online} after it (re)starts. */
    static final String STATUS_TOPIC = PREFIX + "/status";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MqttTopics topics;
    private final String nodeId;

    HomeAssistantDiscovery(MqttTopics topics) {
        this.topics = topics;
        this.nodeId = id("lookout_" + topics.node());
    }

    /** Discovery configs (topic to JSON) for the count of {@code className} on {@code camera}, or in a zone. */
    Map<String, byte[]> count(String camera, String zone, String className) {
        String place = zone == null ? camera : camera + " " + zone;
        String stateTopic = zone == null ? topics.count(camera, className) : topics.zoneCount(camera, zone, className);
        String object = id(place + "_" + className);
        Map<String, byte[]> configs = new LinkedHashMap<>();
        ObjectNode sensor = entity(place + " " + className + " count", object + "_count", stateTopic);
        sensor.put("state_class", "measurement");
        sensor.put("unit_of_measurement", "objects");
        configs.put(configTopic("sensor", object + "_count"), bytes(sensor));
        ObjectNode presence = entity(place + " " + className, object + "_presence", stateTopic);
        presence.put("device_class", "occupancy");
        presence.put("value_template", "{{ 'ON' if value | int > 0 else 'OFF' }}");
        configs.put(configTopic("binary_sensor", object + "_presence"), bytes(presence));
        return configs;
    }

    /** Discovery configs for a counting line's in and out totals. */
    Map<String, byte[]> line(String camera, String line) {
        Map<String, byte[]> configs = new LinkedHashMap<>();
        for (String direction : new String[] {"in", "out"}) {
            String object = id(camera + "_" + line + "_" + direction);
            ObjectNode sensor = entity(camera + " " + line + " " + direction, object, topics.line(camera, line));
            sensor.put("value_template", "{{ value_json." + direction + " }}");
            sensor.put("state_class", "total_increasing");
            configs.put(configTopic("sensor", object), bytes(sensor));
        }
        return configs;
    }

    private ObjectNode entity(String name, String object, String stateTopic) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", name);
        node.put("unique_id", nodeId + "_" + object);
        node.put("state_topic", stateTopic);
        node.put("availability_topic", topics.available());
        node.put("payload_available", "online");
        node.put("payload_not_available", "offline");
        ObjectNode device = node.putObject("device");
        device.putArray("identifiers").add(nodeId);
        device.put("name", "Lookout " + topics.node());
        device.put("manufacturer", "Lookout");
        return node;
    }

    private String configTopic(String component, String object) {
        return PREFIX + "/" + component + "/" + nodeId + "/" + object + "/config";
    }

    /** Home Assistant's ids allow letters, digits, '_' and '-' only. */
    static String id(String text) {
        return text.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
