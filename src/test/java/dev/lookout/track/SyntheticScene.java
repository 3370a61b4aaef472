package dev.lookout.track;

import dev.lookout.detect.Detection;
import dev.lookout.track.metrics.MotBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test scenes with exact ground truth: objects of two classes moving on straight and curved paths, crossing one
 * another (the nearer one hides the farther), stopping and starting, entering and leaving a 1280×720 frame; and the
 * ground truth degraded into detections the way a detector errs: box jitter, missed detections, false positives,
 * noisy scores (sometimes below the high threshold), partly hidden objects scoring lower.
 */
final class SyntheticScene {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;

    /** How the truth is degraded. */
    record Noise(double jitter, double missRate, double falsePositivesPerFrame, double scoreSpread) {
        static final Noise STANDARD = new Noise(0.03, 0.10, 1.0, 0.15);
    }

    /** One object's true box in one frame; {@code hidden} when mostly covered (not detectable, not scored). */
    record Truth(long id, String className, double x, double y, double w, double h, boolean hidden) {
        double footX() {
            return x + w / 2;
        }

        double footY() {
            return y + h;
        }
    }

    /** One frame: its index, time, ground truth and detections. */
    record Frame(int index, double time, List<Truth> truth, List<Detection> detections) {
    }

    /** A path: where the object's box (left, top) is at time t, or null when it does not exist. */
    private record Mover(long id, String className, double w, double h, double t0, double t1, double x0, double y0,
            double vx, double vy, double curve, double stopAt, double stopFor) {

        double[] at(double t) {
            if (t < t0 || t > t1) {
                return null;
            }
            double moving = t - t0;
            if (t > stopAt) {
                moving -= Math.min(t - stopAt, stopFor); // stands still during [stopAt, stopAt + stopFor]
            }
            double x = x0 + vx * moving;
            double y = y0 + vy * moving + curve * Math.sin(moving * 0.8); // curved paths bend up and down
            return new double[] {x, y};
        }
    }

    private final List<Frame> frames = new ArrayList<>();

    /**
     * A scene of {@code objects} objects over {@code seconds} at {@code fps}, each frame skipped with probability
     * {@code skipRate} (so time steps vary).
     */
    SyntheticScene(long seed, int objects, double fps, double seconds, double skipRate, Noise noise) {
        Random random = new Random(seed);
        List<Mover> movers = new ArrayList<>();
        for (int k = 0; k < objects; k++) {
            long id = k + 1;
            boolean car = random.nextDouble() < 0.3;
            double h = car ? 60 + random.nextDouble() * 40 : 90 + random.nextDouble() * 70;
            double w = car ? 1.8 * h : 0.42 * h;
            double speed = (car ? 120 : 40) + random.nextDouble() * (car ? 150 : 80);
            double t0 = random.nextDouble() < 0.5 ? 0 : random.nextDouble() * seconds * 0.5;
            // objects leave by walking out of the frame (one that vanished mid-frame a pixel past a line would
            // make the count's truth depend on the last pixel)
            double t1 = seconds;
            double x0;
            double y0 = 80 + random.nextDouble() * (HEIGHT - 160 - h);
            double vx;
            double vy = (random.nextDouble() - 0.5) * speed * 0.3;
            if (k % 4 == 1 && !movers.isEmpty()) {
                // cross the previous object: start where it is at t0 + 3 s mirrored, and meet it
                Mover other = movers.get(movers.size() - 1);
                if (other.className.equals(car ? "car" : "person")) {
                    t0 = other.t0;
                    t1 = seconds;
                    double[] meet = other.at(Math.min(other.t1, t0 + 3));
                    if (meet != null) {
                        vx = -Math.signum(other.vx == 0 ? 1 : other.vx) * speed;
                        x0 = meet[0] - vx * 3;
                        y0 = meet[1] + (random.nextDouble() - 0.5) * h * 0.4;
                        vy = 0;
                        movers.add(new Mover(id, car ? "car" : "person", w, h, t0, t1, x0, y0, vx, vy, 0,
                                Double.POSITIVE_INFINITY, 0));
                        continue;
                    }
                }
            }
            boolean fromLeft = random.nextBoolean();
            // objects appear at the frame's edge, or are there from the start
            boolean enters = t0 > 0 || random.nextDouble() < 0.4;
            if (enters) {
                x0 = fromLeft ? -w * 0.9 : WIDTH - w * 0.1;
            } else {
                x0 = 100 + random.nextDouble() * (WIDTH - 200 - w);
            }
            vx = (fromLeft ? 1 : -1) * speed;
            double curve = random.nextDouble() < 0.3 ? 40 + random.nextDouble() * 60 : 0;
            double stopAt = random.nextDouble() < 0.25 ? t0 + 1 + random.nextDouble() * 3 : Double.POSITIVE_INFINITY;
            double stopFor = 1 + random.nextDouble() * 3;
            movers.add(new Mover(id, car ? "car" : "person", w, h, t0, t1, x0, y0, vx, vy, curve, stopAt, stopFor));
        }

        int count = (int) Math.round(seconds * fps);
        for (int i = 0; i < count; i++) {
            if (i > 0 && random.nextDouble() < skipRate) {
                continue;
            }
            double t = i / fps;
            List<Truth> truth = new ArrayList<>();
            for (Mover m : movers) {
                double[] p = m.at(t);
                if (p == null) {
                    continue;
                }
                double l = Math.max(0, p[0]);
                double top = Math.max(0, p[1]);
                double r = Math.min(WIDTH, p[0] + m.w);
                double b = Math.min(HEIGHT, p[1] + m.h);
                if (r - l < m.w * 0.4 || b - top < m.h * 0.4) {
                    continue; // mostly outside the frame
                }
                truth.add(new Truth(m.id, m.className, l, top, r - l, b - top, false));
            }
            truth = hideOccluded(truth);
            frames.add(new Frame(i, t, truth, detections(truth, noise, random)));
        }
    }

    /** Marks objects more than half covered by a nearer one (lower foot) as hidden. */
    private static List<Truth> hideOccluded(List<Truth> truth) {
        List<Truth> out = new ArrayList<>();
        for (Truth a : truth) {
            double covered = 0;
            for (Truth b : truth) {
                if (b != a && b.footY() > a.footY()) {
                    covered = Math.max(covered, overlap(a, b) / (a.w * a.h));
                }
            }
            out.add(covered > 0.5 ? new Truth(a.id, a.className, a.x, a.y, a.w, a.h, true) : a);
        }
        return out;
    }

    private static double overlap(Truth a, Truth b) {
        double w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
        double h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
        return w > 0 && h > 0 ? w * h : 0;
    }

    private static List<Detection> detections(List<Truth> truth, Noise noise, Random random) {
        List<Detection> out = new ArrayList<>();
        for (Truth g : truth) {
            if (g.hidden || random.nextDouble() < noise.missRate) {
                continue;
            }
            double jx = noise.jitter * g.w;
            double jy = noise.jitter * g.h;
            double x = g.x + random.nextGaussian() * jx;
            double y = g.y + random.nextGaussian() * jy;
            double w = g.w * (1 + random.nextGaussian() * noise.jitter);
            double h = g.h * (1 + random.nextGaussian() * noise.jitter);
            double score = clamp(0.7 + random.nextGaussian() * noise.scoreSpread, 0.11, 0.99);
            out.add(new Detection(x, y, w, h, g.className, score));
        }
        int falsePositives = poisson(noise.falsePositivesPerFrame, random);
        for (int k = 0; k < falsePositives; k++) {
            double h = 40 + random.nextDouble() * 120;
            double w = h * (0.4 + random.nextDouble() * 1.4);
            out.add(new Detection(random.nextDouble() * (WIDTH - w), random.nextDouble() * (HEIGHT - h), w, h,
                    random.nextBoolean() ? "person" : "car", 0.1 + random.nextDouble() * random.nextDouble() * 0.5));
        }
        // a detector reports by score, not by object
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out;
    }

    private static int poisson(double mean, Random random) {
        double limit = Math.exp(-mean);
        double p = random.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    List<Frame> frames() {
        return frames;
    }

    /** The ground truth in MOTChallenge rows (frames 1-based); hidden objects as "do not consider" (conf 0). */
    List<MotBox> truthRows() {
        List<MotBox> rows = new ArrayList<>();
        for (Frame f : frames) {
            for (Truth g : f.truth()) {
                rows.add(new MotBox(f.index() + 1, g.id(), g.x(), g.y(), g.w(), g.h(), g.hidden() ? 0 : 1));
            }
        }
        return rows;
    }

    /** Tracks every frame with {@code tracker} and returns its output as MOTChallenge rows. */
    List<MotBox> track(Tracker tracker) {
        List<MotBox> rows = new ArrayList<>();
        for (Frame f : frames) {
            for (Track t : tracker.update(f.time(), f.detections()).active()) {
                Detection d = t.detection();
                rows.add(new MotBox(f.index() + 1, t.id(), d.x(), d.y(), d.width(), d.height(), d.score()));
            }
        }
        return rows;
    }
}
