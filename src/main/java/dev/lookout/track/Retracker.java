package dev.lookout.track;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.detect.Detection;
import dev.lookout.track.metrics.MotBox;
import dev.lookout.track.zones.CountEvent;
import dev.lookout.track.zones.CountingLine;
import dev.lookout.track.zones.Zone;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Re-tracks a detections file (as {@code detect} writes it for videos): each line's detections are taken as given,
 * whatever their score, and tracked with a fresh tracker per {@code source}. Time comes from each line's {@code t},
 * or from {@code frame / fps} when a line has none. A malformed line or a frame out of order is reported (naming
 * its line and field) and skipped; the rest is still tracked.
 *
 * <p>Counting lines and zones are counted as {@code detect --track} counts them (one {@link TrackingSession} per
 * source). Lines and zones in fractions of the frame take the frame size from the first line's {@code "width"}
 * and {@code "height"} (which {@code detect} writes); a line without them is then reported and skipped.
 */
public final class Retracker {

    /**
     * A tracked line.
     *
     * @param line the input line with {@code "id"} and {@code "stationary"} on each tracked detection
     * @param source the line's source
     * @param motFrame the MOTChallenge frame number (the line's {@code frame} + 1, or its 1-based position)
     * @param tracks the tracks seen in it
     * @param counts the count changes it made, in order
     */
    public record Tracked(ObjectNode line, String source, int motFrame, List<Track> tracks, List<CountEvent> counts) {

        /** The tracks as MOTChallenge rows. */
        public List<MotBox> motRows() {
            List<MotBox> rows = new ArrayList<>();
            for (Track t : tracks) {
                Detection d = t.detection();
                rows.add(new MotBox(motFrame, t.id(), d.x(), d.y(), d.width(), d.height(), d.score()));
            }
            return rows;
        }
    }

    private final TrackerConfig config;
    private final Double fps;
    private final List<CountingLine> lines;
    private final List<Zone> zones;
    private final boolean needsSize;
    private final Consumer<String> problems;
    private int problemCount;

    /**
     * @param fps frames per second for lines without {@code t}, or null (such lines are then errors)
     * @param problems told about each bad line (one line of text, naming line and field)
     */
    public Retracker(TrackerConfig config, Double fps, Consumer<String> problems) {
        this(config, fps, List.of(), List.of(), problems);
    }

    /** A re-tracker that also counts {@code lines} and {@code zones}. */
    public Retracker(TrackerConfig config, Double fps, List<CountingLine> lines, List<Zone> zones,
            Consumer<String> problems) {
        this.config = config;
        this.fps = fps;
        this.lines = List.copyOf(lines);
        this.zones = List.copyOf(zones);
        this.needsSize = this.lines.stream().anyMatch(CountingLine::fractions)
                || this.zones.stream().anyMatch(Zone::fractions);
        this.problems = problems;
    }

    /** Reads every line of {@code in} and hands each tracked line to {@code out}, in order. */
    public void run(BufferedReader in, Consumer<Tracked> out) throws IOException {
        run(in, out, (source, counts) -> { });
    }

    /**
     * Reads every line of {@code in} and hands each tracked line to {@code out}, in order; at the end of each
     * source, {@code ended} gets the source and the count changes its end made (zones left by the tracks still
     * alive).
     */
    public void run(BufferedReader in, Consumer<Tracked> out, BiConsumer<String, List<CountEvent>> ended)
            throws IOException {
        TrackingSession tracker = null;
        int[] size = {0, 0};
        String source = null;
        double lastTime = Double.NEGATIVE_INFINITY;
        long position = 0;
        long number = 0;
        String text;
        while ((text = in.readLine()) != null) {
            number++;
            DetectionLine line;
            try {
                line = DetectionLine.parse(text, number);
            } catch (DetectionLine.Malformed e) {
                problem(e.getMessage());
                continue;
            }
            if (line == null) {
                continue;
            }
            int width = line.node().path("width").asInt(0);
            int height = line.node().path("height").asInt(0);
            if (needsSize && (width <= 0 || height <= 0)) {
                problem("line " + number + ": no field 'width' and 'height' (the frame size in pixels), which "
                        + "--line and --zone in fractions of the frame need; give them in pixels, or add the "
                        + "fields; line skipped");
                continue;
            }
            if (tracker == null || !line.source().equals(source)) {
                if (tracker != null) {
                    ended.accept(source, tracker.finish(size[0], size[1]));
                }
                tracker = new TrackingSession(config, lines, zones, null, Instant.EPOCH, change -> { }, 0);
                source = line.source();
                lastTime = Double.NEGATIVE_INFINITY;
                position = 0;
            }
            position++;
            double time = line.time();
            if (Double.isNaN(time)) {
                if (fps == null) {
                    problem("line " + number + ": no field 't' (the frame's time); give --fps for files without it");
                    continue;
                }
                time = (line.frame() >= 0 ? line.frame() : position - 1) / fps;
            }
            if (time < lastTime) {
                problem("line " + number + ": field 't' is " + time + " s, before the previous frame's " + lastTime
                        + " s (frames out of order); line skipped");
                continue;
            }
            lastTime = time;
            size[0] = width;
            size[1] = height;
            TrackingSession.Step step = tracker.frame(time, line.detections(), width, height);
            Tracks tracks = step.tracks();
            ObjectNode node = line.node();
            var array = (com.fasterxml.jackson.databind.node.ArrayNode) node.get("detections");
            for (Track t : tracks.active()) {
                ObjectNode d = (ObjectNode) array.get(t.detectionIndex());
                d.put("id", t.id());
                d.put("stationary", t.stationary());
            }
            int motFrame = (int) (line.frame() >= 0 ? line.frame() + 1 : position);
            out.accept(new Tracked(node, source, motFrame, tracks.active(), step.counts()));
        }
        if (tracker != null) {
            ended.accept(source, tracker.finish(size[0], size[1]));
        }
    }

    /** How many lines were reported and skipped. */
    public int problems() {
        return problemCount;
    }

    private void problem(String message) {
        problemCount++;
        problems.accept(message);
    }
}
