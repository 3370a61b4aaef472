package dev.lookout.notify.mqtt;

import dev.lookout.notify.CameraCounts;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns {@link CameraCounts} snapshots into retained state topics: one per class and per zone and class (a class
 * that disappears goes back to {@code 0} rather than keeping its last count), one JSON {@code {"in", "out"}} per
 * line, and the Home Assistant discovery configs of each topic the first time it appears. Discovery makes
 * entities only for a camera's {@linkplain #discover announced classes} (and for every line, whose totals hold
 * all classes): a camera that detects all 80 classes must not leave a retained entity behind for one false
 * "sports ball"; the state topics of other classes are still published.
 */
final class CountPublishing {

    private final MqttTopics topics;
    private final RetainedState state;
    private final HomeAssistantDiscovery discovery;
    private final Map<String, Set<String>> countTopicsByCamera = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> discoverable = new ConcurrentHashMap<>();

    /** {@code discovery} is null when Home Assistant discovery is off. */
    CountPublishing(MqttTopics topics, RetainedState state, HomeAssistantDiscovery discovery) {
        this.topics = topics;
        this.state = state;
        this.discovery = discovery;
    }

    /** The classes of {@code camera} that get Home Assistant entities (none until this is called). */
    void discover(String camera, Set<String> classes) {
        discoverable.put(camera, Set.copyOf(classes));
    }

    /** Updates the state topics of {@code counts.camera()}; cheap, and marks only changed values for sending. */
    synchronized void update(CameraCounts counts) {
        String camera = counts.camera();
        Set<String> seen = new HashSet<>();
        counts.classes().forEach((cls, n) -> {
            String topic = topics.count(camera, cls);
            announce(camera, cls, topic, () -> discovery.count(camera, null, cls));
            put(topic, Integer.toString(n), seen);
        });
        counts.zones().forEach((zone, classes) -> classes.forEach((cls, n) -> {
            String topic = topics.zoneCount(camera, zone, cls);
            announce(camera, cls, topic, () -> discovery.count(camera, zone, cls));
            put(topic, Integer.toString(n), seen);
        }));
        Set<String> before = countTopicsByCamera.computeIfAbsent(camera, c -> new HashSet<>());
        for (String gone : before) {
            if (!seen.contains(gone)) {
                state.put(gone, "0".getBytes(StandardCharsets.US_ASCII));
            }
        }
        before.addAll(seen);
        counts.lines().forEach((line, totals) -> {
            String topic = topics.line(camera, line);
            announce(camera, null, topic, () -> discovery.line(camera, line));
            state.put(topic, ("{\"in\":" + totals.in() + ",\"out\":" + totals.out() + "}")
                    .getBytes(StandardCharsets.US_ASCII));
        });
    }

    private void put(String topic, String value, Set<String> seen) {
        state.put(topic, value.getBytes(StandardCharsets.US_ASCII));
        seen.add(topic);
    }

    /** Sends the configs of a new {@code topic}, if discovery is on and {@code cls} is announced (null: a line). */
    private void announce(String camera, String cls, String topic,
            java.util.function.Supplier<Map<String, byte[]>> configs) {
        if (discovery != null && !state.has(topic)
                && (cls == null || discoverable.getOrDefault(camera, Set.of()).contains(cls))) {
            configs.get().forEach(state::put);
        }
    }
}
