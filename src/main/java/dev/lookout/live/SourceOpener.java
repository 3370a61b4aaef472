package dev.lookout.live;

import dev.lookout.capture.FrameSource;
import java.io.IOException;

/**
 * Opens a frame source; the pipeline calls it on its capture thread (opening a camera or a URL can take seconds)
 * and again to loop a file or to reconnect a live source.
 */
@FunctionalInterface
public interface SourceOpener {

    /** Opens the source, or fails with a message that names the source and the problem. */
    FrameSource open() throws IOException;
}
