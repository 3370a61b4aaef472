package dev.lookout.notify;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed-capacity hand-off from a caller that must never wait (the pipeline) to a sink's own thread: {@link #offer}
 * returns at once and counts what did not fit as dropped.
 *
 * @param <T> the queued items
 */
public final class BoundedQueue<T> {

    private final BlockingQueue<T> queue;
    private final AtomicLong dropped = new AtomicLong();

    /** A queue holding at most {@code capacity} items (at least 1). */
    public BoundedQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a queue needs room for at least one item, got " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Queues {@code item} if there is room, else drops it and counts it; never blocks. */
    public boolean offer(T item) {
        if (queue.offer(item)) {
            return true;
        }
        dropped.incrementAndGet();
        return false;
    }

    /** The next item, waiting at most {@code timeoutMillis}; null if none came. */
    public T poll(long timeoutMillis) throws InterruptedException {
        return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Counts an item that was taken but had to be given up (e.g. it could not be delivered). */
    public void countDropped() {
        dropped.incrementAndGet();
    }

    /** Items dropped so far. */
    public long dropped() {
        return dropped.get();
    }

    /** Items waiting now. */
    public int size() {
        return queue.size();
    }
}
