package dev.lookout.cli;

import dev.lookout.track.events.EventGate;
import picocli.CommandLine.Option;

/**
 * {@code --event-min-age}, {@code --event-min-detections}, {@code --event-threshold}: when a tracked object becomes
 * an event ({@link EventGate}, as {@code events:} in lookout.yml), shared by {@code detect --track-events} and
 * {@code live --watch}.
 */
final class EventGateOptions {

    @Option(names = "--event-min-age", paramLabel = "S", description = "object events: a track must be followed S "
            + "seconds since its first sighting before its event opens (default 1; 0: at once)")
    Double minAge;

    @Option(names = "--event-min-detections", paramLabel = "N", description = "object events: ... and be detected "
            + "in at least N frames (default 3)")
    Integer minDetections;

    @Option(names = "--event-threshold", paramLabel = "T", description = "object events: ... and the median score "
            + "of its last 10 detections be at least T (default 0.5)")
    Double threshold;

    /** True when one of the options was given. */
    boolean given() {
        return minAge != null || minDetections != null || threshold != null;
    }

    /** The gate, checked: the defaults for what was not given. */
    EventGate gate() throws UsageException {
        EventGate d = EventGate.DEFAULTS;
        if (minAge != null && !(minAge >= 0 && minAge <= 3600)) {
            throw new UsageException("--event-min-age must be from 0 to 3600 seconds, not " + minAge);
        }
        if (minDetections != null && !(minDetections >= 1 && minDetections <= 1000)) {
            throw new UsageException("--event-min-detections must be from 1 to 1000, not " + minDetections);
        }
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new UsageException("--event-threshold must be from 0 to 1, not " + threshold);
        }
        return new EventGate(minAge != null ? minAge : d.minSeconds(),
                minDetections != null ? minDetections : d.minDetections(), threshold != null ? threshold : d.threshold());
    }
}
