package dev.lookout.detect;

/**
 * One detected object, exactly as TF.js's Coco-SSD reports it: {@code bbox = [x, y, width, height]} in the
 * source image's pixels (not clipped: x or y may be negative), the class name, and the score.
 *
 * @param x left edge in pixels
 * @param y top edge in pixels
 * @param width box width in pixels
 * @param height box height in pixels
 * @param className the COCO class name, e.g. {@code person}
 * @param score the class score in (0, 1], the float32 value the model produced
 */
public record Detection(double x, double y, double width, double height, String className, double score) {

    /** The box's right edge, {@code x + width}. */
    public double right() {
        return x + width;
    }

    /** The box's bottom edge, {@code y + height}. */
    public double bottom() {
        return y + height;
    }

    /** The box's area in square pixels (0 for degenerate boxes). */
    public double area() {
        return Math.max(0, width) * Math.max(0, height);
    }
}
