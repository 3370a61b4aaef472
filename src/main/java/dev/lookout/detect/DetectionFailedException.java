package dev.lookout.detect;

/** ONNX Runtime failed while running the model on a frame (out of memory, a broken CUDA device, ...). */
public final class DetectionFailedException extends RuntimeException {

    /** Wraps the runtime's failure with a message saying what was being done. */
    public DetectionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
