package dev.lookout.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The one rule for what a file is, used by {@code detect}, {@code live} and {@code bench}: an image or a video,
 * first by its extension, and for an unknown extension by its first bytes (an image format's signature makes it an
 * image; anything else is handed to FFmpeg as a video, which knows far more containers than any list).
 */
public final class MediaFiles {

    /** File name extensions read as images (lower case, without the dot). */
    public static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "jpe", "png", "bmp", "dib", "webp",
            "tif", "tiff", "pbm", "pgm", "ppm", "pnm", "jp2");

    /** File name extensions read as videos. */
    public static final Set<String> VIDEO_EXTENSIONS = Set.of("avi", "mp4", "m4v", "mkv", "mov", "webm", "mpg",
            "mpeg", "wmv", "flv", "ts", "mts", "m2ts", "3gp", "mjpeg", "mjpg", "ogv", "h264", "h265", "hevc", "gif");

    /** What a file holds. */
    public enum Kind {
        IMAGE, VIDEO
    }

    private MediaFiles() {
    }

    /** True if the file name ends in one of {@link #IMAGE_EXTENSIONS} (any case); a folder's listing uses this. */
    public static boolean hasImageExtension(Path file) {
        return IMAGE_EXTENSIONS.contains(extension(file));
    }

    /** The kind of an existing file: by extension, else by its signature (unreadable or unknown: video). */
    public static Kind kind(Path file) {
        String ext = extension(file);
        if (IMAGE_EXTENSIONS.contains(ext)) {
            return Kind.IMAGE;
        }
        if (VIDEO_EXTENSIONS.contains(ext)) {
            return Kind.VIDEO;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        } catch (IOException e) {
            return Kind.VIDEO; // FFmpeg will name the problem when it tries to open it
        }
        return looksLikeImage(head) ? Kind.IMAGE : Kind.VIDEO;
    }

    /** The sorted image extensions as a list for messages: {@code bmp, dib, jp2, ...}. */
    public static String imageExtensionList() {
        return String.join(", ", IMAGE_EXTENSIONS.stream().sorted().toList());
    }

    /** True when the bytes start with the signature of an image format OpenCV decodes. */
    static boolean looksLikeImage(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return true; // JPEG
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return true; // PNG
        }
        if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
            return true; // BMP
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return true; // WebP (RIFF....AVI is a video)
        }
        if (b.length >= 4 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0)
                || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42))) {
            return true; // TIFF
        }
        if (b.length >= 3 && b[0] == 'P' && b[1] >= '1' && b[1] <= '6' && Character.isWhitespace(b[2])) {
            return true; // PBM, PGM, PPM
        }
        return b.length >= 12 && b[4] == 'j' && b[5] == 'P' && b[6] == ' ' && b[7] == ' '; // JPEG 2000
    }

    private static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
