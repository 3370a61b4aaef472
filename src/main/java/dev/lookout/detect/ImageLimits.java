package dev.lookout.detect;

import java.util.Locale;

/**
 * How large an image file Lookout reads: at most {@code maxBytes} on disk and {@code maxPixels} as declared by its
 * header, so that one hostile or broken file costs a one-line error instead of the process's memory. The defaults
 * (100 megapixels, 512 MB) let every real camera still through; {@code -Dlookout.maxPixels=N} and
 * {@code -Dlookout.maxImageBytes=N} (or {@code detect --max-pixels}) change them.
 */
public record ImageLimits(long maxPixels, long maxBytes, String raiseHint) {

    /** 100 megapixels: above the largest common camera sensors (61-102 MP medium format). */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    /** 512 MB: far above any real JPEG or PNG of {@link #DEFAULT_MAX_PIXELS}. */
    public static final long DEFAULT_MAX_BYTES = 512L << 20;

    /**
     * The most pixels this build decodes, whatever the limits say: a decoded frame is copied into one Java array
     * of 3 bytes a pixel (at most {@code Integer.MAX_VALUE - 8} bytes, about 715 megapixels), and OpenCV's
     * {@code imdecode} refuses more than {@code OPENCV_IO_MAX_IMAGE_PIXELS} (2^30 unless that variable says less).
     */
    public static final long DECODABLE_PIXELS = Math.min((Integer.MAX_VALUE - 8) / 3, openCvPixelLimit());

    /** How the pixel limit is raised when nothing else says: the system property, which every command reads. */
    public static final String PROPERTY_HINT = "java -Dlookout.maxPixels=N -jar lookout.jar ...";

    /**
     * @param raiseHint how the user running this raises the pixel limit (an option of their command, or
     *     {@link #PROPERTY_HINT}), named in the message that refuses an image
     */
    public ImageLimits {
        if (maxPixels < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("image limits must be positive");
        }
    }

    /** The defaults, or the system properties' values when set. */
    public static ImageLimits defaults() {
        return new ImageLimits(Long.getLong("lookout.maxPixels", DEFAULT_MAX_PIXELS),
                Long.getLong("lookout.maxImageBytes", DEFAULT_MAX_BYTES), PROPERTY_HINT);
    }

    /** These limits with another pixel limit. */
    public ImageLimits withMaxPixels(long value) {
        return new ImageLimits(value, maxBytes, raiseHint);
    }

    /** These limits, raised with {@code hint} (e.g. {@code --max-pixels N}) in what the user runs. */
    public ImageLimits raisedWith(String hint) {
        return new ImageLimits(maxPixels, maxBytes, hint);
    }

    private static long openCvPixelLimit() {
        String value = System.getenv("OPENCV_IO_MAX_IMAGE_PIXELS");
        try {
            return value == null ? 1L << 30 : Math.max(1, Long.parseLong(value.strip()));
        } catch (NumberFormatException ignored) {
            return 1L << 30; // OpenCV itself falls back to its default on a value it cannot parse
        }
    }

    /** {@code 30000×30000} → {@code "900 megapixels"}, for messages. */
    static String megapixels(long pixels) {
        return String.format(Locale.ROOT, pixels >= 10_000_000 ? "%.0f megapixels" : "%.1f megapixels", pixels / 1e6);
    }

    /** {@code 2147483648} → {@code "2.0 GB"}, for messages. */
    static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", n / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.0f MB", n / (double) (1L << 20));
    }
}
