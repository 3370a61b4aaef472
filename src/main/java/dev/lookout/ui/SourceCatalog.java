package dev.lookout.ui;

import dev.lookout.live.PlaybackOptions;
import dev.lookout.capture.SourceOpener;
import java.util.List;

/** What the window knows about sources: how to open a spec, how to name it, which cameras exist. */
public interface SourceCatalog {

    /** An opener for {@code spec} (a camera index, a file, a folder of images, a URL); it opens lazily. */
    SourceOpener opener(String spec, PlaybackOptions playback);

    /** A name for the status bar and messages, with any credentials masked. */
    String describe(String spec);

    /** True when {@code spec} selects a camera (a camera index). */
    boolean isCamera(String spec);

    /** The indices of the cameras that open; slow (it probes devices), so never called on the event thread. */
    List<Integer> cameras();
}
