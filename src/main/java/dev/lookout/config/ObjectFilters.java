package dev.lookout.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A camera's object filters ({@code cameras.<name>.filters:}, Frigate's): which detections reach the tracker, and
 * the per-class median score an object needs to become an event. Unset limits filter nothing.
 *
 * @param camera the limits for every class
 * @param masks polygons (pixels, or fractions 0..1 of the frame): a detection whose box's bottom centre, where the
 *     object stands, lies inside one is dropped
 * @param classes per-class limits by class name, in file order; each set value overrides the camera's
 */
public record ObjectFilters(Limits camera, List<Polygon> masks, Map<String, Limits> classes) {

    /** No filter at all: every detection goes on, as without the key. */
    public static final ObjectFilters NONE = new ObjectFilters(Limits.NONE, List.of(), Map.of());

    public ObjectFilters {
        Objects.requireNonNull(camera, "camera");
        masks = List.copyOf(masks);
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
    }

    /** The limits for {@code className}: its own where set, else the camera's. */
    public Limits forClass(String className) {
        Limits own = classes.get(className);
        return own == null ? camera : own.over(camera);
    }

    /**
     * The limits of one class or of the whole camera; each is empty when not set.
     *
     * @param minArea the least box area: a fraction of the frame (0..1), or pixels when more than 1
     * @param maxArea the largest box area, in the same units
     * @param minRatio the least box width / height
     * @param maxRatio the largest box width / height
     * @param minScore the least score of a detection
     * @param threshold the least median score of an object's last detections for it to become an event
     *     (the camera's value is {@code events.threshold}'s)
     */
    public record Limits(Optional<Double> minArea, Optional<Double> maxArea, Optional<Double> minRatio,
            Optional<Double> maxRatio, Optional<Double> minScore, Optional<Double> threshold) {

        /** Nothing set. */
        public static final Limits NONE = new Limits(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());

        public Limits {
            Objects.requireNonNull(minArea, "minArea");
            Objects.requireNonNull(maxArea, "maxArea");
            Objects.requireNonNull(minRatio, "minRatio");
            Objects.requireNonNull(maxRatio, "maxRatio");
            Objects.requireNonNull(minScore, "minScore");
            Objects.requireNonNull(threshold, "threshold");
        }

        /** These limits where set, {@code base}'s elsewhere. */
        public Limits over(Limits base) {
            return new Limits(minArea.or(base::minArea), maxArea.or(base::maxArea), minRatio.or(base::minRatio),
                    maxRatio.or(base::maxRatio), minScore.or(base::minScore), threshold.or(base::threshold));
        }

        /** This with another threshold. */
        public Limits withThreshold(Optional<Double> value) {
            return new Limits(minArea, maxArea, minRatio, maxRatio, minScore, value);
        }
    }
}
