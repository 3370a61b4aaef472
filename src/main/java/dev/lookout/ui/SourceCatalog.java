package dev.lookout.ui;

import dev.lookout.capture.FrameSource;
import dev.lookout.capture.SourceStateListener;
import dev.lookout.live.PlaybackOptions;
import java.io.IOException;
import java.util.List;

/** What the window knows about sources: how to open a spec, how to name it, which cameras exist. */
public interface SourceCatalog {

    /**
     * Opens {@code spec} (a camera index, a file, a folder of images, a URL) ready to play: paced and looped as
     * {@code playback} asks, a camera or stream reconnecting and telling {@code states} its state. Slow (it opens
     * devices and connections), so never called on the event thread.
     */
    FrameSource open(String spec, PlaybackOptions playback, SourceStateListener states) throws IOException;

    /** A name for the status bar and messages, with any credentials masked. */
    String describe(String spec);

    /** True when {@code spec} selects a camera (a camera index). */
    boolean isCamera(String spec);

    /** The indices of the cameras that open; slow (it probes devices), so never called on the event thread. */
    List<Integer> cameras();
}
