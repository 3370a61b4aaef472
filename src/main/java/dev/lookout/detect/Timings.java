package dev.lookout.detect;

/**
 * Where one {@code detect} call spent its time, in nanoseconds.
 *
 * @param preprocessNanos pixels to input tensor (colour order, copy)
 * @param inferenceNanos ONNX Runtime's {@code run}
 * @param postprocessNanos best class, suppression, boxes to pixels
 */
public record Timings(long preprocessNanos, long inferenceNanos, long postprocessNanos) {

    /** The sum of the three stages. */
    public long totalNanos() {
        return preprocessNanos + inferenceNanos + postprocessNanos;
    }
}
