package dev.lookout.track.events;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which tracks become object events.
 *
 * @param camera the camera's name in the events ({@code default} for a single unnamed source); never a URL
 * @param classes the watched classes; empty watches every class
 * @param required zone or line names: when not empty, an event opens only once its object has entered one of these
 *     zones or crossed one of these lines
 * @param gate how established a track must be before its event opens (age, detections, median score)
 * @param thresholds per-class median scores that replace the gate's threshold for those classes
 *     ({@code filters.classes.<class>.threshold} of a camera)
 */
public record EventRules(String camera, Set<String> classes, Set<String> required, EventGate gate,
        Map<String, Double> thresholds) {

    public EventRules {
        Objects.requireNonNull(camera, "camera");
        classes = Set.copyOf(classes);
        required = Set.copyOf(required);
        Objects.requireNonNull(gate, "gate");
        thresholds = Map.copyOf(thresholds);
    }

    /** Rules with one gate for every class. */
    public EventRules(String camera, Set<String> classes, Set<String> required, EventGate gate) {
        this(camera, classes, required, gate, Map.of());
    }

    /** Rules with the default {@link EventGate}. */
    public EventRules(String camera, Set<String> classes, Set<String> required) {
        this(camera, classes, required, EventGate.DEFAULTS);
    }

    /** The gate of {@code className}: {@link #gate()} with the class's own threshold, if it has one. */
    public EventGate gate(String className) {
        Double own = thresholds.get(className);
        return own == null ? gate : new EventGate(gate.minSeconds(), gate.minDetections(), own);
    }

    /** True when {@code className} is watched. */
    public boolean watches(String className) {
        return classes.isEmpty() || classes.contains(className);
    }
}
