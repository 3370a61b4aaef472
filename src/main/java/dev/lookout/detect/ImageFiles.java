package dev.lookout.detect;

import dev.lookout.capture.OpenCv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Reads still images into BGR {@code Mat}s with OpenCV, failing with a reason a user can act on: a missing file,
 * a file that is not an image, a truncated JPEG or PNG (which OpenCV would otherwise half-decode with grey rows).
 */
public final class ImageFiles {

    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    private ImageFiles() {
    }

    /**
     * Decodes an image file to an 8-bit BGR {@code Mat} that the caller must release, within the
     * {@link ImageLimits#defaults() default limits}.
     *
     * @throws IOException saying why the file cannot be used
     */
    public static Mat read(Path file) throws IOException {
        return read(file, ImageLimits.defaults());
    }

    /**
     * Decodes an image file to an 8-bit BGR {@code Mat} that the caller must release. Only a regular file of at
     * most {@code limits.maxBytes()} is read, and only one whose header declares at most
     * {@code limits.maxPixels()} is decoded.
     *
     * @throws IOException saying why the file cannot be used, naming it
     */
    public static Mat read(Path file, ImageLimits limits) throws IOException {
        OpenCv.load();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new IOException(file + " is a folder, not an image");
            }
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            if (!Files.isRegularFile(file)) {
                throw new IOException(file + ": not a regular file (a device, pipe or socket), so not an image");
            }
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw new IOException(file + ": the file is " + ImageLimits.bytes(size) + "; image files over "
                        + ImageLimits.bytes(limits.maxBytes()) + " are not read (-Dlookout.maxImageBytes=N raises it)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
            }
            if (bytes.length > limits.maxBytes()) {
                throw new IOException(file + ": the file grew past " + ImageLimits.bytes(limits.maxBytes())
                        + " while it was read");
            }
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new IOException(file + ": permission denied", e);
        }
        return decode(bytes, file.toString(), limits);
    }

    /**
     * Decodes image bytes (JPEG, PNG, BMP, ...) to an 8-bit BGR {@code Mat} that the caller must release, within
     * the default pixel limit.
     *
     * @param name how to call the image in messages
     * @throws IOException when the bytes are empty, truncated, too large or not an image OpenCV can decode
     */
    public static Mat decode(byte[] bytes, String name) throws IOException {
        return decode(bytes, name, ImageLimits.defaults());
    }

    private static Mat decode(byte[] bytes, String name, ImageLimits limits) throws IOException {
        OpenCv.load();
        if (bytes.length == 0) {
            throw new IOException(name + ": empty file");
        }
        ImageHeader.Size declared = ImageHeader.read(bytes);
        if (declared != null && declared.pixels() > limits.maxPixels()) {
            throw new IOException(name + ": the image declares " + declared.width() + "x" + declared.height()
                    + " pixels (" + ImageLimits.megapixels(declared.pixels()) + "), over the limit of "
                    + ImageLimits.megapixels(limits.maxPixels()) + "; if it is genuine, raise the limit with "
                    + limits.raiseHint());
        }
        if (declared != null && declared.pixels() > ImageLimits.DECODABLE_PIXELS) {
            throw tooLargeToDecode(name, declared.width(), declared.height());
        }
        if (declared != null && (declared.width() <= 0 || declared.height() <= 0)) {
            throw new IOException(name + ": the image declares " + declared.width() + "x" + declared.height()
                    + " pixels: a broken header");
        }
        if (isJpeg(bytes) && !JpegStructure.isComplete(bytes)) {
            throw new IOException(name + ": truncated JPEG (the file ends before its end-of-image marker)");
        }
        if (isPng(bytes) && !endsWith(bytes, PNG_END)) {
            throw new IOException(name + ": truncated PNG (no IEND chunk at the end of the file)");
        }
        Mat image;
        MatOfByte encoded = new MatOfByte(bytes);
        try {
            image = Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_COLOR);
        } catch (RuntimeException e) { // OpenCV's own limits and decoder errors arrive as CvException
            throw new IOException(name + ": cannot be decoded: " + e.getMessage().lines().findFirst().orElse(""), e);
        } finally {
            OpenCv.release(encoded);
        }
        if (image.empty()) {
            OpenCv.release(image);
            throw new IOException(name + ": not an image OpenCV can decode (corrupt, or not JPEG/PNG/BMP/...)");
        }
        if (image.total() > ImageLimits.DECODABLE_PIXELS) { // a format whose header ImageHeader does not read
            int width = image.cols();
            int height = image.rows();
            OpenCv.release(image);
            throw tooLargeToDecode(name, width, height);
        }
        return image;
    }

    /** The limit no option raises: the frame would not fit the arrays the detector copies it into. */
    private static IOException tooLargeToDecode(String name, long width, long height) {
        return new IOException(name + " is " + width + "x" + height + " pixels ("
                + ImageLimits.megapixels(width * height) + "), more than this build can decode ("
                + ImageLimits.megapixels(ImageLimits.DECODABLE_PIXELS) + "); scale it down");
    }

    private static boolean isJpeg(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }

    private static boolean isPng(byte[] b) {
        return b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean endsWith(byte[] bytes, byte[] suffix) {
        // Tolerate trailing padding some writers add after IEND by searching the last kilobyte.
        int from = Math.max(0, bytes.length - 1024 - suffix.length);
        outer:
        for (int i = bytes.length - suffix.length; i >= from; i--) {
            for (int j = 0; j < suffix.length; j++) {
                if (bytes[i + j] != suffix[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Walks a JPEG's marker segments to see whether its end-of-image marker is there. */
    static final class JpegStructure {

        private JpegStructure() {
        }

        /** True when the stream reaches EOI (FFD9) through its segments and entropy-coded data. */
        static boolean isComplete(byte[] b) {
            int i = 2; // after SOI
            while (i + 1 < b.length) {
                if ((b[i] & 0xFF) != 0xFF) {
                    return false; // lost sync: not a well-formed stream
                }
                int marker = b[i + 1] & 0xFF;
                if (marker == 0xFF) {
                    i++; // fill byte
                    continue;
                }
                if (marker == 0xD9) {
                    return true;
                }
                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    i += 2; // markers without a length
                    continue;
                }
                if (i + 3 >= b.length) {
                    return false;
                }
                int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
                i += 2 + length;
                if (marker == 0xDA) {
                    // Entropy-coded data: runs until a marker that is not stuffing (FF00) or a restart (FFD0-D7).
                    while (i + 1 < b.length) {
                        if ((b[i] & 0xFF) == 0xFF) {
                            int next = b[i + 1] & 0xFF;
                            if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                                break;
                            }
                        }
                        i++;
                    }
                }
            }
            return false;
        }
    }
}
