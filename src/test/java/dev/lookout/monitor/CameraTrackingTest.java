package dev.lookout.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.config.CameraConfig;
import dev.lookout.config.ObjectFilters;
import dev.lookout.config.Point;
import dev.lookout.config.Polygon;
import dev.lookout.detect.Detection;
import dev.lookout.detect.DetectionResult;
import dev.lookout.detect.Timings;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.notify.CameraCounts;
import dev.lookout.track.zones.CountingLine;
import dev.lookout.track.zones.Regions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A camera's tracking: counted always, events only for the classes its {@code watch:} names. */
class CameraTrackingTest {

    /** A person walking right across a 640x480 frame at 10 fps for {@code frames} frames. */
    private static List<EventChange> walk(CameraConfig config, int frames, CameraTracking[] out) {
        List<EventChange> events = new ArrayList<>();
        CameraTracking tracking = new CameraTracking(config, Instant.EPOCH, events::add);
        for (int i = 0; i < frames; i++) {
            Detection person = new Detection(50 + 8 * i, 200, 60, 160, "person", 0.9);
            tracking.update(i / 10.0, new DetectionResult(List.of(person), 640, 480, new Timings(0, 0, 0)));
        }
        out[0] = tracking;
        return events;
    }

    @Test
    void aCameraWithoutAWatchListCountsButMakesNoEvents() {
        CameraTracking[] tracking = new CameraTracking[1];
        List<EventChange> events = walk(CameraConfig.of("yard", "yard.mp4"), 20, tracking);
        assertEquals(Map.of("person", 1), tracking[0].counts().classes(), "the person is tracked and counted");
        assertEquals(List.of(), events, "watch: none, so no events");
    }

    @Test
    void aWatchedClassMakesAnEvent() {
        CameraConfig base = CameraConfig.of("yard", "yard.mp4");
        CameraConfig watching = new CameraConfig(base.name(), base.source(), base.loop(), base.size(),
                base.detectFps(), base.classes(), base.minScore(), List.of("person"), base.requiredZones(),
                base.preRoll(), base.postRoll(), base.snapshots(), base.record(), base.motion(), base.lines(),
                base.zones(), base.retention(), base.events());
        CameraTracking[] tracking = new CameraTracking[1];
        List<EventChange> events = walk(watching, 20, tracking);
        assertTrue(events.stream().anyMatch(e -> e.type() == EventType.NEW), "a new event: " + events);
        assertEquals("yard", events.get(0).after().camera());
    }

    @Test
    void filtersDropDetectionsBeforeTrackingAndAClassThresholdGatesItsEvents() {
        CameraConfig base = CameraConfig.of("yard", "yard.mp4");
        ObjectFilters.Limits car = new ObjectFilters.Limits(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(0.75));
        Polygon bottomRight = new Polygon(List.of(new Point(0.75, 0.75), new Point(1, 0.75), new Point(1, 1),
                new Point(0.75, 1)), true);
        CameraConfig filtered = new CameraConfig(base.name(), base.source(), base.loop(), base.size(),
                base.detectFps(), base.classes(), base.minScore(), List.of("person", "car", "dog"),
                base.requiredZones(), base.preRoll(), base.postRoll(), base.snapshots(), base.record(), base.motion(),
                base.lines(), base.zones(), base.retention(), base.events(),
                new ObjectFilters(ObjectFilters.Limits.NONE, List.of(bottomRight), Map.of("car", car)));
        List<EventChange> events = new ArrayList<>();
        CameraTracking tracking = new CameraTracking(filtered, Instant.EPOCH, events::add);
        for (int i = 0; i < 30; i++) {
            List<Detection> seen = List.of(
                    new Detection(50 + 8 * i, 50, 60, 160, "person", 0.7), // walks along the top
                    new Detection(50 + 8 * i, 250, 120, 60, "car", 0.7), // 0.7: below the car's own 0.75
                    new Detection(520, 400, 40, 40, "dog", 0.9)); // stands in the mask
            tracking.update(i / 10.0, new DetectionResult(seen, 640, 480, new Timings(0, 0, 0)));
        }
        assertEquals(Map.of("person", 1, "car", 1), tracking.counts().classes(), "the masked dog is not tracked");
        assertEquals(List.of("person"), events.stream().filter(e -> e.type() == EventType.NEW)
                .map(e -> e.after().className()).toList(), "the car's median 0.7 misses its threshold 0.75");
    }

    @Test
    void linesEditedWhileRunningAreCountedFromTheNextFrameAndUnchangedOnesKeepTheirCounts() {
        List<EventChange> events = new ArrayList<>();
        CameraTracking tracking = new CameraTracking(CameraConfig.of("yard", "yard.mp4"), Instant.EPOCH, events::add);
        CountingLine early = new CountingLine("early", 0.2, 0, 0.2, 1, true); // x = 128 px
        CountingLine late = new CountingLine("late", 0.6, 0, 0.6, 1, true); // x = 384 px
        tracking.setRegions(new Regions(List.of(early), List.of()));
        assertTrue(tracking.regionsPending(), "waiting for the next detected frame");
        for (int i = 0; i < 50; i++) {
            if (i == 25) { // the person is at x = 250 (past 'early', before 'late') when 'late' is drawn
                tracking.setRegions(new Regions(List.of(early, late), List.of()));
            }
            Detection person = new Detection(50 + 8 * i, 200, 60, 160, "person", 0.9);
            tracking.update(i / 10.0, new DetectionResult(List.of(person), 640, 480, new Timings(0, 0, 0)));
            if (i == 0) {
                assertFalse(tracking.regionsPending(), "taken over by the first frame");
            }
        }
        Map<String, CameraCounts.LineTotals> lines = tracking.counts().lines();
        assertEquals(java.util.Set.of("early", "late"), lines.keySet());
        assertEquals(1, lines.get("early").in() + lines.get("early").out(), "early kept its count: " + lines);
        assertEquals(1, lines.get("late").in() + lines.get("late").out(), "late counts the crossing after it: "
                + lines);
    }
}
