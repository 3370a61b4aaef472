package dev.lookout.live;

import dev.lookout.track.events.EventGate;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * How a live source is watched for classes ({@code live --watch} or the Watch… button): which classes, how presence is
 * debounced and where clips, snapshots and the event log go.
 *
 * @param classes the watched class names (not empty)
 * @param confirmFrames consecutive frames with a watched class before an event starts
 * @param preRollMillis video kept before the appearance
 * @param postRollMillis video kept after the last sighting; the event ends then
 * @param clipFolder where event clips go
 * @param eventLog the JSON-lines log of event starts and ends
 * @param snapshotFolder where each event's best frame goes
 * @param gate when a tracked object becomes an event (the window's watch is object-based)
 */
public record WatchSettings(Set<String> classes, int confirmFrames, long preRollMillis, long postRollMillis,
        Path clipFolder, Path eventLog, Path snapshotFolder, EventGate gate) {

    /** Checks the values. */
    public WatchSettings {
        classes = Set.copyOf(classes);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("no classes to watch");
        }
        if (confirmFrames < 1) {
            throw new IllegalArgumentException("confirmFrames must be at least 1");
        }
        Objects.requireNonNull(clipFolder);
        Objects.requireNonNull(eventLog);
        Objects.requireNonNull(snapshotFolder);
        Objects.requireNonNull(gate);
    }

    /** Settings with the default {@link EventGate}. */
    public WatchSettings(Set<String> classes, int confirmFrames, long preRollMillis, long postRollMillis,
            Path clipFolder, Path eventLog, Path snapshotFolder) {
        this(classes, confirmFrames, preRollMillis, postRollMillis, clipFolder, eventLog, snapshotFolder,
                EventGate.DEFAULTS);
    }

    /** The defaults of {@code detect --watch}: 3 frames, 3 s pre-roll, 5 s post-roll, recordings/, events.jsonl. */
    public static WatchSettings defaults(Set<String> classes) {
        return new WatchSettings(classes, 3, 3000, 5000, Path.of("recordings"), Path.of("events.jsonl"),
                Path.of("snapshots"));
    }

    /** The same settings for other classes. */
    public WatchSettings withClasses(Set<String> value) {
        return new WatchSettings(value, confirmFrames, preRollMillis, postRollMillis, clipFolder, eventLog,
                snapshotFolder, gate);
    }

    /** The same settings with another event gate. */
    public WatchSettings withGate(EventGate value) {
        return new WatchSettings(classes, confirmFrames, preRollMillis, postRollMillis, clipFolder, eventLog,
                snapshotFolder, value);
    }

    /** The same settings with clips and snapshots in other folders. */
    public WatchSettings withFolders(Path clips, Path snapshots) {
        return new WatchSettings(classes, confirmFrames, preRollMillis, postRollMillis, clips, eventLog, snapshots,
                gate);
    }
}
