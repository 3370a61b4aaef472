package dev.lookout.track.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.detect.Detection;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.track.EndedTrack;
import dev.lookout.track.Track;
import dev.lookout.track.Tracks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule that a track must be established (age, detections, median score) before its event opens. */
class EventGateTest {

    private static final Instant ORIGIN = Instant.parse("2026-12-01T10:15:00Z");

    private final List<EventChange> changes = new ArrayList<>();
    private final TrackEvents events = new TrackEvents(new EventRules("gate", Set.of("person"), Set.of(),
            new EventGate(1, 3, 0.5)), ORIGIN, changes::add);

    /** Track 7 seen at {@code time} with {@code score}; first seen at {@code firstSeen} with {@code firstScore}. */
    private void seen(double time, double score, double firstSeen, double firstScore) {
        Detection now = new Detection(100 + 10 * time, 200, 40, 100, "person", score);
        Detection first = new Detection(100 + 10 * firstSeen, 200, 40, 100, "person", firstScore);
        events.update(new Tracks(time, List.of(new Track(7, now, 0, false, firstSeen, first)), List.of()), List.of());
    }

    private List<EventType> types() {
        return changes.stream().map(EventChange::type).toList();
    }

    @Test
    void theRuleNeedsAgeDetectionsAndMedianScore() {
        EventGate gate = new EventGate(1, 3, 0.5);
        assertTrue(gate.passes(2, 3, 3, new double[] {0.4, 0.6, 0.7}));
        assertFalse(gate.passes(2, 2.9, 30, new double[] {0.9, 0.9, 0.9}), "younger than 1 s");
        assertFalse(gate.passes(0, 5, 2, new double[] {0.9, 0.9}), "two detections");
        assertFalse(gate.passes(0, 5, 3, new double[] {0.9, 0.3, 0.4}), "median 0.4");
        assertTrue(gate.passes(0, 5, 4, new double[] {0.9, 0.3, 0.5, 0.6}), "median 0.55");
        assertEquals(0.55, EventGate.median(new double[] {0.9, 0.3, 0.5, 0.6}), 1e-12);
        assertEquals(0, EventGate.median(new double[0]));
        assertTrue(EventGate.NONE.passes(0, 0, 1, new double[] {0.1}));
    }

    @Test
    void badValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EventGate(-1, 3, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new EventGate(Double.NaN, 3, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new EventGate(1, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new EventGate(1, 3, 1.5));
    }

    @Test
    void aTrackThatVanishesWithinASecondMakesNoEvent() {
        for (int f = 1; f <= 8; f++) {
            seen(f / 10.0, 0.9, 0, 0.9);
        }
        events.update(new Tracks(1.9, List.of(), List.of(new EndedTrack(7, "person", 0.8))), List.of());
        events.finish(List.of(), 2);
        assertTrue(changes.isEmpty(), types().toString());
        assertEquals(0, events.openEvents());
    }

    @Test
    void anEstablishedTrackOpensWithItsFirstSightingAsStart() {
        for (int f = 1; f <= 9; f++) {
            seen(f / 10.0, 0.8, 0, 0.95);
        }
        assertTrue(changes.isEmpty(), "0.9 s old");
        seen(1.0, 0.8, 0, 0.95);
        assertEquals(List.of(EventType.NEW), types());
        assertEquals(ORIGIN, changes.get(0).after().start(), "the start is the first sighting, not the opening");
        assertEquals("gate-20261201T101500-7", changes.get(0).after().id());
        assertEquals(0.95, changes.get(0).after().topScore(), 1e-12, "the scores before the opening count");
        events.finish(List.of(new EndedTrack(7, "person", 1.0)), 2);
        assertEquals(ORIGIN.plusSeconds(1), changes.get(1).after().end());
    }

    @Test
    void aLowScoringTrackOpensOnlyOnceItsRecentMedianReachesTheThreshold() {
        double t = 0;
        for (int f = 1; f <= 20; f++) { // two seconds at 0.3: old enough, never good enough
            t = f / 10.0;
            seen(t, 0.3, 0, 0.6);
        }
        assertTrue(changes.isEmpty());
        int opened = -1;
        for (int f = 1; f <= 10 && opened < 0; f++) { // then clearly seen: the median of the last 10 rises
            seen(t + f / 10.0, 0.9, 0, 0.6);
            opened = changes.isEmpty() ? -1 : f;
        }
        assertEquals(5, opened, "the 5th good score makes the median of the last ten 0.6");
    }

    @Test
    void atALowDetectionRateTheDetectionsCountToo() {
        seen(1.5, 0.9, 0, 0.9); // two detections, 1.5 s apart
        assertTrue(changes.isEmpty(), "old enough but seen twice");
        seen(3.0, 0.9, 0, 0.9);
        assertEquals(List.of(EventType.NEW), types());
        assertEquals(ORIGIN, changes.get(0).after().start());
    }

    @Test
    void unwatchedClassesKeepNoHistory() {
        Detection car = new Detection(0, 0, 100, 50, "car", 0.9);
        for (int f = 1; f <= 30; f++) {
            events.update(new Tracks(f / 10.0, List.of(new Track(9, car, 0, false, 0, car)), List.of()), List.of());
        }
        assertTrue(changes.isEmpty());
    }
}
