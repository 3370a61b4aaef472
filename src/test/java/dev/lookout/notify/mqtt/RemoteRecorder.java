package dev.lookout.notify.mqtt;

import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link RemoteEventsListener} for tests that records each node's state and event changes (any thread). */
final class RemoteRecorder implements RemoteEventsListener {

    private final Map<String, Boolean> online = new ConcurrentHashMap<>();
    private final Map<String, List<EventChange>> events = new ConcurrentHashMap<>();

    @Override
    public void event(String node, EventChange change) {
        events.computeIfAbsent(node, n -> new CopyOnWriteArrayList<>()).add(change);
    }

    @Override
    public void nodeState(String node, boolean isOnline) {
        online.put(node, isOnline);
    }

    /** True when the last state heard of {@code node} was online. */
    boolean online(String node) {
        return online.getOrDefault(node, false);
    }

    /** Forgets every node's state (to see which come again). */
    void forgetStates() {
        online.clear();
    }

    /** {@code node}'s event changes so far, in order. */
    List<EventChange> events(String node) {
        return List.copyOf(events.getOrDefault(node, List.of()));
    }

    /** True once an event of {@code node} ended. */
    boolean ended(String node) {
        return events(node).stream().anyMatch(c -> c.type() == EventType.END);
    }
}
