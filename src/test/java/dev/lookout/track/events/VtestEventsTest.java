package dev.lookout.track.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.FfmpegFrameSource;
import dev.lookout.capture.Frame;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.Device;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.TestData;
import dev.lookout.track.Candidates;
import dev.lookout.track.TrackerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Object events on the whole of vtest.avi (795 frames, 80 s of people walking) with the real detector, at the full
 * 10 detections a second and at the 2 a second of a busy monitor: the event gate leaves one event per established
 * track, drops the events that lasted under a second, and still gives every person who walks through for a few
 * seconds an event. The people are the tracks of 3 s or more at the full rate, without the gate.
 */
@IntegrationTest
class VtestEventsTest {

    private static final EventRules UNGATED = new EventRules("vtest", Set.of("person"), Set.of(), EventGate.NONE);
    private static final EventRules GATED = new EventRules("vtest", Set.of("person"), Set.of());

    private static List<EventReplay.Frame> frames;
    private static EventReplay.Result truth;
    private static List<Long> people;

    @BeforeAll
    static void detectVtest() throws Exception {
        TestData.require(TestData.modelDir().resolve("model.onnx"), "the converted model");
        DetectOptions query = Candidates.options(DetectOptions.DEFAULTS.withClasses(Set.of("person")));
        frames = new ArrayList<>();
        try (CocoSsdDetector detector = CocoSsdDetector.load(TestData.modelDir(), Device.CPU);
                FfmpegFrameSource video = FfmpegFrameSource.openFile(TestData.vtestAvi())) {
            Frame f;
            while ((f = video.read()) != null) {
                try (Frame frame = f) {
                    frames.add(new EventReplay.Frame(frame.timestampMicros() / 1e6,
                            detector.detect(frame.image(), query).detections()));
                }
            }
        }
        assertEquals(795, frames.size());
        truth = EventReplay.replay(frames, 1, TrackerConfig.DEFAULTS, UNGATED);
        people = truth.trackSeconds().entrySet().stream().filter(e -> e.getValue()[1] - e.getValue()[0] >= 3)
                .map(Map.Entry::getKey).toList();
        assertTrue(people.size() >= 30, "vtest shows dozens of people walking through: " + people.size());
    }

    @Test
    void atTheFullRateShortEventsVanishAndEveryPersonStillGetsOne() {
        EventReplay.Result gated = EventReplay.replay(frames, 1, TrackerConfig.DEFAULTS, GATED);
        String report = "without the gate: " + truth.summary() + "\nwith it: " + gated.summary();
        System.out.println("vtest, 10 detections/s\n" + report);
        assertEquals(List.of(), EventReplay.missed(truth, people, gated), report);
        assertTrue(gated.events().size() <= 0.8 * truth.events().size(), report);
        assertTrue(truth.shorterThan(1) >= 0.2 * truth.events().size(), "the flood it fixes: " + report);
        assertTrue(gated.shorterThan(0.99) == 0, report);
        assertTrue(gated.events().size() <= 2 * people.size(), "events per person: " + report);
    }

    @Test
    void atTwoDetectionsASecondTracksStillConfirmAndEveryPersonGetsAnEvent() {
        EventReplay.Result ungated = EventReplay.replay(frames, 5, TrackerConfig.DEFAULTS, UNGATED);
        EventReplay.Result gated = EventReplay.replay(frames, 5, TrackerConfig.DEFAULTS, GATED);
        String report = "without the gate: " + ungated.summary() + "\nwith it: " + gated.summary();
        System.out.println("vtest, 2 detections/s\n" + report);
        // Before the tracker's reach, 10 of these people got no track at all at this rate.
        assertEquals(List.of(), EventReplay.missed(truth, people, ungated), report);
        assertEquals(List.of(), EventReplay.missed(truth, people, gated), report);
        assertTrue(gated.shorterThan(1) <= 0.05 * gated.events().size(), report);
        assertTrue(gated.events().size() <= 1.5 * people.size(), "events per person: " + report);
    }
}
