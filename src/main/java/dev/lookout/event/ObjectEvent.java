package dev.lookout.event;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One watched object's event as it stands at one moment (immutable: each change gives a new value).
 *
 * @param id unique within the storage folder, e.g. {@code gate-20261201T101500-17}; stable for the event's life
 * @param camera the camera's name ({@code default} for a single unnamed source); never a URL
 * @param trackId the tracker's id of the object
 * @param className the COCO class, e.g. {@code person}
 * @param start when the track was confirmed (wall clock, or the source's media time mapped to the run's start)
 * @param end when the track was lost, or {@code null} while the event is open
 * @param score the latest detection score of the object
 * @param topScore the highest score seen so far
 * @param box the latest box {@code [x, y, width, height]} in the source frame's pixels (TF.js's bbox order)
 * @param zones names of the zones the object has been in, in order of first entry
 * @param lines crossings so far, each {@code "<line>:in"} or {@code "<line>:out"}, in order
 * @param stationary true while the object has barely moved for the configured time
 * @param snapshot the best snapshot written so far, or {@code null}
 * @param clip the clip covering the event, or {@code null} if none is (yet) written
 */
public record ObjectEvent(String id, String camera, long trackId, String className, Instant start, Instant end,
        double score, double topScore, double[] box, List<String> zones, List<String> lines, boolean stationary,
        Path snapshot, Path clip) {

    public ObjectEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(start, "start");
        box = box == null ? new double[4] : box.clone();
        if (box.length != 4) {
            throw new IllegalArgumentException("box must be [x, y, width, height], got " + box.length + " values");
        }
        zones = List.copyOf(zones == null ? List.of() : zones);
        lines = List.copyOf(lines == null ? List.of() : lines);
    }

    /** True once the object's track has been lost. */
    public boolean isOver() {
        return end != null;
    }

    /** A copy of the box, {@code [x, y, width, height]}. */
    @Override
    public double[] box() {
        return box.clone();
    }
}
