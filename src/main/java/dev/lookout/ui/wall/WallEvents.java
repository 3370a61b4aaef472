package dev.lookout.ui.wall;

import dev.lookout.event.EventChange;
import dev.lookout.event.EventSink;
import dev.lookout.event.ObjectEvent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.SwingUtilities;

/**
 * Every camera's object events in the wall's {@link WallEventList}. A sink of the monitor: called on the pipeline's
 * threads, it only queues the change (a bounded queue; what does not fit is dropped and counted) and asks the
 * event thread, once per batch, to show the newest state of each event queued.
 */
final class WallEvents implements EventSink {

    static final int QUEUE = 512;

    private final WallEventList list;
    private final BlockingQueue<ObjectEvent> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final Map<String, String> shown = new HashMap<>(); // event thread: the line shown of each open event

    WallEvents(WallEventList list) {
        this.list = list;
    }

    @Override
    public void onEvent(EventChange change) {
        if (!queue.offer(change.after())) {
            dropped.incrementAndGet();
        }
        if (scheduled.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(this::drain);
        }
    }

    /** Updates come with every detected frame of a tracked object: an entry whose line would not change is left. */
    private void drain() {
        scheduled.set(false);
        Map<String, ObjectEvent> newest = new LinkedHashMap<>();
        ObjectEvent e;
        while ((e = queue.poll()) != null) {
            newest.put(e.id(), e);
        }
        for (ObjectEvent event : newest.values()) {
            String line = WallEventList.describe(event) + event.clip() + event.snapshot();
            if (!line.equals(shown.get(event.id()))) {
                list.update(event);
            }
            if (event.isOver()) {
                shown.remove(event.id()); // an ended event changes no more: the map holds only open events
            } else {
                shown.put(event.id(), line);
            }
        }
    }

    /** Changes dropped because the event thread fell behind by more than {@link #QUEUE}. */
    long dropped() {
        return dropped.get();
    }
}
