package dev.lookout.live;

import dev.lookout.capture.Frame;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Several {@link FrameTap}s behind the pipeline's single tap: the recording, the event monitor and the snapshot
 * trigger each add and remove themselves while frames flow. Thread-safe; a tap that throws does not keep the frame
 * from the others.
 */
public final class FrameTaps implements FrameTap {

    private final CopyOnWriteArrayList<FrameTap> taps = new CopyOnWriteArrayList<>();

    /** Adds {@code tap} (once). */
    public void add(FrameTap tap) {
        taps.addIfAbsent(tap);
    }

    /** Removes {@code tap}; a call already in progress finishes. */
    public void remove(FrameTap tap) {
        taps.remove(tap);
    }

    @Override
    public void onFrame(Frame frame, LiveDetections latest) {
        RuntimeException first = null;
        for (FrameTap t : taps) {
            try {
                t.onFrame(frame, latest);
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
