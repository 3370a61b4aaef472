package dev.lookout.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one camera sees right now, as the pipeline publishes it after each detection (or whenever it changes): the
 * number of objects per class, the same per zone, and the running in/out totals per counting line. Classes absent
 * from a snapshot count 0.
 *
 * @param camera the camera's name (never a URL)
 * @param classes objects per class in the whole frame, e.g. {@code person -> 2}
 * @param zones per zone name, objects per class inside it
 * @param lines per line name, its crossings since the start of the run
 */
public record CameraCounts(String camera, Map<String, Integer> classes, Map<String, Map<String, Integer>> zones,
        Map<String, LineTotals> lines) {

    /** Crossings of one counting line. */
    public record LineTotals(long in, long out) {
        public LineTotals {
            if (in < 0 || out < 0) {
                throw new IllegalArgumentException("line totals cannot be negative: in " + in + ", out " + out);
            }
        }
    }

    public CameraCounts {
        Objects.requireNonNull(camera, "camera");
        classes = Map.copyOf(classes == null ? Map.of() : classes);
        Map<String, Map<String, Integer>> zoneCopy = new LinkedHashMap<>();
        (zones == null ? Map.<String, Map<String, Integer>>of() : zones)
                .forEach((zone, counts) -> zoneCopy.put(zone, Map.copyOf(counts)));
        zones = Map.copyOf(zoneCopy);
        lines = Map.copyOf(lines == null ? Map.of() : lines);
    }

    /** Counts per class only (no zones, no lines). */
    public static CameraCounts ofClasses(String camera, Map<String, Integer> classes) {
        return new CameraCounts(camera, classes, Map.of(), Map.of());
    }
}
