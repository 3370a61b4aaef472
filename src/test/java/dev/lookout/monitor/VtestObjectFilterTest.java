package dev.lookout.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.FfmpegFrameSource;
import dev.lookout.capture.Frame;
import dev.lookout.config.CameraConfig;
import dev.lookout.config.ObjectFilters;
import dev.lookout.config.Point;
import dev.lookout.config.Polygon;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.DetectionResult;
import dev.lookout.detect.Device;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.TestData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A mask over the left half of vtest.avi, through a camera's tracking with the real detector (the first 40 s at
 * 5 detections a second): the people who walk only in the left half get no event any more, those on the right
 * keep theirs. Which half a person walked in is told by two zones (the halves) that their events record.
 */
@IntegrationTest
class VtestObjectFilterTest {

    private static final Polygon LEFT = half(0, 0.5);
    private static final Polygon RIGHT = half(0.5, 1);
    private static final List<DetectionResult> RESULTS = new ArrayList<>();
    private static final List<Double> TIMES = new ArrayList<>();

    private static Polygon half(double from, double to) {
        return new Polygon(List.of(new Point(from, 0), new Point(to, 0), new Point(to, 1), new Point(from, 1)), true);
    }

    private static CameraConfig camera(ObjectFilters filters) {
        CameraConfig base = CameraConfig.of("vtest", TestData.vtestAvi().toString());
        return new CameraConfig(base.name(), base.source(), false, base.size(), base.detectFps(), List.of("person"),
                base.minScore(), List.of("person"), List.of(), base.preRoll(), base.postRoll(), false, base.record(),
                base.motion(), Map.of(), Map.of("left", LEFT, "right", RIGHT), base.retention(), base.events(),
                filters);
    }

    @BeforeAll
    static void detect() throws Exception {
        TestData.require(TestData.modelDir().resolve("model.onnx"), "the converted model");
        DetectOptions query = TrackerCandidates.options(camera(ObjectFilters.NONE));
        try (CocoSsdDetector detector = CocoSsdDetector.load(TestData.modelDir(), Device.CPU);
                FfmpegFrameSource video = FfmpegFrameSource.openFile(TestData.vtestAvi())) {
            Frame f;
            for (int i = 0; i < 400 && (f = video.read()) != null; i++) {
                try (Frame frame = f) {
                    if (i % 2 == 0) {
                        TIMES.add(frame.timestampMicros() / 1e6);
                        RESULTS.add(detector.detect(frame.image(), query));
                    }
                }
            }
        }
        assertEquals(200, RESULTS.size());
    }

    /** The events of one run by id, as they ended. */
    private static Map<String, ObjectEvent> events(ObjectFilters filters) {
        Map<String, ObjectEvent> ended = new LinkedHashMap<>();
        CameraTracking tracking = new CameraTracking(camera(filters), Instant.EPOCH, (EventChange c) -> {
            if (c.type() == EventType.END) {
                ended.put(c.after().id(), c.after());
            }
        });
        for (int i = 0; i < RESULTS.size(); i++) {
            tracking.update(TIMES.get(i), RESULTS.get(i));
        }
        tracking.finish();
        return ended;
    }

    @Test
    void aMaskOverTheLeftHalfRemovesTheEventsOfPeopleWhoWalkOnlyThere() {
        List<ObjectEvent> all = List.copyOf(events(ObjectFilters.NONE).values());
        List<ObjectEvent> masked = List.copyOf(events(new ObjectFilters(ObjectFilters.Limits.NONE, List.of(LEFT),
                Map.of())).values());
        long leftOnly = all.stream().filter(e -> e.zones().equals(List.of("left"))).count();
        long rightOnly = all.stream().filter(e -> e.zones().equals(List.of("right"))).count();
        String report = "without the mask: " + all.size() + " events, " + leftOnly + " only on the left, "
                + rightOnly + " only on the right; with it: " + masked.size() + " events " + masked.stream()
                        .map(e -> e.zones().toString()).toList();
        System.out.println("vtest, mask over the left half: " + report);
        assertTrue(leftOnly >= 3 && rightOnly >= 3, "people walk in both halves: " + report);
        assertEquals(0, masked.stream().filter(e -> e.zones().equals(List.of("left"))).count(), report);
        assertTrue(masked.stream().filter(e -> e.zones().equals(List.of("right"))).count() >= rightOnly - 1,
                "the right half keeps its events: " + report);
        assertTrue(masked.size() <= all.size() - leftOnly + 1, report);
    }
}
