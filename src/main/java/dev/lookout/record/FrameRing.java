package dev.lookout.record;

import dev.lookout.capture.Frame;
import dev.lookout.detect.Detection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last few seconds of frames (copies, with their detections) for an event's pre-roll. Bounded twice: by
 * media time and by bytes, so a large or fast source shortens the pre-roll instead of exhausting memory.
 * Not thread-safe.
 */
final class FrameRing implements AutoCloseable {

    /** A frame this ring owns, with its detections. */
    record Entry(Frame frame, List<Detection> detections) {
    }

    private final long spanMicros;
    private final long maxBytes;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long bytes;

    FrameRing(long spanMicros, long maxBytes) {
        this.spanMicros = spanMicros;
        this.maxBytes = maxBytes;
    }

    /** Keeps a copy of {@code frame}, then forgets frames older than the span or beyond the byte budget. */
    void add(Frame frame, List<Detection> detections) {
        if (spanMicros <= 0 || maxBytes <= 0) {
            return;
        }
        Frame copy = frame.copy();
        entries.addLast(new Entry(copy, List.copyOf(detections)));
        bytes += bytesOf(copy);
        long newest = copy.timestampMicros();
        while (!entries.isEmpty() && (newest - entries.peekFirst().frame().timestampMicros() > spanMicros
                || (bytes > maxBytes && entries.size() > 1))) {
            Entry old = entries.pollFirst();
            bytes -= bytesOf(old.frame());
            old.frame().close();
        }
    }

    /** Hands every kept frame, oldest first, to the caller (who must close them) and empties the ring. */
    List<Entry> drain() {
        List<Entry> all = new ArrayList<>(entries);
        entries.clear();
        bytes = 0;
        return all;
    }

    /** Frames kept now. */
    int size() {
        return entries.size();
    }

    /** Bytes of pixels kept now. */
    long bytes() {
        return bytes;
    }

    /** Releases every kept frame. */
    @Override
    public void close() {
        for (Entry e : drain()) {
            e.frame().close();
        }
    }

    private static long bytesOf(Frame f) {
        return (long) f.width() * f.height() * 3;
    }
}
