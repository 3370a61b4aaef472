package dev.lookout.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.PacedFrameSource;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.Detection;
import dev.lookout.detect.DetectionResult;
import dev.lookout.testsupport.TestData;
import dev.lookout.track.Track;
import dev.lookout.track.TrackerConfig;
import dev.lookout.track.Tracks;
import dev.lookout.track.zones.CountEvent;
import dev.lookout.track.zones.RegionParser;
import dev.lookout.track.zones.RegionTotals;
import dev.lookout.track.zones.Regions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/**
 * Tracking in the live pipeline, without a display, on the demo clip (people walking, 10 fps) with the real model:
 * the detector is asked for the tracker's candidates, the pipeline reports the confirmed tracks' boxes, an object
 * keeps its id from frame to frame, the line's and zone's totals agree with the count changes, and switching
 * tracking off gives the detector's own answer again and ends the session.
 */
class LiveTrackingPipelineTest {

    /** The real detector, remembering what it was asked and what it answered. */
    private static final class Spy implements FrameDetector {
        final FrameDetector real;
        final List<DetectOptions> asked = new CopyOnWriteArrayList<>();
        volatile DetectionResult lastAnswer;

        Spy(FrameDetector real) {
            this.real = real;
        }

        @Override
        public DetectionResult detect(Mat bgr, DetectOptions options) {
            asked.add(options);
            lastAnswer = real.detect(bgr, options);
            return lastAnswer;
        }

        @Override
        public String provider() {
            return real.provider();
        }

        @Override
        public List<String> classNames() {
            return real.classNames();
        }

        @Override
        public void close() {
            real.close();
        }
    }

    /** The tracked frames, as the window's watch hears them. */
    private static final class Seen implements LiveTracking.Observer {
        final List<Tracks> frames = new CopyOnWriteArrayList<>();
        final List<CountEvent> counts = new CopyOnWriteArrayList<>();
        final AtomicInteger ended = new AtomicInteger();

        @Override
        public void tracked(Tracks tracks, List<CountEvent> changes) {
            frames.add(tracks);
            counts.addAll(changes);
        }

        @Override
        public void sessionEnded(double seconds) {
            ended.incrementAndGet();
        }
    }

    @Test
    void theDemoClipIsTrackedWithIdsAndCounted() throws Exception {
        Path demo = TestData.projectDir().resolve("assets/demo.mp4");
        Spy spy = new Spy(CocoSsdFrameDetector.loader(TestData.modelDir(), dev.lookout.detect.Device.CPU).call());
        LiveTracking tracking = new LiveTracking(TrackerConfig.DEFAULTS);
        tracking.setEnabled(true);
        // A line across the precinct and a zone over the whole picture but its border.
        tracking.setRegions(new Regions(List.of(RegionParser.line("middle:0,0.55,1,0.55")),
                List.of(RegionParser.zone("all:0.02,0.02;0.98,0.02;0.98,0.98;0.02,0.98"))));
        Seen seen = new Seen();
        tracking.setObserver(seen);
        try (RecordingListener listener = new RecordingListener()) {
            LivePipeline pipeline = new LivePipeline(() -> spy, DetectOptions.DEFAULTS, new LiveStats(), listener);
            listener.attach(pipeline);
            pipeline.setTracking(tracking);
            try {
                assertTrue(RecordingListener.await(30_000, () -> listener.provider != null), "detector ready");
                pipeline.play("demo", states -> PacedFrameSource.open(
                        () -> new VideoTestSource(demo, 80, false, -1), true, false));
                assertTrue(RecordingListener.await(30_000, () -> seen.frames.size() >= 15),
                        "15 tracked frames: " + seen.frames.size() + " " + listener.detectorFailures);

                // The tracker's candidates were asked for, not TF.js's min score 0.5.
                DetectOptions asked = spy.asked.get(0);
                assertEquals(0.1, asked.minScore());
                assertEquals(0.5, asked.iou());
                assertEquals(100, asked.maxNumBoxes());

                // Each reported frame's boxes are its confirmed tracks' boxes, the very same objects.
                Map<Detection, Long> idOf = new HashMap<>();
                seen.frames.forEach(t -> t.active().forEach(tr -> idOf.put(tr.detection(), tr.id())));
                int checked = 0;
                for (LiveDetections d : listener.detections) {
                    for (Detection box : d.result().detections()) {
                        assertTrue(idOf.containsKey(box), "a reported box without a track: " + box);
                        checked++;
                    }
                }
                assertTrue(checked > 20, checked + " tracked boxes reported");

                // People walking keep their ids: some id is in most of the tracked frames.
                Map<Long, Integer> framesPerId = new HashMap<>();
                seen.frames.forEach(t -> t.active().forEach(tr -> framesPerId.merge(tr.id(), 1, Integer::sum)));
                int longest = framesPerId.values().stream().mapToInt(Integer::intValue).max().orElse(0);
                assertTrue(longest >= seen.frames.size() * 2 / 3, "the longest track is in " + longest + " of "
                        + seen.frames.size() + " frames: " + framesPerId);
                assertTrue(framesPerId.size() >= 3, "several people: " + framesPerId);

                // The totals agree with the count changes the observer heard.
                pipeline.setPaused(true);
                Thread.sleep(600); // a detection in flight finishes
                RegionTotals totals = tracking.totals();
                long crossings = seen.counts.stream().filter(c -> c instanceof CountEvent.Crossing).count();
                assertEquals(crossings, totals.lines().get(0).in() + totals.lines().get(0).out());
                RegionTotals.ZoneTotals zone = totals.zones().get(0);
                assertTrue(zone.entries() >= 3, "people entered the zone: " + zone);
                assertEquals(zone.entries() - zone.exits(), zone.inside(), "inside = entries - exits: " + zone);
                assertTrue(zone.inside() <= framesPerId.size(), zone + " vs " + framesPerId.size() + " tracks");

                // Off: the detector's own answer again, with the user's options, and the session ended.
                tracking.setEnabled(false);
                int before = listener.detections.size();
                pipeline.setPaused(false);
                assertTrue(RecordingListener.await(20_000, () -> listener.detections.size() >= before + 3),
                        "detecting without tracking");
                LiveDetections plain = listener.detections.get(listener.detections.size() - 1);
                assertEquals(DetectOptions.DEFAULTS, spy.asked.get(spy.asked.size() - 1));
                assertEquals(1, seen.ended.get(), "the session ended once");
                assertSame(RegionTotals.NONE, tracking.totals());
                assertTrue(plain.result().detections().stream().allMatch(d -> d.score() > 0.5),
                        "TF.js's min score applies again: " + plain.result().detections());
            } finally {
                pipeline.close();
            }
        }
        List<Long> ids = seen.frames.stream().flatMap(t -> t.active().stream()).map(Track::id).distinct().toList();
        assertTrue(ids.stream().allMatch(id -> id >= 1), "ids are 1, 2, 3...: " + ids);
    }
}
