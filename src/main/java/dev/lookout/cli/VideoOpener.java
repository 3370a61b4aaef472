package dev.lookout.cli;

import dev.lookout.capture.FrameSource;
import java.io.IOException;
import java.nio.file.Path;

/** Opens a video file as frames; the {@code detect} command gets FFmpeg's through this. */
@FunctionalInterface
interface VideoOpener {

    /**
     * Opens {@code file}; the caller closes the source.
     *
     * @throws IOException with the reason when the file is not a video FFmpeg can read
     */
    FrameSource open(Path file) throws IOException;
}
