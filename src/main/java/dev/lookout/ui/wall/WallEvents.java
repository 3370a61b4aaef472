package dev.lookout.ui.wall;

import dev.lookout.event.EventChange;
import dev.lookout.event.EventSink;
import dev.lookout.event.ObjectEvent;
import dev.lookout.record.MonitorEvent;
import dev.lookout.ui.EventsPanel;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.SwingUtilities;

/**
 * Every camera's object events in the window's {@link EventsPanel}, each entry named {@code camera · class}. A sink
 * of the monitor: called on the pipeline's threads, it only queues the change (a bounded queue; what does not fit
 * is dropped and counted) and asks the event thread, once per batch, to show what is queued.
 */
final class WallEvents implements EventSink {

    static final int QUEUE = 512;

    private final EventsPanel panel;
    private final BlockingQueue<ObjectEvent> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final Map<String, Long> numbers = new HashMap<>(); // event thread only
    private long nextNumber = 1;

    WallEvents(EventsPanel panel) {
        this.panel = panel;
        panel.setTitle("Events · all cameras");
        panel.setEmptyText("No events yet (cameras with watch: classes make them)");
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

    private void drain() {
        scheduled.set(false);
        ObjectEvent e;
        while ((e = queue.poll()) != null) {
            panel.update(entry(e));
        }
    }

    /** Event thread: the panel's entry for {@code e}; the same event keeps its number. */
    private MonitorEvent entry(ObjectEvent e) {
        long number = numbers.computeIfAbsent(e.id(), id -> nextNumber++);
        if (e.isOver()) {
            numbers.remove(e.id()); // an ended event changes no more: the map holds only open events
        }
        ZoneId zone = ZoneId.systemDefault();
        return new MonitorEvent(number, e.start().atZone(zone).toOffsetDateTime(),
                e.end() == null ? null : e.end().atZone(zone).toOffsetDateTime(), 0,
                Set.of(e.camera() + " · " + e.className()), e.topScore(), e.clip(), e.snapshot(), null);
    }

    /** Changes dropped because the event thread fell behind by more than {@link #QUEUE}. */
    long dropped() {
        return dropped.get();
    }
}
