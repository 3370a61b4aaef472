package dev.lookout.track.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.detect.Detection;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.track.ByteTracker;
import dev.lookout.track.Track;
import dev.lookout.track.TrackerConfig;
import dev.lookout.track.Tracks;
import dev.lookout.track.zones.CountingLine;
import dev.lookout.track.zones.RegionCounter;
import dev.lookout.track.zones.Zone;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackEventsTest {

    private static final Instant ORIGIN = Instant.parse("2026-12-01T10:15:00Z");

    private final List<EventChange> changes = new ArrayList<>();

    /**
     * 6 s at 10 fps: a person walks right across x = 700 (at 2.4 s, after its event opened) and leaves; a car stands
     * still the whole time (stationary after 2 s).
     */
    private void run(EventRules rules, boolean withCar) {
        ByteTracker tracker = new ByteTracker(TrackerConfig.DEFAULTS.withStationarySeconds(2));
        RegionCounter counter = new RegionCounter(List.of(new CountingLine("gate", 700, 0, 700, 720, false)),
                List.of(new Zone("yard", new double[] {500, 900, 900, 500}, new double[] {0, 0, 720, 720}, false)));
        TrackEvents events = new TrackEvents(rules, ORIGIN, changes::add);
        double t = 0;
        for (int f = 0; f < 60; f++) {
            t = f / 10.0;
            List<Detection> detections = new ArrayList<>();
            if (withCar) {
                detections.add(new Detection(100, 500, 200, 100, "car", 0.8));
            }
            if (f < 30) {
                detections.add(new Detection(200 + 20 * f, 200, 40, 100, "person", 0.6 + 0.01 * Math.min(f, 20)));
            }
            Tracks tracks = tracker.update(t, detections);
            events.update(tracks, counter.update(tracks, 1280, 720));
        }
        events.finish(tracker.finish(), t);
    }

    @Test
    void oneEventPerObjectFromNewToEnd() {
        run(new EventRules("gate", Set.of("person"), Set.of()), true);
        assertEquals(EventType.NEW, changes.get(0).type());
        assertNull(changes.get(0).before());
        EventChange last = changes.get(changes.size() - 1);
        assertEquals(EventType.END, last.type());
        assertTrue(changes.stream().allMatch(c -> c.after().className().equals("person")));
        assertTrue(changes.stream().allMatch(c -> c.after().id().equals("gate-20261201T101500-" + c.after().trackId())));
        assertEquals(1, changes.stream().filter(c -> c.type() == EventType.NEW).count());
        assertEquals(List.of("gate:out"), last.after().lines()); // rightwards across a line drawn downwards
        assertEquals(List.of("yard"), last.after().zones());
        assertEquals(0.8, last.after().topScore(), 1e-9);
        // the person was last seen at 2.9 s, and the tracker gave it up one second later
        assertEquals(ORIGIN.plusMillis(2900), last.after().end());
        assertTrue(changes.stream().anyMatch(c -> c.type() == EventType.UPDATE
                && c.after().lines().size() > c.before().lines().size()), "an update for the line crossing");
    }

    @Test
    void aStationaryTrackOpensNoEventUntilItMoves() {
        TrackEvents events = new TrackEvents(new EventRules("default", Set.of(), Set.of()), ORIGIN, changes::add);
        Detection parked = new Detection(100, 500, 200, 100, "car", 0.8);
        for (int f = 0; f < 5; f++) {
            events.update(new Tracks(f, List.of(new Track(3, parked, 0, true, 0, parked)), List.of()), List.of());
        }
        assertTrue(changes.isEmpty());
        events.update(new Tracks(5, List.of(new Track(3, parked, 0, false, 0, parked)), List.of()), List.of());
        assertEquals(List.of(EventType.NEW), changes.stream().map(EventChange::type).toList());
        // once open, becoming stationary is an update, not an end
        events.update(new Tracks(6, List.of(new Track(3, parked, 0, true, 0, parked)), List.of()), List.of());
        assertEquals(EventType.UPDATE, changes.get(1).type());
        assertTrue(changes.get(1).after().stationary());
        events.finish(List.of(), 7);
        assertEquals(EventType.END, changes.get(2).type());
        assertEquals(ORIGIN.plusSeconds(7), changes.get(2).after().end());
    }

    @Test
    void aCarThatStopsGetsAnUpdateNotASecondEvent() {
        run(new EventRules("default", Set.of("car"), Set.of()), true);
        assertEquals(1, changes.stream().filter(c -> c.type() == EventType.NEW).count());
        assertTrue(changes.stream().anyMatch(c -> c.type() == EventType.UPDATE && c.after().stationary()),
                "an update when it became stationary");
    }

    @Test
    void requiredZoneDelaysTheEventUntilEntered() {
        run(new EventRules("default", Set.of(), Set.of("yard")), true);
        assertEquals(1, changes.stream().filter(c -> c.type() == EventType.NEW).count());
        EventChange first = changes.get(0);
        assertEquals("person", first.after().className()); // the car never enters the yard
        assertEquals(List.of("yard"), first.after().zones());
        // the person's foot (x + 20) enters the yard (x > 500 + margin) at frame 15
        assertEquals(ORIGIN.plusMillis(1500), first.after().start());
    }
}
