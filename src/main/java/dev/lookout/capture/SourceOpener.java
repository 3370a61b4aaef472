package dev.lookout.capture;

import java.io.IOException;

/** Opens a fresh instance of one source: how the looping and reconnecting decorators start it again. */
@FunctionalInterface
public interface SourceOpener {

    /** Opens the source; the caller owns and closes it. */
    FrameSource open() throws IOException;
}
