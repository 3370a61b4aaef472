package dev.lookout.notify.mqtt;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The latest value of every retained state topic (counts, line totals, snapshots, discovery) and which of them the
 * broker has not seen yet. Only the newest value of a topic is ever sent, so an outage never replays stale counts,
 * and memory is bounded by the number of topics rather than by the number of updates. Thread-safe: the pipeline
 * writes, the publisher's thread reads.
 */
final class RetainedState {

    private final Map<String, byte[]> values = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();

    /** Sets {@code topic}'s value; it is marked for publishing only if it changed. Returns true if it changed. */
    boolean put(String topic, byte[] payload) {
        byte[] old = values.put(topic, payload);
        if (old != null && Arrays.equals(old, payload)) {
            return false;
        }
        dirty.add(topic);
        return true;
    }

    /** True if {@code topic} has a value. */
    boolean has(String topic) {
        return values.containsKey(topic);
    }

    /** The current value of {@code topic}, or null. */
    byte[] get(String topic) {
        return values.get(topic);
    }

    /** Marks every topic accepted by {@code which} for publishing again (after a reconnect, say). */
    void markDirty(Predicate<String> which) {
        values.keySet().stream().filter(which).forEach(dirty::add);
    }

    /** Marks {@code topic} for publishing again (its last attempt failed). */
    void markDirty(String topic) {
        if (values.containsKey(topic)) {
            dirty.add(topic);
        }
    }

    /** Takes one topic waiting to be published, or null if the broker has them all. */
    String takeDirty() {
        Iterator<String> it = dirty.iterator();
        while (it.hasNext()) {
            String topic = it.next();
            if (dirty.remove(topic)) {
                return topic;
            }
        }
        return null;
    }

    /** Topics waiting to be published. */
    int dirtyCount() {
        return dirty.size();
    }

    /** All topics with a value. */
    Set<String> topics() {
        return Set.copyOf(values.keySet());
    }
}
