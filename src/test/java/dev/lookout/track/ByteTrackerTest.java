package dev.lookout.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.detect.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteTrackerTest {

    private static Detection person(double x, double score) {
        return new Detection(x, 100, 40, 100, "person", score);
    }

    @Test
    void keepsOneIdAcrossAVariableFrameRate() {
        ByteTracker tracker = new ByteTracker();
        // 120 px/s; frames at irregular times, one gap of 0.5 s (15 frames at 30 fps)
        double[] times = {0, 0.033, 0.066, 0.1, 0.2, 0.25, 0.75, 0.8, 0.9, 1.0};
        long id = -1;
        for (double t : times) {
            Tracks out = tracker.update(t, List.of(person(100 + 120 * t, 0.9)));
            assertEquals(1, out.active().size(), "at " + t);
            if (id < 0) {
                id = out.active().get(0).id();
            }
            assertEquals(id, out.active().get(0).id(), "at " + t);
        }
    }

    @Test
    void aTrackIsReportedOnceConfirmedAndOnlyFromAHighEnoughScore() {
        ByteTracker tracker = new ByteTracker();
        tracker.update(0, List.of());
        assertTrue(tracker.update(0.1, List.of(person(100, 0.2))).active().isEmpty()); // below newTrackScore
        assertTrue(tracker.update(0.2, List.of(person(100, 0.9))).active().isEmpty()); // tentative
        List<Track> confirmed = tracker.update(0.3, List.of(person(101, 0.9))).active();
        assertEquals(1, confirmed.size());
        assertEquals(1, confirmed.get(0).id());
    }

    @Test
    void lowScoreDetectionsKeepATrackAlive() {
        ByteTracker tracker = new ByteTracker();
        tracker.update(0, List.of(person(100, 0.9)));
        Tracks low = tracker.update(0.033, List.of(person(102, 0.15)));
        assertEquals(1, low.active().size());
        assertEquals(1, low.active().get(0).id());
        assertEquals(0.15, low.active().get(0).detection().score());
    }

    @Test
    void aPersonTrackNeverTakesACarBox() {
        ByteTracker tracker = new ByteTracker();
        tracker.update(0, List.of(person(100, 0.9)));
        Tracks out = tracker.update(0.033, List.of(new Detection(100, 100, 40, 100, "car", 0.9)));
        assertTrue(out.active().isEmpty(), "the car starts its own tentative track");
        out = tracker.update(0.066, List.of(new Detection(100, 100, 40, 100, "car", 0.9)));
        assertEquals(1, out.active().size());
        assertEquals("car", out.active().get(0).className());
        assertEquals(2, out.active().get(0).id());
    }

    @Test
    void aLostTrackIsKeptForItsBufferInSecondsThenEnded() {
        ByteTracker tracker = new ByteTracker();
        tracker.update(0, List.of(person(100, 0.9)));
        tracker.update(0.1, List.of(person(100, 0.9)));
        assertTrue(tracker.update(0.6, List.of()).ended().isEmpty());
        // back after 0.9 s: the same id
        assertEquals(1, tracker.update(1.0, List.of(person(100, 0.9))).active().get(0).id());
        tracker.update(1.5, List.of());
        List<EndedTrack> ended = tracker.update(2.1, List.of()).ended();
        assertEquals(List.of(new EndedTrack(1, "person", 1.0)), ended);
        assertTrue(tracker.finish().isEmpty());
    }

    @Test
    void crossingObjectsKeepTheirIds() {
        ByteTracker tracker = new ByteTracker();
        // two people walk towards each other at 150 px/s and pass with their boxes overlapping
        for (int f = 0; f <= 90; f++) {
            double t = f / 30.0;
            Detection a = new Detection(100 + 150 * t, 100, 40, 100, "person", 0.9);
            Detection b = new Detection(550 - 150 * t, 110, 40, 100, "person", 0.8);
            List<Track> active = tracker.update(t, List.of(a, b)).active();
            assertEquals(2, active.size(), "frame " + f);
            assertEquals(1, active.get(0).id(), "frame " + f);
            assertEquals(2, active.get(1).id(), "frame " + f);
        }
    }

    @Test
    void aStillObjectBecomesStationaryAfterTheConfiguredTime() {
        ByteTracker tracker = new ByteTracker(TrackerConfig.DEFAULTS.withStationarySeconds(2));
        boolean stationary = false;
        for (int f = 0; f <= 60; f++) {
            double jitter = (f % 2 == 0 ? 1 : -1) * 2;
            stationary = tracker.update(f / 30.0, List.of(person(300 + jitter, 0.9))).active().get(0).stationary();
            if (f < 59) {
                assertFalse(stationary, "frame " + f);
            }
        }
        assertTrue(stationary);
        // it walks off (10 px a frame; 20 px is the tolerance for a 100 px box): no longer stationary
        Track moved = null;
        for (int f = 61; f <= 63; f++) {
            moved = tracker.update(f / 30.0, List.of(person(300 + 10 * (f - 60), 0.9))).active().get(0);
        }
        assertFalse(moved.stationary());
    }

    @Test
    void timeMustNotGoBackwards() {
        ByteTracker tracker = new ByteTracker();
        tracker.update(1, List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tracker.update(0.5, List.of()));
        assertTrue(e.getMessage().contains("before the previous frame"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tracker.update(Double.NaN, List.of()));
    }
}
