package dev.lookout.capture;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** Conversions between OpenCV's BGR {@code Mat} and Java2D's {@code BufferedImage}. */
public final class MatImages {

    private MatImages() {
    }

    /**
     * Copies a BGR (or grey, or BGRA) 8-bit {@code Mat} into a new {@code TYPE_3BYTE_BGR} image.
     * {@code reuse} is filled instead when it has the right size and type, so a video loop allocates nothing.
     */
    public static BufferedImage toBufferedImage(Mat mat, BufferedImage reuse) {
        OpenCv.load();
        Mat bgr = mat;
        Mat converted = null;
        if (mat.channels() == 1) {
            converted = new Mat();
            Imgproc.cvtColor(mat, converted, Imgproc.COLOR_GRAY2BGR);
            bgr = converted;
        } else if (mat.channels() == 4) {
            converted = new Mat();
            Imgproc.cvtColor(mat, converted, Imgproc.COLOR_BGRA2BGR);
            bgr = converted;
        }
        try {
            int w = bgr.cols();
            int h = bgr.rows();
            BufferedImage image = reuse != null && reuse.getWidth() == w && reuse.getHeight() == h
                    && reuse.getType() == BufferedImage.TYPE_3BYTE_BGR
                    ? reuse : new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            if (bgr.isContinuous()) {
                bgr.get(0, 0, data);
            } else {
                Mat packed = bgr.clone();
                try {
                    packed.get(0, 0, data);
                } finally {
                    OpenCv.release(packed);
                }
            }
            return image;
        } finally {
            if (converted != null) {
                OpenCv.release(converted);
            }
        }
    }

    /** Copies any {@code BufferedImage} into a new BGR {@code Mat} that the caller owns. */
    public static Mat toMat(BufferedImage image) {
        OpenCv.load();
        BufferedImage bgr = image;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            var g = bgr.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        byte[] data = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        Mat mat = new Mat(bgr.getHeight(), bgr.getWidth(), CvType.CV_8UC3);
        mat.put(0, 0, data);
        return mat;
    }
}
