package dev.lookout.detect;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.lookout.capture.OpenCv;
import java.nio.ByteBuffer;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * The model's input pixels: an image converted to packed RGB bytes ({@code [H, W, 3]}) in one direct buffer that
 * is reused between frames and grows only when a frame is larger than any before. OpenCV writes the colour
 * conversion straight into that buffer, which ONNX Runtime then reads without a copy.
 */
final class RgbInputBuffer implements ModelInput {

    private ByteBuffer buffer = ByteBuffer.allocateDirect(0);
    private Mat view;          // a Mat header over buffer for the current frame size
    private int viewWidth = -1;
    private int viewHeight = -1;

    @Override
    public OnnxTensor tensor(OrtEnvironment env, Mat image) throws OrtException {
        ByteBuffer rgb = fill(image);
        return OnnxTensor.createTensor(env, rgb, new long[] {1, image.rows(), image.cols(), 3}, OnnxJavaType.UINT8);
    }

    /**
     * Converts {@code image} (8-bit BGR, BGRA or grey) to RGB and returns the bytes: a buffer of exactly
     * {@code width × height × 3} bytes, valid until the next call.
     *
     * @throws IllegalArgumentException when the image is empty or not 8-bit with 1, 3 or 4 channels
     */
    ByteBuffer fill(Mat image) {
        OpenCv.load();
        int code = conversionFor(image);
        int width = image.cols();
        int height = image.rows();
        long bytes = (long) width * height * 3;
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("image too large: " + width + "×" + height);
        }
        if (width != viewWidth || height != viewHeight) {
            reshape(width, height, (int) bytes);
        }
        long address = view.dataAddr();
        Imgproc.cvtColor(image, view, code);
        if (view.dataAddr() != address) {
            // OpenCV reallocates a destination of the wrong shape; ours always fits, so this would be a bug.
            throw new IllegalStateException("colour conversion did not write into the input buffer");
        }
        return buffer.duplicate().position(0).limit((int) bytes).slice();
    }

    private static int conversionFor(Mat image) {
        if (image.empty()) {
            throw new IllegalArgumentException("empty image");
        }
        if (image.depth() != CvType.CV_8U || image.dims() != 2) {
            throw new IllegalArgumentException("expected an 8-bit image, got " + CvType.typeToString(image.type()));
        }
        return switch (image.channels()) {
            case 3 -> Imgproc.COLOR_BGR2RGB;
            case 4 -> Imgproc.COLOR_BGRA2RGB;
            case 1 -> Imgproc.COLOR_GRAY2RGB;
            default -> throw new IllegalArgumentException("expected 1, 3 or 4 channels, got " + image.channels());
        };
    }

    private void reshape(int width, int height, int bytes) {
        if (view != null) {
            OpenCv.release(view);
            view = null;
        }
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(bytes);
        }
        view = new Mat(height, width, CvType.CV_8UC3, buffer);
        viewWidth = width;
        viewHeight = height;
    }

    @Override
    public int capacity() {
        return buffer.capacity();
    }

    /** Releases the Mat header; the direct buffer goes with the garbage collector. Idempotent. */
    @Override
    public void close() {
        if (view != null) {
            OpenCv.release(view);
            view = null;
        }
        viewWidth = -1;
        viewHeight = -1;
    }
}
