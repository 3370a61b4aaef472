package dev.lookout.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.Frame;
import dev.lookout.capture.OpenCv;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.DetectionResult;
import dev.lookout.detect.Timings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The scheduler on a fake clock with fake cameras: fairness among cameras that always have a frame, the rate cap,
 * slow cameras served whenever they have a frame, stale frames counted and never queued. No timing asserts: the
 * clock moves only when the fake detector "works".
 */
class DetectionSchedulerTest {

    /** Each detection takes 50 ms of fake time. */
    private static final long DETECTION_NANOS = 50_000_000L;

    @BeforeAll
    static void natives() {
        OpenCv.load();
    }

    /** A camera that produces a frame every {@code periodNanos} of fake time into a real {@link FrameSlot}. */
    private static final class FakeCamera implements DetectionClient {
        final String name;
        final long periodNanos;
        final double maxRate;
        final AtomicLong clock;
        final FrameSlot slot = new FrameSlot();
        final List<Long> detectedIndices = new ArrayList<>();
        long nextFrameAt;
        long index;

        FakeCamera(String name, long periodNanos, double maxRate, AtomicLong clock) {
            this.name = name;
            this.periodNanos = periodNanos;
            this.maxRate = maxRate;
            this.clock = clock;
        }

        /** Delivers every frame that is due by now (as the camera's thread would). */
        void produce() {
            while (nextFrameAt <= clock.get()) {
                slot.offer(new Frame(new Mat(2, 2, CvType.CV_8UC3), index++, nextFrameAt / 1000, nextFrameAt));
                nextFrameAt += periodNanos;
            }
        }

        @Override
        public Frame takeNewest() {
            return slot.take();
        }

        @Override
        public boolean hasFrame() {
            return slot.hasFrame();
        }

        @Override
        public DetectOptions detectOptions() {
            return DetectOptions.DEFAULTS;
        }

        @Override
        public double maxRate() {
            return maxRate;
        }

        @Override
        public void holdUntil(long nanos) {
            slot.holdUntil(nanos);
        }

        @Override
        public void detected(Frame frame, DetectionResult result) {
            detectedIndices.add(frame.index());
        }

        @Override
        public void detectionFailed(RuntimeException e) {
            throw e;
        }
    }

    private static DetectionScheduler scheduler(AtomicLong clock) {
        return new DetectionScheduler((frame, options) -> {
            clock.addAndGet(DETECTION_NANOS);
            return new DetectionResult(List.of(), frame.width(), frame.height(), new Timings(0, 0, 0));
        }, clock::get);
    }

    /** Runs the scheduler for {@code nanos} of fake time; idle steps advance the clock by 1 ms. */
    private static void run(DetectionScheduler s, AtomicLong clock, List<FakeCamera> cameras, long nanos) {
        long end = clock.get() + nanos;
        while (clock.get() < end) {
            cameras.forEach(FakeCamera::produce);
            if (!s.serveOne()) {
                clock.addAndGet(1_000_000L);
            }
        }
    }

    @Test
    void camerasThatAlwaysHaveFramesAreServedInTurn() {
        AtomicLong clock = new AtomicLong();
        DetectionScheduler s = scheduler(clock);
        List<FakeCamera> cams = List.of(new FakeCamera("a", 1_000_000L, 0, clock),
                new FakeCamera("b", 1_000_000L, 0, clock), new FakeCamera("c", 1_000_000L, 0, clock));
        cams.forEach(s::add);
        run(s, clock, cams, 30 * DETECTION_NANOS);
        // 30 detections shared by 3 busy cameras: 10 each, and no camera ever waits more than 2 turns
        for (FakeCamera c : cams) {
            assertEquals(10, c.detectedIndices.size(), c.name);
        }
        // the detector took the newest frame each time: everything in between was dropped and counted, not queued
        FakeCamera a = cams.get(0);
        long lastIndex = a.detectedIndices.get(a.detectedIndices.size() - 1);
        long queuedAtMost = a.slot.hasFrame() ? 1 : 0; // the one frame that may be waiting in the slot
        assertEquals(a.index - a.detectedIndices.size() - queuedAtMost, a.slot.stale(),
                "frames not detected are counted as stale (read " + a.index + ", last detected " + lastIndex + ")");
    }

    @Test
    void aFastCameraCannotStarveASlowOne() {
        AtomicLong clock = new AtomicLong();
        DetectionScheduler s = scheduler(clock);
        FakeCamera fast = new FakeCamera("fast", 1_000_000L, 0, clock);
        FakeCamera slow = new FakeCamera("slow", 500_000_000L, 0, clock); // 2 fps
        List<FakeCamera> cams = List.of(fast, slow);
        cams.forEach(s::add);
        run(s, clock, cams, 10_000_000_000L);
        // every frame of the slow camera is detected (it never waits behind more than one detection of the other)
        assertEquals(slow.index, slow.detectedIndices.size() + (slow.slot.hasFrame() ? 1 : 0));
        assertEquals(0, slow.slot.stale());
        assertTrue(fast.detectedIndices.size() > slow.detectedIndices.size() * 5,
                "the detector's spare time goes to the fast camera: " + fast.detectedIndices.size());
    }

    @Test
    void theRateCapHoldsAndTheSpareTimeGoesToOthers() {
        AtomicLong clock = new AtomicLong();
        DetectionScheduler s = scheduler(clock);
        FakeCamera capped = new FakeCamera("capped", 1_000_000L, 2.0, clock); // at most 2 per second
        FakeCamera free = new FakeCamera("free", 1_000_000L, 0, clock);
        List<FakeCamera> cams = List.of(capped, free);
        cams.forEach(s::add);
        run(s, clock, cams, 10_000_000_000L);
        // 10 s of fake time: at most 2/s (+1 for the first), the rest of the 200 detections to the other camera
        assertTrue(capped.detectedIndices.size() <= 21, "capped: " + capped.detectedIndices.size());
        assertTrue(capped.detectedIndices.size() >= 19, "capped: " + capped.detectedIndices.size());
        assertTrue(free.detectedIndices.size() >= 175, "free: " + free.detectedIndices.size());
        assertTrue(capped.slot.stale() > 9_000, "frames over the cap are skipped and counted: " + capped.slot.stale());
        assertTrue(capped.slot.skippedRate() > 9_000, "counted for the cap: " + capped.slot.skippedRate());
        assertEquals(0, free.slot.skippedRate(), "the camera without a cap skips nothing for one");
        assertEquals(free.slot.stale(), free.slot.skippedBusy());
    }

    @Test
    void framesSkippedWhileTheDetectorIsBusyAreNotCountedForTheRate() {
        AtomicLong clock = new AtomicLong();
        DetectionScheduler s = scheduler(clock);
        FakeCamera fast = new FakeCamera("fast", 1_000_000L, 0, clock); // 1000 fps, no detect_fps
        s.add(fast);
        run(s, clock, List.of(fast), 2_000_000_000L);
        assertTrue(fast.slot.skippedBusy() > 1_500, "skipped busy: " + fast.slot.skippedBusy());
        assertEquals(0, fast.slot.skippedRate(), "no detect_fps set: nothing skipped for it");

        // with a cap the detector could easily meet, what it skips is the cap's doing, not the detector's
        AtomicLong clock2 = new AtomicLong();
        DetectionScheduler capped = scheduler(clock2);
        FakeCamera slowCap = new FakeCamera("capped", 100_000_000L, 1.0, clock2); // 10 fps, detect_fps 1
        capped.add(slowCap);
        run(capped, clock2, List.of(slowCap), 10_000_000_000L);
        assertTrue(slowCap.slot.skippedRate() >= 80, "skipped for the cap: " + slowCap.slot.skippedRate());
        assertEquals(0, slowCap.slot.skippedBusy(), "a 50 ms detection never overlaps a 100 ms frame period");
    }

    @Test
    void nothingWaitingMeansNothingServed() {
        AtomicLong clock = new AtomicLong();
        DetectionScheduler s = scheduler(clock);
        FakeCamera idle = new FakeCamera("idle", Long.MAX_VALUE / 4, 0, clock);
        idle.nextFrameAt = Long.MAX_VALUE / 4;
        s.add(idle);
        assertFalse(s.serveOne());
        assertEquals(0, clock.get());
    }
}
