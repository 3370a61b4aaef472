package dev.lookout.detect;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.lookout.capture.OpenCv;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * The model's input when its own resize has been cut off ({@link dev.lookout.onnx.ResizeCut}): the frame
 * resized to the model's fixed size with TF's legacy bilinear ({@code align_corners=false}, no half-pixel centres),
 * as float RGB planes {@code [1, 3, h, w]} with values 0–255, in one pass straight from the BGR bytes.
 *
 * <p>The arithmetic is TF.js's own {@code resizeBilinear} (the reference outputs were made with it): source
 * coordinate = destination × in/out in double precision, the two horizontal interpolations, then the vertical
 * one, rounded once to float32. The float buffer is direct and reused; so are the byte copy of the frame and the
 * column tables (rebuilt only when the frame width changes).
 */
final class ResizedRgbInput implements ModelInput {

    private static final int CHUNK_ROWS = 8;

    private final int outHeight;
    private final int outWidth;
    private final long[] shape;
    private final float[] planes;
    private final FloatBuffer buffer;
    private byte[] pixels = new byte[0];
    private Mat converted;      // scratch for grey, BGRA or non-continuous frames
    private int tableWidth = -1;
    private int[] left;         // per output column: byte offset of the left source pixel in a row
    private int[] right;        // ... and of the right one
    private double[] columnFraction;
    private int inputHeight;
    private int rowBytes;
    private final AtomicInteger nextChunk = new AtomicInteger();
    private final Rows callerRows;
    private final Rows helperRows;
    // A second thread for half the rows: the resize runs while ONNX Runtime's pool is idle.
    private final ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lookout-resize");
        t.setDaemon(true);
        return t;
    });

    ResizedRgbInput(int height, int width) {
        outHeight = height;
        outWidth = width;
        shape = new long[] {1, 3, height, width};
        planes = new float[3 * height * width];
        callerRows = new Rows();
        helperRows = new Rows();
        buffer = ByteBuffer.allocateDirect(planes.length * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Override
    public OnnxTensor tensor(OrtEnvironment env, Mat image) throws OrtException {
        resize(image);
        buffer.clear();
        buffer.put(planes);
        buffer.flip();
        return OnnxTensor.createTensor(env, buffer, shape);
    }

    /** Resizes {@code image} (8-bit BGR, BGRA or grey) into {@link #planes()}. */
    void resize(Mat image) {
        Mat bgr = asContinuousBgr(image);
        int inWidth = bgr.cols();
        int inHeight = bgr.rows();
        int bytes = inWidth * inHeight * 3;
        if (pixels.length < bytes) {
            pixels = new byte[bytes];
        }
        bgr.get(0, 0, pixels);
        if (inWidth != tableWidth) {
            columnTables(inWidth);
        }
        inputHeight = inHeight;
        rowBytes = inWidth * 3;
        nextChunk.set(0);
        Future<?> help = helper.submit(helperRows::run);
        callerRows.run();
        try {
            help.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resizing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("resizing failed", e.getCause());
        }
    }

    /**
     * One thread's share of the output rows: it takes chunks of rows until none are left, so a helper that starts
     * late (the other core busy) leaves its chunks to the caller instead of holding it up.
     */
    private final class Rows implements Runnable {
        // The source rows last interpolated horizontally (R, G, B planes), and which rows they are.
        private double[] topRow = new double[3 * outWidth];
        private double[] bottomRow = new double[3 * outWidth];
        private int topIndex;
        private int bottomIndex;

        @Override
        public void run() {
            topIndex = -1;
            bottomIndex = -1;
            int first;
            while ((first = nextChunk.getAndAdd(CHUNK_ROWS)) < outHeight) {
                for (int y = first, end = Math.min(outHeight, first + CHUNK_ROWS); y < end; y++) {
                    row(y);
                }
            }
        }

        // TF.js interpolates each of the two source rows horizontally, then between them: done here in the same
        // order and precision, each source row's horizontal pass computed once while it is still needed.
        private void row(int y) {
            double sourceRow = (double) inputHeight / outHeight * y;
            int top = (int) Math.floor(sourceRow);
            int bottom = Math.min(inputHeight - 1, (int) Math.ceil(sourceRow));
            double fy = sourceRow - top;
            if (top != topIndex) {
                if (top == bottomIndex) {
                    double[] kept = bottomRow;
                    bottomRow = topRow;
                    bottomIndex = topIndex;
                    topRow = kept;
                } else {
                    horizontal(top * rowBytes, topRow);
                }
                topIndex = top;
            }
            double[] t = topRow;
            double[] b = topRow;
            if (bottom != top) {
                if (bottom != bottomIndex) {
                    horizontal(bottom * rowBytes, bottomRow);
                    bottomIndex = bottom;
                }
                b = bottomRow;
            }
            int plane = outHeight * outWidth;
            for (int c = 0; c < 3; c++) {
                int in = c * outWidth;
                int out = c * plane + y * outWidth;
                for (int x = 0; x < outWidth; x++) {
                    planes[out + x] = (float) (t[in + x] + (b[in + x] - t[in + x]) * fy);
                }
            }
        }
    }

    /** One source row (starting at byte {@code rowStart}) interpolated to the output width: R, G, B planes. */
    private void horizontal(int rowStart, double[] into) {
        byte[] p = pixels;
        int w = outWidth;
        for (int x = 0; x < w; x++) {
            int l = rowStart + left[x];
            int r = rowStart + right[x];
            double fx = columnFraction[x];
            double blue = p[l] & 0xFF;
            double green = p[l + 1] & 0xFF;
            double red = p[l + 2] & 0xFF;
            into[x] = red + ((p[r + 2] & 0xFF) - red) * fx;
            into[w + x] = green + ((p[r + 1] & 0xFF) - green) * fx;
            into[2 * w + x] = blue + ((p[r] & 0xFF) - blue) * fx;
        }
    }

    private void columnTables(int inWidth) {
        left = new int[outWidth];
        right = new int[outWidth];
        columnFraction = new double[outWidth];
        double ratio = (double) inWidth / outWidth;
        for (int x = 0; x < outWidth; x++) {
            double sourceColumn = ratio * x;
            int l = (int) Math.floor(sourceColumn);
            left[x] = l * 3;
            right[x] = Math.min(inWidth - 1, (int) Math.ceil(sourceColumn)) * 3;
            columnFraction[x] = sourceColumn - l;
        }
        tableWidth = inWidth;
    }

    private Mat asContinuousBgr(Mat image) {
        if (image.empty()) {
            throw new IllegalArgumentException("empty image");
        }
        if (image.depth() != CvType.CV_8U || image.dims() != 2) {
            throw new IllegalArgumentException("expected an 8-bit image, got " + CvType.typeToString(image.type()));
        }
        if (image.channels() == 3 && image.isContinuous()) {
            return image;
        }
        OpenCv.load();
        if (converted == null) {
            converted = new Mat();
        }
        switch (image.channels()) {
            case 3 -> image.copyTo(converted);
            case 4 -> Imgproc.cvtColor(image, converted, Imgproc.COLOR_BGRA2BGR);
            case 1 -> Imgproc.cvtColor(image, converted, Imgproc.COLOR_GRAY2BGR);
            default -> throw new IllegalArgumentException("expected 1, 3 or 4 channels, got " + image.channels());
        }
        return converted;
    }

    /** The resized planes of the last call, R then G then B (for tests). */
    float[] planes() {
        return planes;
    }

    @Override
    public int capacity() {
        return pixels.length;
    }

    /** Releases the scratch Mat; idempotent. The buffers go with the garbage collector. */
    @Override
    public void close() {
        helper.shutdown();
        if (converted != null) {
            OpenCv.release(converted);
            converted = null;
        }
    }
}
