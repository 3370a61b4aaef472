package dev.lookout.ui;

import dev.lookout.live.LivePipeline;
import java.util.concurrent.ExecutorService;
import javax.swing.JFrame;

/**
 * The pieces of the live window that its controllers share: what it was started with, its pipeline and its
 * components. Components are used on the event thread only; {@code worker} runs what must not block it.
 *
 * @param worker one background thread for slow work (stopping a source, probing cameras, writing snapshots)
 */
record WindowParts(LiveConfig config, LivePipeline pipeline, JFrame frame, VideoView video, OverlayView overlay,
        ControlBar controls, Banner banner, StatusBar status, EventsPanel events, ExecutorService worker) {

    /** The message of a failure for the user: its message, or its type when it has none. */
    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
