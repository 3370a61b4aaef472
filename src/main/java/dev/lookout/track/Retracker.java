package dev.lookout.track;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.detect.Detection;
import dev.lookout.track.metrics.MotBox;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Re-tracks a detections file (as {@code detect} writes it for videos): each line's detections are taken as given,
 * whatever their score, and tracked with a fresh tracker per {@code source}. Time comes from each line's {@code t},
 * or from {@code frame / fps} when a line has none. A malformed line or a frame out of order is reported (naming
 * its line and field) and skipped; the rest is still tracked.
 */
public final class Retracker {

    /**
     * A tracked line.
     *
     * @param line the input line with {@code "id"} and {@code "stationary"} on each tracked detection
     * @param source the line's source
     * @param motFrame the MOTChallenge frame number (the line's {@code frame} + 1, or its 1-based position)
     * @param tracks the tracks seen in it
     */
    public record Tracked(ObjectNode line, String source, int motFrame, List<Track> tracks) {

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
    private final Consumer<String> problems;
    private int problemCount;

    /**
     * @param fps frames per second for lines without {@code t}, or null (such lines are then errors)
     * @param problems told about each bad line (one line of text, naming line and field)
     */
    public Retracker(TrackerConfig config, Double fps, Consumer<String> problems) {
        this.config = config;
        this.fps = fps;
        this.problems = problems;
    }

    /** Reads every line of {@code in} and hands each tracked line to {@code out}, in order. */
    public void run(BufferedReader in, Consumer<Tracked> out) throws IOException {
        Tracker tracker = null;
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
            if (tracker == null || !line.source().equals(source)) {
                tracker = new ByteTracker(config);
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
            Tracks tracks = tracker.update(time, line.detections());
            ObjectNode node = line.node();
            var array = (com.fasterxml.jackson.databind.node.ArrayNode) node.get("detections");
            for (Track t : tracks.active()) {
                ObjectNode d = (ObjectNode) array.get(t.detectionIndex());
                d.put("id", t.id());
                d.put("stationary", t.stationary());
            }
            int motFrame = (int) (line.frame() >= 0 ? line.frame() + 1 : position);
            out.accept(new Tracked(node, source, motFrame, tracks.active()));
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
