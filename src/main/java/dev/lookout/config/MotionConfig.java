package dev.lookout.config;

import java.util.List;

/**
 * The motion gate of one camera: detection runs only on frames with motion (or while objects are tracked).
 *
 * @param enabled false runs detection on every frame (up to the rate cap)
 * @param threshold how much (1..255) a pixel's grey level must change between frames to count as moving
 * @param minArea the fraction (0..1) of the frame that must move for the frame to count as motion
 * @param masks areas where motion is ignored (a clock, trees, a road)
 */
public record MotionConfig(boolean enabled, int threshold, double minArea, List<Polygon> masks) {

    /** Motion on, threshold 25, 0.2 % of the frame, no masks. */
    public static final MotionConfig DEFAULTS = new MotionConfig(true, 25, 0.002, List.of());

    public MotionConfig {
        masks = List.copyOf(masks);
    }
}
