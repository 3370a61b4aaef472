package dev.lookout.track.metrics;

/**
 * One row of a MOTChallenge text file: a box of one object in one frame.
 *
 * @param frame the frame number, 1-based as in MOTChallenge
 * @param id the object's (ground truth) or track's (hypothesis) id
 * @param x left edge in pixels
 * @param y top edge in pixels
 * @param width width in pixels
 * @param height height in pixels
 * @param confidence the detection score (hypotheses) or the "consider" flag (ground truth: 0 = ignore)
 */
public record MotBox(int frame, long id, double x, double y, double width, double height, double confidence) {
}
