package dev.lookout.detect;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import org.opencv.core.Mat;

/**
 * Turns a frame into the model's input tensor, reusing its buffers between frames: the whole image as uint8 RGB
 * ({@link RgbInputBuffer}), or the image already resized to the model's size ({@link ResizedRgbInput}).
 */
sealed interface ModelInput extends AutoCloseable permits RgbInputBuffer, ResizedRgbInput {

    /**
     * The tensor for {@code image} (8-bit BGR, BGRA or grey); the caller closes it. Its data stay valid until the
     * next call.
     *
     * @throws IllegalArgumentException when the image is empty or not 8-bit with 1, 3 or 4 channels
     */
    OnnxTensor tensor(OrtEnvironment env, Mat image) throws OrtException;

    /** Bytes held for frames, for tests: they grow only when a frame is larger than any before. */
    int capacity();

    /** Releases native scratch; idempotent. */
    @Override
    void close();
}
