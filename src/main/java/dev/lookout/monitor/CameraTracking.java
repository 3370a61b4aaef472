package dev.lookout.monitor;

import dev.lookout.config.CameraConfig;
import dev.lookout.detect.Detection;
import dev.lookout.detect.DetectionResult;
import dev.lookout.event.EventSink;
import dev.lookout.notify.CameraCounts;
import dev.lookout.store.StoredCount;
import dev.lookout.track.Track;
import dev.lookout.track.TrackOverlay;
import dev.lookout.track.TrackerConfig;
import dev.lookout.track.TrackingSession;
import dev.lookout.track.Tracks;
import dev.lookout.track.events.EventRules;
import dev.lookout.track.zones.CountEvent;
import dev.lookout.track.zones.LineCounter;
import dev.lookout.track.zones.Regions;
import dev.lookout.track.zones.Zone;
import dev.lookout.track.zones.ZoneCounter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One camera's tracking after detection: its object filters ({@link ObjectFilter}), ByteTrack, its counting lines and zones, object events to the camera's
 * sink, and what the camera shows (the overlay, the tracked boxes, the counts). {@link #update} runs on the
 * scheduler's thread; the published fields are immutable values read from any thread.
 */
final class CameraTracking {

    private final String camera;
    private final TrackingSession session;
    private final ObjectFilter filter;
    private double lastTime = -1;
    private int width;
    private int height;
    private volatile List<Detection> tracked = List.of();
    private volatile CameraCounts counts;
    private final AtomicReference<Regions> pendingRegions = new AtomicReference<>();
    private final Instant origin;
    private final Consumer<List<StoredCount>> counted;
    /** Stored line totals, added to the lines' counters once they exist (at the first frame); then empty. */
    private List<StoredCount> resumed;

    /** @param origin the wall-clock time of the camera's second 0 */
    CameraTracking(CameraConfig config, Instant origin, EventSink events) {
        this(config, origin, events, List.of(), counted -> { });
    }

    /**
     * @param origin the wall-clock time of the camera's second 0
     * @param resumed the stored all-time totals of the camera's lines: its counts go on from them
     * @param counted hears each frame's crossings and entries (scheduler thread; must return at once)
     */
    CameraTracking(CameraConfig config, Instant origin, EventSink events, List<StoredCount> resumed,
            Consumer<List<StoredCount>> counted) {
        this.origin = origin;
        this.resumed = List.copyOf(resumed);
        this.counted = counted;
        this.camera = config.name();
        Regions regions = CameraRegions.of(config);
        // No watch list means no events (docs/CONFIG.md), while EventRules reads an empty set as every class:
        // such a camera is tracked and counted by a session without rules.
        EventRules rules = config.watch().isEmpty() ? null
                : new EventRules(camera, new HashSet<>(config.watch()), new HashSet<>(config.requiredZones()),
                        config.events(), classThresholds(config));
        TrackerConfig tracker = TrackerConfig.DEFAULTS;
        this.session = new TrackingSession(tracker, regions.lines(), regions.zones(), rules, origin, events, 2);
        this.filter = new ObjectFilter(config.filters());
        this.counts = CameraCounts.ofClasses(camera, Map.of());
    }

    /** {@code filters.classes.<class>.threshold}: the classes' own event thresholds. */
    private static Map<String, Double> classThresholds(CameraConfig config) {
        Map<String, Double> out = new HashMap<>();
        config.filters().classes().forEach((name, limits) -> limits.threshold().ifPresent(t -> out.put(name, t)));
        return out;
    }

    /**
     * Counts these lines and zones from the next detected frame on (they were edited in a window); unchanged ones
     * keep their counts. Any thread.
     */
    void setRegions(Regions value) {
        pendingRegions.set(value);
    }

    /** True while edited lines and zones wait for the next detected frame (which should come soon). */
    boolean regionsPending() {
        return pendingRegions.get() != null;
    }

    /**
     * Tracks one detected frame taken at {@code seconds} since the camera's start (a frame older than the last
     * one tracked is tracked at the last one's time).
     */
    void update(double seconds, DetectionResult result) {
        Regions edited = pendingRegions.getAndSet(null);
        if (edited != null) {
            session.setRegions(edited.lines(), edited.zones());
        }
        double time = Math.max(seconds, lastTime);
        lastTime = time;
        width = result.width();
        height = result.height();
        // the filters come first: a dropped detection neither starts nor keeps a track
        TrackingSession.Step step = session.frame(time, filter.apply(result.detections(), width, height), width,
                height);
        if (!resumed.isEmpty()) {
            resume();
        }
        if (!step.counts().isEmpty()) {
            counted.accept(stored(step.counts()));
        }
        List<Track> shown = step.tracks().active();
        tracked = shown.stream().map(Track::detection).toList();
        counts = countsOf(shown);
    }

    private void resume() {
        for (StoredCount c : resumed) {
            if (!c.kind().equals(StoredCount.LINE)) {
                continue; // zones show who is inside now; their stored entries are history, not a live figure
            }
            for (LineCounter lc : session.regions().lines()) {
                if (lc.line().name().equals(c.name())) {
                    boolean in = c.direction().equals("in");
                    lc.resume(c.className(), in ? c.n() : 0, in ? 0 : c.n());
                }
            }
        }
        resumed = List.of();
    }

    /** Crossings and zone entries of one frame, for the store (exits are not counted). */
    private List<StoredCount> stored(List<CountEvent> counts) {
        List<StoredCount> out = new ArrayList<>();
        for (CountEvent c : counts) {
            if (c instanceof CountEvent.Crossing x) {
                out.add(new StoredCount(camera, StoredCount.LINE, x.line(), x.direction(), x.className(),
                        at(x.time()), 1));
            } else if (c instanceof CountEvent.ZoneChange z && z.entered()) {
                out.add(new StoredCount(camera, StoredCount.ZONE, z.zone(), "entered", z.className(), at(z.time()),
                        1));
            }
        }
        return out;
    }

    private Instant at(double seconds) {
        return origin.plusNanos(Math.round(seconds * 1e9));
    }

    /** Ends every live track (their events end); called once when the camera stops. */
    void finish() {
        if (width > 0) {
            session.finish(width, height);
        }
        tracked = List.of();
    }

    /** The boxes of the objects tracked in the last detected frame. */
    List<Detection> tracked() {
        return tracked;
    }

    /** True while objects are tracked: detection must go on even without motion, or they would be lost. */
    boolean hasLiveTracks() {
        return !tracked.isEmpty();
    }

    CameraCounts counts() {
        return counts;
    }

    TrackOverlay overlay() {
        return session.overlay();
    }

    private CameraCounts countsOf(List<Track> shown) {
        Map<String, Integer> classes = new TreeMap<>();
        shown.forEach(t -> classes.merge(t.className(), 1, Integer::sum));
        Map<String, Map<String, Integer>> zones = new LinkedHashMap<>();
        for (ZoneCounter zc : session.regions().zones()) {
            Zone z = zc.zone().inPixels(width, height);
            Map<String, Integer> inside = new TreeMap<>();
            shown.stream().filter(t -> z.contains(t.footX(), t.footY()))
                    .forEach(t -> inside.merge(t.className(), 1, Integer::sum));
            zones.put(z.name(), inside);
        }
        Map<String, CameraCounts.LineTotals> lines = new LinkedHashMap<>();
        for (LineCounter lc : session.regions().lines()) {
            long in = 0;
            long out = 0;
            for (String c : lc.classes()) {
                long[] io = lc.counts(c);
                in += io[0];
                out += io[1];
            }
            lines.put(lc.line().name(), new CameraCounts.LineTotals(in, out));
        }
        return new CameraCounts(camera, classes, zones, lines);
    }
}
