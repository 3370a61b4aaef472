package dev.lookout.cli;

import dev.lookout.detect.ClassNames;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code --watch} and its debounce and clip options, shared by {@code detect} and {@code live}. */
final class WatchOptions {

    @Option(names = "--watch", paramLabel = "A,B", description = "record a clip only while one of these classes is "
            + "present: one clip per appearance, with pre- and post-roll, logged in the events file")
    String watch;

    @Option(names = "--confirm", paramLabel = "N", defaultValue = "3",
            description = "--watch/--snapshot-on: present after N consecutive frames (default ${DEFAULT-VALUE})")
    int confirm;

    @Option(names = "--pre-roll", paramLabel = "S", defaultValue = "3",
            description = "--watch: seconds kept before the appearance (default ${DEFAULT-VALUE})")
    double preRoll;

    @Option(names = "--post-roll", paramLabel = "S", defaultValue = "5",
            description = "--watch/--snapshot-on: seconds without a sighting that end it (default ${DEFAULT-VALUE})")
    double postRoll;

    @Option(names = "--record-dir", paramLabel = "DIR", defaultValue = "recordings",
            description = "where recordings and event clips go (default ${DEFAULT-VALUE})")
    @Writes(dev.lookout.OutputPaths.Kind.FOLDER)
    Path recordDir;

    @Option(names = "--events", paramLabel = "FILE", defaultValue = "events.jsonl",
            description = "--watch: the JSON-lines event log (default ${DEFAULT-VALUE})")
    @Writes
    Path events;

    /** The watched classes (lower case), empty without {@code --watch}. */
    Set<String> watched() throws UsageException {
        return classList("--watch", watch);
    }

    /** {@code --confirm}, checked. */
    int confirmFrames() throws UsageException {
        if (confirm < 1) {
            throw new UsageException("--confirm must be 1 or more frames, not " + confirm);
        }
        return confirm;
    }

    /** {@code --pre-roll} in milliseconds, checked. */
    long preRollMillis() throws UsageException {
        return millis("--pre-roll", preRoll);
    }

    /** {@code --post-roll} in milliseconds, checked. */
    long postRollMillis() throws UsageException {
        return millis("--post-roll", postRoll);
    }

    /** A class-list option's classes; given but empty is a usage error. */
    static Set<String> classList(String option, String value) throws UsageException {
        if (value == null) {
            return Set.of();
        }
        Set<String> classes = ClassNames.parse(value);
        if (classes.isEmpty()) {
            throw new UsageException(option + " needs class names, e.g. " + option + " person,car");
        }
        return classes;
    }

    private static long millis(String option, double seconds) throws UsageException {
        if (!(seconds >= 0) || seconds > 3600) {
            throw new UsageException(option + " must be between 0 and 3600 seconds, not " + seconds);
        }
        return Math.round(seconds * 1000);
    }
}
