package dev.lookout.cli;

import dev.lookout.capture.FfmpegFrameSource;
import dev.lookout.capture.MediaFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the {@code detect} command's INPUT arguments into images and videos, in order. */
final class DetectInputs {

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
            String invalid = PathArguments.problem(argument);
            if (invalid != null) {
                inputs.add(new Unusable(argument, invalid));
                continue;
            }
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                inputs.addAll(folder(argument, path));
            } else if (!Files.exists(path)) {
                inputs.add(new Unusable(argument, "no such file or folder"));
            } else if (MediaFiles.kind(path) == MediaFiles.Kind.VIDEO) {
                inputs.add(new Video(argument));
            } else {
                inputs.add(new Image(path, false));
            }
        }
        return inputs;
    }

    private static List<Input> folder(String argument, Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            List<Input> images = children
                    .filter(p -> Files.isRegularFile(p) && MediaFiles.hasImageExtension(p))
                    .sorted()
                    .<Input>map(p -> new Image(p, true))
                    .toList();
            if (images.isEmpty()) {
                return List.of(new Unusable(argument, "folder holds no images ("
                        + MediaFiles.imageExtensionList() + ")"));
            }
            return images;
        } catch (IOException e) {
            return List.of(new Unusable(argument, "cannot list folder: " + e.getMessage()));
        }
    }
}
