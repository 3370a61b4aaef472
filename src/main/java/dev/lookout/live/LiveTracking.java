package dev.lookout.live;

import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.Detection;
import dev.lookout.detect.DetectionResult;
import dev.lookout.overlay.DetectionPainter;
import dev.lookout.overlay.OverlayPainter;
import dev.lookout.track.Candidates;
import dev.lookout.track.TrackOverlay;
import dev.lookout.track.TrackerConfig;
import dev.lookout.track.TrackingSession;
import dev.lookout.track.Tracks;
import dev.lookout.track.zones.CountEvent;
import dev.lookout.track.zones.RegionTotals;
import dev.lookout.track.zones.Regions;
import java.awt.Graphics2D;
import java.time.Instant;
import java.util.List;

/**
 * Tracking in the live pipeline: a {@link TrackingSession} (ByteTrack, the counting lines and zones, the overlay with
 * ids and trails) fed by the pipeline's detection thread with each newly detected frame. While it is on, the
 * detector is asked for the tracker's candidates ({@link Candidates}) and the pipeline reports the confirmed tracks'
 * boxes instead of the detector's. A new source, a file that loops (its time goes back) or switching tracking off
 * ends the session (its tracks end); the next frame starts a new one.
 *
 * <p>{@link #setEnabled} and {@link #setRegions} may be called from any thread: they take effect at the next frame.
 * {@link #totals()} and {@link #painter()} are read from any thread. Everything else runs on the detection thread.
 */
public final class LiveTracking {

    /** Trails cover the last two seconds. */
    static final double TRAIL_SECONDS = 2;

    /** Hears each tracked frame and the end of each session, on the detection thread (a watch's object events). */
    public interface Observer {
        /** One tracked frame: its tracks and the count changes it made. */
        void tracked(Tracks tracks, List<CountEvent> counts);

        /** The session ended at {@code seconds} (new source, loop, tracking off): its objects are gone. */
        void sessionEnded(double seconds);
    }

    private final TrackerConfig config;
    private final DetectionPainter plain = new DetectionPainter();
    private volatile boolean enabled;
    private volatile Regions regions = Regions.NONE;
    private volatile boolean regionsChanged;
    private volatile TrackOverlay overlay;
    private volatile RegionTotals totals = RegionTotals.NONE;
    private volatile Observer observer;

    // detection thread
    private TrackingSession session;
    private long sessionEpoch = -1;
    private double lastTime;
    private int width;
    private int height;

    /** Tracking with {@code config}'s thresholds, off until {@link #setEnabled}. */
    public LiveTracking(TrackerConfig config) {
        this.config = config;
    }

    /** Turns tracking on or off (from the next detected frame). */
    public void setEnabled(boolean value) {
        enabled = value;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Counts these lines and zones from the next frame on; unchanged ones keep their counts. */
    public void setRegions(Regions value) {
        regions = value;
        regionsChanged = true;
    }

    /** The lines and zones counted. */
    public Regions regions() {
        return regions;
    }

    /** Who hears the tracked frames (the watch), or null. */
    public void setObserver(Observer value) {
        observer = value;
    }

    /** The counts after the last tracked frame ({@link RegionTotals#NONE} while not tracking). */
    public RegionTotals totals() {
        return totals;
    }

    /** The overlay's painter: ids, trails, lines and zones while tracking; plain boxes otherwise. */
    public OverlayPainter painter() {
        return new OverlayPainter() {
            @Override
            public void paint(Graphics2D g, List<Detection> detections, int frameWidth, int frameHeight) {
                TrackOverlay o = overlay;
                (o != null ? o : plain).paint(g, detections, frameWidth, frameHeight);
            }
        };
    }

    /** What to ask the detector: the tracker's candidates while tracking, else {@code user}'s options. */
    DetectOptions query(DetectOptions user) {
        if (!enabled) {
            endSession();
            return user;
        }
        return Candidates.options(user);
    }

    /**
     * Tracks one newly detected frame and returns its confirmed tracks' boxes (in the candidates' order), or
     * {@code raw} unchanged while tracking is off.
     *
     * @param sourceEpoch changes when another source starts (the pipeline's first sequence number of the source)
     * @param seconds the frame's media time
     */
    DetectionResult track(long sourceEpoch, double seconds, DetectionResult raw) {
        if (!enabled) {
            endSession();
            return raw;
        }
        if (session != null && (sourceEpoch != sessionEpoch || seconds < lastTime)) {
            endSession();
        }
        if (session == null) {
            Regions r = regions;
            regionsChanged = false;
            session = new TrackingSession(config, r.lines(), r.zones(), null, Instant.now(), null, TRAIL_SECONDS);
            sessionEpoch = sourceEpoch;
            overlay = session.overlay();
        } else if (regionsChanged) {
            regionsChanged = false;
            Regions r = regions;
            session.setRegions(r.lines(), r.zones());
        }
        lastTime = seconds;
        width = raw.width();
        height = raw.height();
        TrackingSession.Step step = session.frame(seconds, raw.detections(), width, height);
        totals = RegionTotals.of(session.regions());
        Observer o = observer;
        if (o != null) {
            o.tracked(step.tracks(), step.counts());
        }
        return new DetectionResult(TrackingSession.detections(step.tracks()), width, height, raw.timings());
    }

    /** Ends the session (detection thread); also when the pipeline closes. */
    void endSession() {
        if (session == null) {
            return;
        }
        session.finish(width, height);
        session = null;
        overlay = null;
        totals = RegionTotals.NONE;
        Observer o = observer;
        if (o != null) {
            o.sessionEnded(lastTime);
        }
    }
}
