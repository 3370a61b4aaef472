package dev.lookout.cli;

import dev.lookout.capture.FfmpegFrameSource;
import dev.lookout.detect.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Expands the {@code detect} command's INPUT arguments into images and videos, in order. */
final class DetectInputs {

    /** File name extensions opened as videos (anything else is read as an image). */
    static final Set<String> VIDEO_EXTENSIONS = Set.of("avi", "mp4", "m4v", "mkv", "mov", "webm", "mpg", "mpeg",
            "wmv", "flv", "ts", "mts", "m2ts", "3gp", "mjpeg", "mjpg", "ogv", "h264", "h265", "hevc");

    /** What one argument stands for. */
    sealed interface Input permits Image, Video, Unusable {
    }

    /** An image file, named in output as {@code source}. */
    record Image(Path file, boolean fromFolder) implements Input {
    }

    /** A video file or stream URL whose frames are detected. */
    record Video(String location) implements Input {
    }

    /** An argument that names nothing usable, with the reason. */
    record Unusable(String argument, String reason) implements Input {
    }

    private DetectInputs() {
    }

    /** The inputs for the arguments: a folder becomes its images sorted by name, a missing path is unusable. */
    static List<Input> expand(List<String> arguments) {
        List<Input> inputs = new ArrayList<>();
        for (String argument : arguments) {
            if (FfmpegFrameSource.isUrl(argument)) {
                inputs.add(new Video(argument));
                continue;
            }
            Path path;
            try {
                path = Path.of(argument);
            } catch (RuntimeException e) {
                inputs.add(new Unusable(argument, "not a valid path"));
                continue;
            }
            if (Files.isDirectory(path)) {
                inputs.addAll(folder(argument, path));
            } else if (!Files.exists(path)) {
                inputs.add(new Unusable(argument, "no such file or folder"));
            } else if (isVideo(path)) {
                inputs.add(new Video(argument));
            } else {
                inputs.add(new Image(path, false));
            }
        }
        return inputs;
    }

    /** True when the file's extension is a video container's. */
    static boolean isVideo(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && VIDEO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static List<Input> folder(String argument, Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            List<Input> images = children
                    .filter(p -> Files.isRegularFile(p) && ImageFiles.hasImageExtension(p))
                    .sorted()
                    .<Input>map(p -> new Image(p, true))
                    .toList();
            if (images.isEmpty()) {
                return List.of(new Unusable(argument, "folder holds no images (" + String.join(", ",
                        ImageFiles.EXTENSIONS.stream().sorted().toList()) + ")"));
            }
            return images;
        } catch (IOException e) {
            return List.of(new Unusable(argument, "cannot list folder: " + e.getMessage()));
        }
    }
}
