package dev.lookout.track.events;

import dev.lookout.detect.Detection;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import dev.lookout.track.DetectionLine;
import dev.lookout.track.Track;
import dev.lookout.track.TrackerConfig;
import dev.lookout.track.TrackingSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Replays a video's tracker candidates (as {@code detect --min-score 0.1 --iou 0.5 --max-boxes 100} writes them, or
 * as a test detects them) through a {@link TrackingSession} with object events, at a chosen detection rate (every
 * n-th frame), and sums up what came out: events, their durations, tracks and their lengths. What the monitor does
 * with a camera, minus the clock: the detection rate is what the scheduler gave it.
 */
public final class EventReplay {

    /** One detected frame. */
    public record Frame(double time, List<Detection> detections) {
    }

    /**
     * What a replay gave.
     *
     * @param events the ended events, in the order they ended
     * @param trackSeconds each confirmed track's span, first to last sighting, by id
     * @param boxes each confirmed track's boxes by frame index, by id
     */
    public record Result(List<ObjectEvent> events, Map<Long, double[]> trackSeconds,
            Map<Long, Map<Integer, Detection>> boxes) {

        /** Each event's duration in seconds. */
        public double[] durations() {
            return events.stream().mapToDouble(e -> Duration.between(e.start(), e.end()).toNanos() / 1e9)
                    .sorted().toArray();
        }

        public long shorterThan(double seconds) {
            return java.util.Arrays.stream(durations()).filter(d -> d < seconds).count();
        }

        public double medianDuration() {
            double[] d = durations();
            return d.length == 0 ? Double.NaN : d.length % 2 == 1 ? d[d.length / 2]
                    : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
        }

        /** Confirmed tracks lasting at least {@code seconds} from first to last sighting. */
        public List<double[]> tracksOfAtLeast(double seconds) {
            return trackSeconds.values().stream().filter(s -> s[1] - s[0] >= seconds).toList();
        }

        public String summary() {
            return String.format(Locale.ROOT, "%d events, %d under 1 s, median %.1f s; %d tracks, %d of 2 s or more",
                    events.size(), shorterThan(1), medianDuration(), trackSeconds.size(), tracksOfAtLeast(2).size());
        }
    }

    static final Instant ORIGIN = Instant.parse("2026-12-01T00:00:00Z");

    private EventReplay() {
    }

    /** Reads a detections file's frames (one source). */
    public static List<Frame> read(Path file) throws IOException, DetectionLine.Malformed {
        List<Frame> frames = new ArrayList<>();
        long number = 0;
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            DetectionLine line = DetectionLine.parse(text, ++number);
            if (line != null) {
                frames.add(new Frame(line.time(), line.detections()));
            }
        }
        return frames;
    }

    /** Tracks every {@code every}-th frame of {@code frames} and makes events by {@code rules}. */
    public static Result replay(List<Frame> frames, int every, TrackerConfig config, EventRules rules) {
        List<ObjectEvent> ended = new ArrayList<>();
        TrackingSession session = new TrackingSession(config, List.of(), List.of(), rules, ORIGIN, change -> {
            if (change.type() == EventType.END) {
                ended.add(change.after());
            }
        }, 0);
        Map<Long, double[]> spans = new LinkedHashMap<>();
        Map<Long, Map<Integer, Detection>> boxes = new LinkedHashMap<>();
        for (int i = 0; i < frames.size(); i += every) {
            Frame f = frames.get(i);
            for (Track t : session.frame(f.time(), f.detections(), 768, 576).tracks().active()) {
                spans.computeIfAbsent(t.id(), k -> new double[] {t.firstSeen(), t.firstSeen()})[1] = f.time();
                boxes.computeIfAbsent(t.id(), k -> new LinkedHashMap<>()).put(i, t.detection());
            }
        }
        session.finish(768, 576);
        return new Result(ended, spans, boxes);
    }

    /**
     * The tracks of {@code truth} (by id) that no event of {@code tested} covers: no event's track has a box
     * overlapping the truth track's box (IoU at least 0.5) in a frame both were seen in.
     */
    public static List<Long> missed(Result truth, List<Long> truthIds, Result tested) {
        List<Long> missed = new ArrayList<>();
        for (long id : truthIds) {
            Map<Integer, Detection> path = truth.boxes().get(id);
            boolean covered = tested.events().stream().map(e -> tested.boxes().get(e.trackId()))
                    .anyMatch(other -> other != null && path.entrySet().stream().anyMatch(f -> {
                        Detection o = other.get(f.getKey());
                        return o != null && iou(o, f.getValue()) >= 0.5;
                    }));
            if (!covered) {
                missed.add(id);
            }
        }
        return missed;
    }

    static double iou(Detection a, Detection b) {
        double w = Math.max(0, Math.min(a.right(), b.right()) - Math.max(a.x(), b.x()));
        double h = Math.max(0, Math.min(a.bottom(), b.bottom()) - Math.max(a.y(), b.y()));
        double i = w * h;
        return i / (a.width() * a.height() + b.width() * b.height() - i);
    }

    /** Prints the replay of each file at 10, 5, 3.3, 2 and 1 detections per second (of a 10 fps video). */
    public static void main(String[] args) throws Exception {
        boolean quick = Boolean.getBoolean("replay.quick");
        double[] ages = quick ? new double[] {0, 1} : new double[] {0, 0.5, 1, 1.5, 2};
        int[] hits = quick ? new int[] {1, 3} : new int[] {1, 3, 5};
        double[] thresholds = quick ? new double[] {0, 0.6} : new double[] {0, 0.5, 0.6, 0.7};
        for (String file : args) {
            List<Frame> frames = read(Path.of(file));
            Result truth = replay(frames, 1, TrackerConfig.DEFAULTS,
                    new EventRules("replay", Set.of("person"), Set.of(), EventGate.NONE));
            List<Long> real = truth.trackSeconds().entrySet().stream()
                    .filter(e -> e.getValue()[1] - e.getValue()[0] >= 3).map(Map.Entry::getKey).toList();
            System.out.println(Path.of(file).getFileName() + ": " + real.size() + " tracks of 3 s or more at full rate");
            for (int every : new int[] {1, 2, 3, 5, 10}) {
                for (double age : ages) {
                    for (int hit : hits) {
                        for (double threshold : thresholds) {
                            EventGate gate = new EventGate(age, hit, threshold);
                            Result r = replay(frames, every, TrackerConfig.DEFAULTS,
                                    new EventRules("replay", Set.of("person"), Set.of(), gate));
                            System.out.println(String.format(Locale.ROOT, "every %d age %.1f hits %d thr %.1f: %s; missed %s",
                                    every, age, hit, threshold, r.summary(), missed(truth, real, r)));
                        }
                    }
                }
            }
        }
    }

}
