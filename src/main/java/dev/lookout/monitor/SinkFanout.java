package dev.lookout.monitor;

import dev.lookout.event.EventChange;
import dev.lookout.event.EventSink;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Hands each event change to every sink in turn. The sinks it is given return at once (the store, MQTT and
 * webhooks each keep a bounded queue of their own and drop and count what does not fit), so the pipeline never
 * waits; a sink that throws is reported and counted, and the others still get the change.
 */
final class SinkFanout implements EventSink {

    private final List<EventSink> sinks;
    private final Consumer<String> problems;
    private final AtomicLong failures = new AtomicLong();

    SinkFanout(List<EventSink> sinks, Consumer<String> problems) {
        this.sinks = List.copyOf(sinks);
        this.problems = problems;
    }

    @Override
    public void onEvent(EventChange change) {
        for (EventSink sink : sinks) {
            try {
                sink.onEvent(change);
            } catch (RuntimeException e) {
                if (failures.incrementAndGet() == 1 || Long.bitCount(failures.get()) == 1) {
                    problems.accept("an event sink failed (" + failures.get() + " so far): " + e);
                }
            }
        }
    }

    long failures() {
        return failures.get();
    }
}
