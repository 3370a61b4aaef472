package dev.lookout.live;

import dev.lookout.detect.Detection;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import dev.lookout.record.EventListener;
import dev.lookout.record.EventMonitor;
import dev.lookout.record.MonitorEvent;
import dev.lookout.record.SnapshotWriter;
import dev.lookout.track.Track;
import dev.lookout.track.Tracks;
import dev.lookout.track.events.EventRules;
import dev.lookout.track.events.TrackEvents;
import dev.lookout.track.zones.CountEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The window's watch mode, one event per object: the track package's {@link TrackEvents} turn the tracked frames
 * ({@link LiveTracking.Observer}, detection thread) into {@code new}/{@code update}/{@code end} changes appended to
 * the event log; the record package's {@link EventMonitor} ({@link LiveMonitor}'s frame tap, capture thread) records
 * the clips, fed with the boxes of the objects that have an open event. So a clip starts (with its pre-roll) when
 * the first watched object's event opens and ends a post-roll after the last one is out of sight: overlapping
 * objects on one source share one clip. Each object event names the clip that covers it once that clip is open.
 *
 * <p>An event opens when a watched track is established ({@link WatchSettings#gate()}, by default 1 s since its
 * first sighting, 3 detections, median score 0.5) and not stationary — with {@code required} zones or
 * lines, only once it enters one of them or crosses one — and ends when the tracker gives the track up, when the session
 * ends (new source, loop, tracking off) or when the watch stops.
 */
public final class ObjectWatch implements FrameTap, LiveTracking.Observer {

    private final EventRules rules;
    private final LiveMonitor clips;
    private final EventLogFile log;
    private final Map<Long, Path> clipOf = new HashMap<>();
    private final Set<Long> openTracks = new HashSet<>();
    private volatile List<Detection> eventBoxes = List.of();
    // detection thread (and stop()), guarded by this
    private TrackEvents events;
    private double lastSeconds;
    private boolean stopped;

    /**
     * @param required zone or line names an object must enter or cross before its event opens (empty: none)
     * @param frameRate the source's measured rate, for the clips (0: the encoder's default)
     * @param source the source's description, for the clips and snapshots
     * @param listener hears clips start and end, and problems, on the monitor's threads
     */
    public ObjectWatch(WatchSettings settings, Set<String> required, double frameRate, String source,
            EventListener listener) {
        this.rules = new EventRules("default", settings.classes(), required, settings.gate());
        EventMonitor monitor = EventMonitor.watching(settings.classes()).framesToConfirm(1)
                .preRollMillis(settings.preRollMillis()).postRollMillis(settings.postRollMillis())
                .clipFolder(settings.clipFolder()).eventLog(null)
                .snapshots(new SnapshotWriter(settings.snapshotFolder())).frameRate(frameRate).live(true)
                .source(source).listener(listener).build();
        this.clips = new LiveMonitor(monitor, latest -> eventBoxes, listener);
        this.log = new EventLogFile(settings.eventLog(), listener::monitorError);
    }

    @Override
    public void onFrame(dev.lookout.capture.Frame frame, LiveDetections latest) {
        clips.onFrame(frame, latest);
    }

    @Override
    public synchronized void tracked(Tracks tracks, List<CountEvent> counts) {
        if (stopped) {
            return;
        }
        if (events == null) {
            // The source's second 0 on the wall clock, so that event times are real times.
            Instant origin = Instant.now().minusNanos(Math.round(tracks.time() * 1e9));
            events = new TrackEvents(rules, origin, this::logged);
        }
        lastSeconds = tracks.time();
        events.update(tracks, counts);
        eventBoxes = tracks.active().stream().filter(t -> openTracks.contains(t.id())).map(Track::detection)
                .toList();
    }

    @Override
    public synchronized void sessionEnded(double seconds) {
        endAll(seconds);
    }

    private void endAll(double seconds) {
        if (events != null) {
            events.finish(List.of(), Math.max(seconds, lastSeconds));
            events = null;
        }
        eventBoxes = List.of();
    }

    /** The number of object events open now. */
    public synchronized int openEvents() {
        return openTracks.size();
    }

    /** Each change with the clip that covers it, to the log. */
    private void logged(EventChange change) {
        ObjectEvent a = change.after();
        long track = a.trackId();
        Path clip = a.clip() != null ? a.clip() : openClip();
        if (clip != null) {
            clipOf.putIfAbsent(track, clip);
        }
        clip = clipOf.get(track);
        if (change.type() == EventType.NEW) {
            openTracks.add(track);
        } else if (change.type() == EventType.END) {
            openTracks.remove(track);
            clipOf.remove(track);
        }
        ObjectEvent with = clip == null || clip.equals(a.clip()) ? a : new ObjectEvent(a.id(), a.camera(), track,
                a.className(), a.start(), a.end(), a.score(), a.topScore(), a.box(), a.zones(), a.lines(),
                a.stationary(), a.snapshot(), clip);
        log.onEvent(new EventChange(change.type(), change.before(), with));
    }

    /** The clip being recorded, or null (it opens at the first frame after an object's event opens). */
    private Path openClip() {
        EventMonitor m = clips.monitor();
        List<MonitorEvent> recent = m == null ? List.of() : m.recentEvents();
        MonitorEvent last = recent.isEmpty() ? null : recent.get(recent.size() - 1);
        return last != null && !last.isOver() ? last.clip() : null;
    }

    /**
     * Ends the open object events, stops feeding the clips and finishes them (and the log) in the background.
     *
     * @return completes once the clip and the log are written
     */
    public CompletableFuture<Void> stop() {
        synchronized (this) {
            stopped = true;
            endAll(lastSeconds);
        }
        return clips.stop().whenComplete((ok, e) -> log.close());
    }
}
