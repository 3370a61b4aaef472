package dev.lookout.config;

import dev.lookout.capture.FrameSize;
import dev.lookout.capture.UrlRedaction;
import dev.lookout.track.events.EventGate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One camera of the configuration, as written under {@code cameras: <name>:} (see {@code docs/CONFIG.md}).
 *
 * @param name letters, digits, {@code _} and {@code -}: used in file names and MQTT topics
 * @param source a camera index ({@code 0}, {@code /dev/video0}), a video file, a folder of images or a stream URL,
 *     as written; a relative file is relative to the configuration file's folder (see {@link #sourceIn})
 * @param loop replay a file or folder from the start when it ends
 * @param size the capture size asked of a camera; empty for the camera's default
 * @param detectFps the most detections per second for this camera; empty for no cap
 * @param classes the classes detected; empty for all 80
 * @param minScore the lowest score a detection needs, 0..1
 * @param watch the classes that make events (clips, snapshots, notifications); empty for none
 * @param requiredZones an object makes an event only inside one of these zones; empty for anywhere
 * @param preRoll video kept before an event starts
 * @param postRoll video kept after the last sighting
 * @param snapshots whether events get a snapshot
 * @param record what is recorded
 * @param motion the motion gate
 * @param lines counting lines by name, in file order
 * @param zones zones by name, in file order
 * @param retention this camera's own retention ages
 * @param events when a tracked object of a watched class becomes an event (age, detections, median score); its
 *     threshold is {@code filters.threshold} when that is written
 * @param filters which detections reach the tracker, and per-class event thresholds
 */
public record CameraConfig(String name, String source, boolean loop, Optional<FrameSize> size,
        Optional<Double> detectFps, List<String> classes, double minScore, List<String> watch,
        List<String> requiredZones, Duration preRoll, Duration postRoll, boolean snapshots, RecordMode record,
        MotionConfig motion, Map<String, Line> lines, Map<String, Polygon> zones, CameraRetention retention,
        EventGate events, ObjectFilters filters) {

    /** TF.js's default minimum score. */
    public static final double DEFAULT_MIN_SCORE = 0.5;
    /** Video kept before an event, when none is written. */
    public static final Duration DEFAULT_PRE_ROLL = Duration.ofSeconds(3);
    /** Video kept after an event, when none is written. */
    public static final Duration DEFAULT_POST_ROLL = Duration.ofSeconds(5);

    public CameraConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(detectFps, "detectFps");
        classes = List.copyOf(classes);
        watch = List.copyOf(watch);
        requiredZones = List.copyOf(requiredZones);
        Objects.requireNonNull(preRoll, "preRoll");
        Objects.requireNonNull(postRoll, "postRoll");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(motion, "motion");
        lines = Collections.unmodifiableMap(new LinkedHashMap<>(lines));
        zones = Collections.unmodifiableMap(new LinkedHashMap<>(zones));
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(filters, "filters");
    }

    /** A camera without object filters. */
    public CameraConfig(String name, String source, boolean loop, Optional<FrameSize> size,
            Optional<Double> detectFps, List<String> classes, double minScore, List<String> watch,
            List<String> requiredZones, Duration preRoll, Duration postRoll, boolean snapshots, RecordMode record,
            MotionConfig motion, Map<String, Line> lines, Map<String, Polygon> zones, CameraRetention retention,
            EventGate events) {
        this(name, source, loop, size, detectFps, classes, minScore, watch, requiredZones, preRoll, postRoll,
                snapshots, record, motion, lines, zones, retention, events, ObjectFilters.NONE);
    }

    /** A camera with every optional setting at its default: the minimum a file can say. */
    public static CameraConfig of(String name, String source) {
        return new CameraConfig(name, source, false, Optional.empty(), Optional.empty(), List.of(),
                DEFAULT_MIN_SCORE, List.of(), List.of(), DEFAULT_PRE_ROLL, DEFAULT_POST_ROLL, true, RecordMode.EVENTS,
                MotionConfig.DEFAULTS, Map.of(), Map.of(), CameraRetention.INHERIT, EventGate.DEFAULTS,
                ObjectFilters.NONE);
    }

    /** This camera with another source, loop and watched classes; every other setting kept. */
    public CameraConfig withSource(String newSource, boolean newLoop, List<String> newWatch) {
        return new CameraConfig(name, newSource, newLoop, size, detectFps, classes, minScore, newWatch, requiredZones,
                preRoll, postRoll, snapshots, record, motion, lines, zones, retention, events, filters);
    }

    /** This camera with other counting lines and zones; every other setting kept. */
    public CameraConfig withRegions(Map<String, Line> newLines, Map<String, Polygon> newZones) {
        return new CameraConfig(name, source, loop, size, detectFps, classes, minScore, watch, requiredZones,
                preRoll, postRoll, snapshots, record, motion, newLines, newZones, retention, events, filters);
    }

    /**
     * The source to open: a relative file or folder resolved against the folder of {@code configFile}; camera
     * indices and URLs unchanged.
     */
    public String sourceIn(Path configFile) {
        return SourceSpecs.isFile(source) ? SourceSpecs.resolve(source, configFile).toString() : source;
    }

    /** With the source's credentials masked. */
    @Override
    public String toString() {
        return "CameraConfig[name=" + name + ", source=" + UrlRedaction.redact(source) + ", loop=" + loop
                + ", size=" + size + ", detectFps=" + detectFps + ", classes=" + classes + ", minScore=" + minScore
                + ", watch=" + watch + ", requiredZones=" + requiredZones + ", preRoll=" + preRoll
                + ", postRoll=" + postRoll + ", snapshots=" + snapshots + ", record=" + record + ", motion=" + motion
                + ", lines=" + lines + ", zones=" + zones + ", retention=" + retention + ", events=" + events + ", filters=" + filters + "]";
    }
}
