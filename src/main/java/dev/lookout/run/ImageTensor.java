package dev.lookout.run;

import dev.lookout.capture.OpenCv;
import dev.lookout.detect.ImageFiles;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * An image file as a model's NHWC input: decoded (within Lookout's image limits), RGB or grey as the input's
 * channel count says, resized bilinearly to the input's size, and each value {@code (pixel * scale - mean) / std}.
 */
public final class ImageTensor {

    /** How pixels become input values: {@code (pixel * scale - mean) / std}, pixels 0–255. */
    public record Normalization(double scale, double mean, double std) {
        /** The pixels as they are. */
        public static final Normalization NONE = new Normalization(1, 0, 1);
    }

    private ImageTensor() {
    }

    /**
     * Reads {@code file} for an input of {@code shape} ({@code [1, H, W, C]}, {@code -1} where dynamic) and
     * {@code type}. {@code width}/{@code height} (0 = the input's own, else the image's) set the size.
     */
    public static Tensor read(Path file, long[] shape, DataType type, int width, int height, Normalization norm)
            throws IOException {
        if (shape.length != 4 || (shape[3] != 1 && shape[3] != 3 && shape[3] != -1)) {
            throw new IOException("the model's input has shape " + java.util.Arrays.toString(shape)
                    + "; an image fits only an [N, H, W, 1 or 3] input: give a .npy tensor instead");
        }
        Mat bgr = ImageFiles.read(file);
        Mat converted = new Mat();
        Mat resized = new Mat();
        try {
            int channels = shape[3] == 1 ? 1 : 3;
            Imgproc.cvtColor(bgr, converted, channels == 1 ? Imgproc.COLOR_BGR2GRAY : Imgproc.COLOR_BGR2RGB);
            int w = width > 0 ? width : shape[2] > 0 ? (int) shape[2] : converted.cols();
            int h = height > 0 ? height : shape[1] > 0 ? (int) shape[1] : converted.rows();
            if ((shape[2] > 0 && w != shape[2]) || (shape[1] > 0 && h != shape[1])) {
                throw new IOException("the model's input is " + shape[2] + "×" + shape[1] + "; --size " + w + "x" + h
                        + " does not fit it");
            }
            if (w != converted.cols() || h != converted.rows()) {
                Imgproc.resize(converted, resized, new Size(w, h), 0, 0, Imgproc.INTER_LINEAR);
            } else {
                converted.copyTo(resized);
            }
            byte[] pixels = new byte[w * h * channels];
            resized.get(0, 0, pixels);
            return tensor(pixels, new long[] {1, h, w, channels}, type, norm);
        } finally {
            OpenCv.release(bgr);
            OpenCv.release(converted);
            OpenCv.release(resized);
        }
    }

    /** Pixels (0–255) as a tensor of {@code type}; integer types are rounded. */
    static Tensor tensor(byte[] pixels, long[] shape, DataType type, Normalization norm) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(pixels.length * type.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (byte p : pixels) {
            double v = ((p & 0xFF) * norm.scale() - norm.mean()) / norm.std();
            switch (type) {
                case FLOAT -> out.putFloat((float) v);
                case DOUBLE -> out.putDouble(v);
                case INT32 -> out.putInt((int) Math.round(v));
                case INT64 -> out.putLong(Math.round(v));
                case UINT8 -> out.put((byte) Math.max(0, Math.min(255, Math.round(v))));
                case BOOL -> throw new IOException("the model's input is bool; give a .npy tensor instead");
            }
        }
        return new Tensor(type, shape, out.array());
    }
}
