package dev.lookout.track;

import dev.lookout.detect.Detection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Times {@link ByteTracker#update} on a busy synthetic scene: {@code objects} boxes moving on straight lines and
 * bouncing off the edges of a 1280×720 frame at 30 fps, with box jitter, 10 % missed detections, two false
 * positives per frame and scores that sometimes fall into the low band. For {@code bench}, not for tests.
 */
public final class TrackerBenchmark {

    /**
     * Per-frame times of one run.
     *
     * @param objects objects in the scene
     * @param frames frames timed (after the warm-up)
     * @param medianMicros median time per frame
     * @param p95Micros 95th percentile
     * @param maxMicros slowest frame
     * @param tracksPerFrame average confirmed tracks reported per frame
     * @param cpuMedianMicros median CPU time of the tracking thread per frame (hardly moved by other programs)
     * @param cpuP95Micros its 95th percentile
     */
    public record Result(int objects, int frames, double medianMicros, double p95Micros, double maxMicros,
            double tracksPerFrame, double cpuMedianMicros, double cpuP95Micros) {
    }

    private TrackerBenchmark() {
    }

    /** Runs {@code warmup} untimed then {@code frames} timed frames. */
    public static Result run(int objects, int warmup, int frames, long seed) {
        Random random = new Random(seed);
        double[][] state = new double[objects][5]; // x, y, vx, vy, h
        for (double[] s : state) {
            s[4] = 60 + random.nextDouble() * 80;
            s[0] = random.nextDouble() * (1280 - s[4]);
            s[1] = random.nextDouble() * (720 - s[4]);
            s[2] = (random.nextDouble() - 0.5) * 300;
            s[3] = (random.nextDouble() - 0.5) * 100;
        }
        ByteTracker tracker = new ByteTracker();
        long[] nanos = new long[frames];
        long[] cpuNanos = new long[frames];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long reported = 0;
        for (int f = 0; f < warmup + frames; f++) {
            double t = f / 30.0;
            List<Detection> detections = new ArrayList<>();
            for (double[] s : state) {
                s[0] += s[2] / 30;
                s[1] += s[3] / 30;
                if (s[0] < 0 || s[0] > 1280 - s[4] * 0.5) {
                    s[2] = -s[2];
                }
                if (s[1] < 0 || s[1] > 720 - s[4]) {
                    s[3] = -s[3];
                }
                if (random.nextDouble() < 0.1) {
                    continue;
                }
                double h = s[4] * (1 + random.nextGaussian() * 0.03);
                detections.add(new Detection(s[0] + random.nextGaussian() * 2, s[1] + random.nextGaussian() * 2,
                        h * 0.5, h, "person", Math.max(0.11, Math.min(0.99, 0.7 + random.nextGaussian() * 0.15))));
            }
            for (int k = 0; k < 2; k++) {
                detections.add(new Detection(random.nextDouble() * 1200, random.nextDouble() * 650, 50, 80, "person",
                        0.1 + random.nextDouble() * 0.3));
            }
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Tracks out = tracker.update(t, detections);
            long took = System.nanoTime() - start;
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            if (f >= warmup) {
                nanos[f - warmup] = took;
                cpuNanos[f - warmup] = cpu;
                reported += out.active().size();
            }
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long[] cpuSorted = cpuNanos.clone();
        Arrays.sort(cpuSorted);
        int p95 = (int) Math.min(frames - 1, Math.ceil(frames * 0.95) - 1);
        return new Result(objects, frames, sorted[frames / 2] / 1e3, sorted[p95] / 1e3, sorted[frames - 1] / 1e3,
                (double) reported / frames, cpuSorted[frames / 2] / 1e3, cpuSorted[p95] / 1e3);
    }
}
