package dev.lookout.track;

import dev.lookout.detect.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ByteTrack (Zhang et al., 2022, as Ultralytics ships it), per class, in continuous time. Each frame:
 * <ol>
 * <li>confirmed tracks, tracked and recently lost, are predicted to the frame's time and paired with the
 * detections scoring at least {@code highScore}, at least cost {@code 1 − IoU·score} ≤ {@code matchThreshold}
 * (with a reach for frames further apart than a tenth of a second, see {@link #reachCosts});
 * <li>the confirmed tracks still tracked and unpaired are paired with the low-score detections on IoU alone
 * (cost ≤ 0.5); those left unpaired become lost;
 * <li>tentative tracks (seen once) are paired with the high-score detections left (cost ≤ 0.7) and are confirmed
 * by that second sighting, or dropped;
 * <li>high-score detections left over start tentative tracks if they score at least {@code newTrackScore};
 * <li>lost tracks not seen for {@code lostSeconds} are removed.
 * </ol>
 * Every pairing is an optimal assignment ({@link Assignment}), and a track never takes a box of another class.
 * On the very first frame new tracks are confirmed at once, as in ByteTrack.
 */
public final class ByteTracker implements Tracker {

    private static final double LOW_MATCH = 0.5;
    private static final double TENTATIVE_MATCH = 0.7;
    /** Time between frames (10 fps) up to which pairing is on IoU alone, as in ByteTrack. */
    private static final double STEADY_GAP = 0.1 + 1e-6;
    /** How far an object may move between frames, in box heights per second beyond {@link #STEADY_GAP}. */
    private static final double REACH = 1.0;
    /** Cost of a pair of different classes: above every threshold. */
    private static final double IMPOSSIBLE = 2;

    private final TrackerConfig config;
    private final List<TrackState> tracks = new ArrayList<>();
    private long nextId = 1;
    private double lastTime = Double.NEGATIVE_INFINITY;
    private boolean firstFrame = true;

    /** A tracker with ByteTrack's defaults. */
    public ByteTracker() {
        this(TrackerConfig.DEFAULTS);
    }

    public ByteTracker(TrackerConfig config) {
        this.config = config;
    }

    @Override
    public Tracks update(double time, List<Detection> detections) {
        if (!Double.isFinite(time)) {
            throw new IllegalArgumentException("the frame time must be a finite number of seconds, not " + time);
        }
        if (time < lastTime) {
            throw new IllegalArgumentException("frame time " + time + " s is before the previous frame's "
                    + lastTime + " s");
        }
        double interval = Double.isInfinite(lastTime) ? 0 : time - lastTime;
        lastTime = time;
        List<Integer> high = new ArrayList<>();
        List<Integer> low = new ArrayList<>();
        for (int i = 0; i < detections.size(); i++) {
            double s = detections.get(i).score();
            if (s >= config.highScore()) {
                high.add(i);
            } else if (s > config.lowScore()) {
                low.add(i);
            }
        }
        List<TrackState> pool = new ArrayList<>();
        List<TrackState> tentative = new ArrayList<>();
        for (TrackState t : tracks) {
            t.predictTo(time);
            (t.confirmed() ? pool : tentative).add(t);
        }

        // 1. confirmed (tracked and lost) with high-score detections, IoU fused with score
        int[] first = Assignment.solve(reachCosts(pool, detections, high, interval), config.matchThreshold());
        boolean[] highUsed = new boolean[high.size()];
        List<TrackState> remaining = new ArrayList<>();
        for (int r = 0; r < pool.size(); r++) {
            if (first[r] >= 0) {
                int index = high.get(first[r]);
                highUsed[first[r]] = true;
                pool.get(r).take(detections.get(index), index, time, config);
            } else if (pool.get(r).status == TrackState.Status.TRACKED) {
                remaining.add(pool.get(r));
            }
        }
        // 2. still-tracked with low-score detections, IoU only
        int[] second = Assignment.solve(costs(remaining, detections, low, false), LOW_MATCH);
        for (int r = 0; r < remaining.size(); r++) {
            TrackState t = remaining.get(r);
            if (second[r] >= 0) {
                int index = low.get(second[r]);
                t.take(detections.get(index), index, time, config);
            } else {
                t.status = TrackState.Status.LOST;
            }
        }
        // 3. tentative tracks with the high-score detections left
        List<Integer> highLeft = new ArrayList<>();
        for (int k = 0; k < high.size(); k++) {
            if (!highUsed[k]) {
                highLeft.add(high.get(k));
            }
        }
        int[] third = Assignment.solve(reachCosts(tentative, detections, highLeft, interval), TENTATIVE_MATCH);
        boolean[] leftUsed = new boolean[highLeft.size()];
        for (int r = 0; r < tentative.size(); r++) {
            TrackState t = tentative.get(r);
            if (third[r] >= 0) {
                int index = highLeft.get(third[r]);
                leftUsed[third[r]] = true;
                t.take(detections.get(index), index, time, config);
                t.id = nextId++;
            } else {
                t.status = TrackState.Status.REMOVED;
            }
        }
        // 4. new tracks
        for (int k = 0; k < highLeft.size(); k++) {
            int index = highLeft.get(k);
            if (!leftUsed[k] && detections.get(index).score() >= config.newTrackScore()) {
                TrackState t = new TrackState(detections.get(index), index, time);
                if (firstFrame) {
                    t.id = nextId++;
                }
                tracks.add(t);
            }
        }
        firstFrame = false;
        // 5. lost too long
        List<EndedTrack> ended = new ArrayList<>();
        for (TrackState t : tracks) {
            if (t.status == TrackState.Status.LOST && time - t.lastSeen > config.lostSeconds()) {
                t.status = TrackState.Status.REMOVED;
                ended.add(new EndedTrack(t.id, t.className, t.lastSeen));
            }
        }
        removeDuplicates(ended);
        tracks.removeIf(t -> t.status == TrackState.Status.REMOVED);

        List<Track> active = new ArrayList<>();
        for (TrackState t : tracks) {
            if (t.confirmed() && t.status == TrackState.Status.TRACKED && t.lastSeen == time) {
                active.add(t.report());
            }
        }
        active.sort(Comparator.comparingInt(Track::detectionIndex));
        return new Tracks(time, active, ended);
    }

    /**
     * ByteTrack's clean-up: a lost track that overlaps a tracked one almost entirely (IoU above 0.85) is the same
     * object seen twice; the younger of the two goes.
     */
    private void removeDuplicates(List<EndedTrack> ended) {
        for (TrackState a : tracks) {
            if (a.status != TrackState.Status.TRACKED || !a.confirmed()) {
                continue;
            }
            for (TrackState b : tracks) {
                if (b.status != TrackState.Status.LOST || !a.className.equals(b.className)
                        || Boxes.iou(a.left(), a.top(), a.right(), a.bottom(),
                                b.left(), b.top(), b.right(), b.bottom()) <= 0.85) {
                    continue;
                }
                if (a.firstSeen < b.firstSeen) {
                    b.status = TrackState.Status.REMOVED;
                    ended.add(new EndedTrack(b.id, b.className, b.lastSeen));
                }
            }
        }
    }

    @Override
    public List<EndedTrack> finish() {
        List<EndedTrack> ended = new ArrayList<>();
        for (TrackState t : tracks) {
            if (t.confirmed()) {
                ended.add(new EndedTrack(t.id, t.className, t.lastSeen));
            }
        }
        tracks.clear();
        return ended;
    }

    /**
     * Costs of the high-score pairings: {@code 1 − IoU·score}, or — when this frame comes more than
     * {@link #STEADY_GAP} after the previous one (the detector skipped frames, or runs slowly) — the reach cost if
     * lower: {@code 1 − D·R·score}, where D is the part of the detection inside the track's predicted box widened on
     * every side by {@link #REACH} box heights per second of the interval beyond that gap, and R the ratio of the
     * smaller to the larger height. At a few detections a second a walking person moves more than its own width
     * between two detections, so its sightings do not overlap: IoU alone never confirmed its track (a tentative
     * track has no velocity yet) and lost it on a wrong velocity. The interval between frames, not the time since
     * the track was last seen, sets the reach: a track hidden for a while is re-found on IoU alone (a reach growing
     * with that time swapped identities in crowds). Measurements: docs/PERFORMANCE.md.
     */
    private static double[][] reachCosts(List<TrackState> rows, List<Detection> detections, List<Integer> cols,
            double interval) {
        double[][] cost = costs(rows, detections, cols, true);
        double gap = interval - STEADY_GAP;
        if (gap <= 0) {
            return cost;
        }
        for (int r = 0; r < rows.size(); r++) {
            TrackState t = rows.get(r);
            double height = t.filter.height();
            double reach = REACH * height * gap;
            for (int c = 0; c < cols.size(); c++) {
                Detection d = detections.get(cols.get(c));
                if (cost[r][c] >= IMPOSSIBLE || d.width() <= 0 || d.height() <= 0) {
                    continue;
                }
                double w = Math.max(0, Math.min(t.right() + reach, d.right()) - Math.max(t.left() - reach, d.x()));
                double h = Math.max(0, Math.min(t.bottom() + reach, d.bottom()) - Math.max(t.top() - reach, d.y()));
                double inside = w * h / (d.width() * d.height());
                double sizes = Math.min(height, d.height()) / Math.max(height, d.height());
                cost[r][c] = Math.min(cost[r][c], 1 - inside * sizes * d.score());
            }
        }
        return cost;
    }

    /** Costs {@code 1 − IoU} (times the score when {@code fuse}), {@link #IMPOSSIBLE} across classes. */
    private static double[][] costs(List<TrackState> rows, List<Detection> detections, List<Integer> cols,
            boolean fuse) {
        double[][] cost = new double[rows.size()][cols.size()];
        for (int r = 0; r < rows.size(); r++) {
            TrackState t = rows.get(r);
            for (int c = 0; c < cols.size(); c++) {
                Detection d = detections.get(cols.get(c));
                if (!d.className().equals(t.className)) {
                    cost[r][c] = IMPOSSIBLE;
                    continue;
                }
                double iou = Boxes.iou(t.left(), t.top(), t.right(), t.bottom(), d.x(), d.y(), d.right(), d.bottom());
                cost[r][c] = 1 - (fuse ? iou * d.score() : iou);
            }
        }
        return cost;
    }
}
