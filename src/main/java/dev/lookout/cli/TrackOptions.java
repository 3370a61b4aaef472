package dev.lookout.cli;

import dev.lookout.detect.DetectOptions;
import dev.lookout.event.EventJson;
import dev.lookout.event.EventSink;
import dev.lookout.track.TrackerConfig;
import dev.lookout.track.TrackingSession;
import dev.lookout.track.events.EventGate;
import dev.lookout.track.events.EventRules;
import dev.lookout.track.zones.CountingLine;
import dev.lookout.track.zones.Regions;
import dev.lookout.track.zones.Zone;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code detect --track} and its counting lines, zones and object events. The tracking path asks the detector for
 * candidates as ByteTrack needs them: up to {@value #CANDIDATE_BOXES} boxes scoring above {@value #CANDIDATE_SCORE},
 * suppressed at IoU {@value #CANDIDATE_IOU} (TF.js would suppress at its min score, 0.1, and leave almost no
 * overlapping box).
 */
final class TrackOptions {

    static final int CANDIDATE_BOXES = dev.lookout.track.Candidates.BOXES;
    static final double CANDIDATE_SCORE = dev.lookout.track.Candidates.SCORE;
    static final double CANDIDATE_IOU = dev.lookout.track.Candidates.IOU;

    @Option(names = "--track", description = "videos and streams: track objects; each detection gets an \"id\" and "
            + "\"stationary\" (only detections of confirmed tracks are reported, whatever their score)")
    boolean track;

    @Mixin
    RegionOptions regionOptions = new RegionOptions();

    @Option(names = "--track-events", paramLabel = "FILE", description = "--track: append one object event per "
            + "tracked object (new/update/end, with before and after) to FILE as JSON lines")
    @Writes
    Path events;

    @Mixin
    EventGateOptions eventGate = new EventGateOptions();

    @Option(names = "--require", paramLabel = "A,B", description = "--track-events: an event starts only when its "
            + "object enters one of these zones or crosses one of these lines")
    String require;

    @Option(names = "--stationary", paramLabel = "S", defaultValue = "10", description = "--track: an object that "
            + "stays put for S seconds is stationary and opens no event (default ${DEFAULT-VALUE})")
    double stationarySeconds;

    private List<CountingLine> parsedLines = List.of();
    private List<Zone> parsedZones = List.of();
    private Set<String> required = Set.of();
    private EventGate gate = EventGate.DEFAULTS;

    /** Checks the options; {@code minScore} and {@code iou} are the user's (null when not given). */
    void check(Double minScore, Double iou) throws UsageException {
        if (!track) {
            for (String option : new String[] {regionOptions.lines.isEmpty() ? null : "--line",
                regionOptions.zones.isEmpty() ? null : "--zone",
                    events == null ? null : "--track-events", require == null ? null : "--require",
                    eventGate.given() ? "--event-min-age, --event-min-detections, --event-threshold" : null}) {
                if (option != null) {
                    throw new UsageException(option + " needs --track");
                }
            }
            return;
        }
        if (minScore != null || iou != null) {
            throw new UsageException((minScore != null ? "--min-score" : "--iou") + " does not apply with --track: "
                    + "the tracker takes the detector's candidates above " + CANDIDATE_SCORE + " (IoU "
                    + CANDIDATE_IOU + ") and applies its own thresholds");
        }
        if (!(stationarySeconds > 0) || Double.isInfinite(stationarySeconds)) {
            throw new UsageException("--stationary must be a positive number of seconds, not " + stationarySeconds);
        }
        gate = eventGate.gate();
        Regions regions = regionOptions.parse();
        parsedLines = regions.lines();
        parsedZones = regions.zones();
        if (require != null) {
            if (events == null) {
                throw new UsageException("--require needs --track-events");
            }
            required = required(require, regions, "no --line or --zone has that name");
        }
    }

    /** {@code --require A,B}: names of {@code regions}; an unknown name is a usage error ending with {@code why}. */
    static Set<String> required(String require, Regions regions, String why) throws UsageException {
        Set<String> wanted = new LinkedHashSet<>();
        for (String r : require.split(",")) {
            if (!r.isBlank()) {
                wanted.add(r.strip());
            }
        }
        for (String r : wanted) {
            if (!regions.names().contains(r)) {
                throw new UsageException("--require " + r + ": " + why);
            }
        }
        return wanted;
    }

    /** The detector query of the tracking path: the user's class filter and minimum area, tracking's candidates. */
    static DetectOptions candidates(DetectOptions user) {
        return dev.lookout.track.Candidates.options(user);
    }

    /** Opens {@code --track-events} for appending, or returns null without it. */
    BufferedWriter openEvents() throws IOException {
        if (events == null) {
            return null;
        }
        try {
            return Files.newBufferedWriter(events, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IOException("cannot write --track-events " + events + ": " + dev.lookout.Failures.reason(e), e);
        }
    }

    /**
     * A session for one source. Events (if asked for) go to {@code eventLog}, one JSON line each.
     *
     * @param classes the watched classes (the user's --classes; empty: all)
     * @param onWriteFailure told once if the event log cannot be written
     */
    TrackingSession start(Set<String> classes, BufferedWriter eventLog, java.util.function.Consumer<String> onWriteFailure,
            boolean overlay) {
        EventRules rules = eventLog == null ? null : new EventRules("default", classes, required, gate);
        boolean[] failed = {false};
        EventSink sink = change -> {
            if (failed[0]) {
                return;
            }
            try {
                eventLog.write(EventJson.line(change));
                eventLog.newLine();
                eventLog.flush();
            } catch (IOException e) {
                failed[0] = true;
                onWriteFailure.accept("cannot write --track-events " + events + ": " + dev.lookout.Failures.reason(e));
            }
        };
        return new TrackingSession(TrackerConfig.DEFAULTS.withStationarySeconds(stationarySeconds), parsedLines,
                parsedZones, rules, Instant.now(), sink, overlay ? 2 : 0);
    }
}
