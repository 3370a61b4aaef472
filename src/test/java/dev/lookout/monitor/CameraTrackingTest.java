package dev.lookout.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.config.CameraConfig;
import dev.lookout.detect.Detection;
import dev.lookout.detect.DetectionResult;
import dev.lookout.detect.Timings;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
                base.zones(), base.retention());
        CameraTracking[] tracking = new CameraTracking[1];
        List<EventChange> events = walk(watching, 20, tracking);
        assertTrue(events.stream().anyMatch(e -> e.type() == EventType.NEW), "a new event: " + events);
        assertEquals("yard", events.get(0).after().camera());
    }
}
