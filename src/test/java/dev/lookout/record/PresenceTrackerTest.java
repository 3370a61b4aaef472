package dev.lookout.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lookout.detect.Detection;
import dev.lookout.record.PresenceTracker.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The debounce logic on sequences of detection lists, one frame every 100 ms. */
class PresenceTrackerTest {

    static final Detection PERSON = new Detection(10, 10, 50, 100, "person", 0.8);
    static final Detection CAR = new Detection(100, 10, 80, 40, "car", 0.7);
    static final Detection DOG = new Detection(200, 10, 40, 40, "dog", 0.9);

    /** Runs {@code frames} through a tracker and returns the frame numbers where something changed. */
    static List<String> run(PresenceTracker tracker, List<List<Detection>> frames) {
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            Transition t = tracker.update(i * 100_000L, frames.get(i));
            if (t != Transition.NONE) {
                changes.add(t + "@" + i);
            }
        }
        return changes;
    }

    static List<List<Detection>> sequence(Object... runs) {
        List<List<Detection>> frames = new ArrayList<>();
        for (int i = 0; i < runs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Detection> detections = (List<Detection>) runs[i];
            for (int n = 0; n < (Integer) runs[i + 1]; n++) {
                frames.add(detections);
            }
        }
        return frames;
    }

    @Test
    void startsOnTheThirdConsecutiveFrameAndEndsAfterThePostRoll() {
        PresenceTracker tracker = new PresenceTracker(Set.of("person"), 3, 1_000_000);
        // 5 empty, 10 with a person (frames 5..14), then empty: ends 1 s after frame 14, at frame 24
        List<String> changes = run(tracker, sequence(List.of(), 5, List.of(PERSON), 10, List.of(), 20));
        assertEquals(List.of("STARTED@7", "ENDED@24"), changes);
    }

    @Test
    void flickerBelowTheThresholdStartsNothing() {
        PresenceTracker tracker = new PresenceTracker(Set.of("person"), 3, 1_000_000);
        List<String> changes = run(tracker, sequence(List.of(PERSON), 2, List.of(), 1, List.of(PERSON), 2,
                List.of(), 1, List.of(PERSON), 1, List.of(), 10));
        assertEquals(List.of(), changes);
    }

    @Test
    void aShortGapInsideThePostRollDoesNotSplitTheEvent() {
        PresenceTracker tracker = new PresenceTracker(Set.of("person"), 3, 1_000_000);
        // person 0..9, gap of 9 frames (0.9 s < 1 s), person 19..28, then empty
        List<String> changes = run(tracker, sequence(List.of(PERSON), 10, List.of(), 9, List.of(PERSON), 10,
                List.of(), 15));
        assertEquals(List.of("STARTED@2", "ENDED@38"), changes); // last seen at 28, +1 s
    }

    @Test
    void twoAppearancesFarApartAreTwoEvents() {
        PresenceTracker tracker = new PresenceTracker(Set.of("person"), 3, 500_000);
        List<String> changes = run(tracker, sequence(List.of(PERSON), 4, List.of(), 10, List.of(PERSON), 4,
                List.of(), 10));
        assertEquals(List.of("STARTED@2", "ENDED@8", "STARTED@16", "ENDED@22"), changes);
    }

    @Test
    void onlyWatchedClassesCountAndAnyOfThemDoes() {
        PresenceTracker tracker = new PresenceTracker(Set.of("person", "car"), 3, 500_000);
        assertEquals(List.of(), run(tracker, sequence(List.of(DOG), 20)));
        tracker = new PresenceTracker(Set.of("person", "car"), 3, 500_000);
        // person, car, person: three consecutive frames with a watched class
        List<List<Detection>> frames = List.of(List.of(PERSON), List.of(CAR, DOG), List.of(PERSON), List.of(DOG),
                List.of(DOG), List.of(DOG), List.of(DOG), List.of(DOG), List.of(DOG));
        assertEquals(List.of("STARTED@2", "ENDED@7"), run(tracker, frames));
    }

    @Test
    void anEmptyWatchListWatchesEveryClass() {
        PresenceTracker tracker = new PresenceTracker(Set.of(), 1, 0);
        assertEquals(List.of("STARTED@0", "ENDED@1"), run(tracker, List.of(List.of(DOG), List.of())));
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new PresenceTracker(Set.of("person"), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new PresenceTracker(Set.of("person"), 1, -1));
    }
}
