package dev.lookout.capture;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a source from what the user typed: a camera index ({@code 0}, or {@code /dev/video0}), a stream URL
 * ({@code rtsp://}, {@code http(s)://}, {@code udp://}, ...), an image file or a folder of images, or a video file.
 */
public final class FrameSources {

    private static final Pattern CAMERA_INDEX = Pattern.compile("\\d{1,3}");
    private static final Pattern LINUX_CAMERA = Pattern.compile("/dev/video(\\d{1,3})");
    /** The highest camera index {@link #listCameras()} tries. */
    public static final int MAX_CAMERA_INDEX = 9;

    private FrameSources() {
    }

    /** The kind of source a spec names, decided without opening it. */
    public enum Kind {
        /** A local camera by index. */
        CAMERA,
        /** A network stream opened by FFmpeg. */
        STREAM,
        /** One image or a folder of images. */
        IMAGES,
        /** A video file opened by FFmpeg. */
        VIDEO_FILE
    }

    /**
     * Decides what {@code spec} names: a digit is a camera, a URL a stream, an image file or any folder images,
     * anything else a video file (which {@link #open} then checks).
     */
    public static Kind kindOf(String spec) {
        String s = spec.strip();
        if (CAMERA_INDEX.matcher(s).matches() || LINUX_CAMERA.matcher(s).matches()) {
            return Kind.CAMERA;
        }
        if (FfmpegFrameSource.isUrl(s)) {
            return Kind.STREAM;
        }
        Path path = toPath(s);
        if (path != null && (Files.isDirectory(path) || MediaFiles.kind(path) == MediaFiles.Kind.IMAGE)) {
            return Kind.IMAGES;
        }
        return Kind.VIDEO_FILE;
    }

    /**
     * Opens the source {@code spec} names, ready to read: files and images paced (unless {@code options.fast()})
     * and looping when asked; cameras and streams reconnecting (unless {@code options.reconnect()} is off).
     *
     * @throws IOException with a message for the user: "no such file: ...", "no camera at index 0 ...",
     *     "cannot open stream rtsp://***@host/...: Connection refused", ...
     */
    public static FrameSource open(String spec, SourceOptions options) throws IOException {
        if (spec == null || spec.isBlank()) {
            throw new IOException("no source given: name a camera index, a video or image file, a folder or a URL");
        }
        String s = spec.strip();
        return switch (kindOf(s)) {
            case CAMERA -> live(() -> CameraFrameSource.open(cameraIndex(s), options.cameraSize()), options);
            case STREAM -> live(() -> FfmpegFrameSource.openUrl(s, options.networkTimeout()), options);
            case IMAGES -> {
                Path path = existing(s);
                yield PacedFrameSource.open(() -> ImageFrameSource.open(path, options.imageInterval()),
                        !options.fast(), options.loop());
            }
            case VIDEO_FILE -> {
                Path path = existing(s);
                yield PacedFrameSource.open(() -> FfmpegFrameSource.openFile(path), !options.fast(), options.loop());
            }
        };
    }

    /** The camera indices 0..{@link #MAX_CAMERA_INDEX} that open, in order (quick when there are none). */
    public static List<Integer> listCameras() {
        return CameraFrameSource.availableCameras(MAX_CAMERA_INDEX);
    }

    private static FrameSource live(SourceOpener opener, SourceOptions options) throws IOException {
        return options.reconnect() ? ReconnectingFrameSource.open(opener, options) : opener.open();
    }

    private static int cameraIndex(String s) {
        Matcher linux = LINUX_CAMERA.matcher(s);
        return Integer.parseInt(linux.matches() ? linux.group(1) : s);
    }

    private static Path existing(String s) throws IOException {
        Path path = toPath(s);
        if (path == null) {
            throw new IOException("not a valid file name: " + s);
        }
        if (!Files.exists(path)) {
            throw new IOException("no such file: " + path);
        }
        return path;
    }

    /** A path from a plain path or a {@code file:} URL; null when it is neither. */
    private static Path toPath(String s) {
        try {
            if (s.regionMatches(true, 0, "file:", 0, 5)) {
                return Path.of(URI.create(s));
            }
            return Path.of(s);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) { // incl. InvalidPathException
            return null;
        }
    }
}
