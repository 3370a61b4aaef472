package dev.lookout.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The monitor's maximum Java heap when the command line sets none: {@value #MEGABYTES_PER_CAMERA} MB per camera of
 * its configuration file, at least {@value #MINIMUM_MEGABYTES} MB.
 *
 * <p>Why per camera: the monitor keeps ~20-25 MB of live Java data per camera (four cameras: 93 MB after a full
 * collection, docs/PERFORMANCE.md), and without a bound G1 grows the heap towards a quarter of the machine's memory
 * whenever collections look slow. About three times the live data leaves G1 room without letting it swell. The file
 * is only counted here, never checked: a file that cannot be read gets the minimum, and the monitor itself reports
 * what is wrong with it.
 */
final class MonitorHeap {

    static final int MINIMUM_MEGABYTES = 256;
    static final int MEGABYTES_PER_CAMERA = 64;

    private MonitorHeap() {
    }

    /** The {@code -Xmx} option for {@code monitor}'s command line {@code args} (its {@code --config FILE}). */
    static String option(String[] args) {
        int cameras = configFile(args).map(MonitorHeap::cameras).orElse(0);
        return "-Xmx" + megabytes(cameras) + "m";
    }

    static int megabytes(int cameras) {
        return Math.max(MINIMUM_MEGABYTES, MEGABYTES_PER_CAMERA * cameras);
    }

    /** The value of {@code --config FILE} or {@code --config=FILE}, if given. */
    static Optional<Path> configFile(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Optional.of(Path.of(args[i + 1]));
            }
            if (args[i].startsWith("--config=")) {
                return Optional.of(Path.of(args[i].substring("--config=".length())));
            }
        }
        return Optional.empty();
    }

    /** How many cameras {@code file} lists under {@code cameras:}; 0 when it cannot be read as YAML. */
    static int cameras(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 1_000_000) {
                return 0;
            }
            JsonNode cameras = new ObjectMapper(new YAMLFactory()).readTree(file.toFile()).path("cameras");
            return cameras.isObject() ? cameras.size() : 0;
        } catch (IOException | RuntimeException e) { // malformed YAML, a folder, a race with a deletion
            return 0;
        }
    }
}
