package dev.lookout.store;

/**
 * What the store's writer has done, for health lines and tests.
 *
 * @param changes event changes received from the pipeline
 * @param eventsWritten event rows written (each write carries the latest state of one event)
 * @param coalesced changes folded into a newer state of the same event before they were written
 * @param eventsRefused event changes refused because too many events waited for the disk (reported, never silent)
 * @param tasksRefused other work refused because its queue was full
 * @param failures writes that failed (events are retried; other work is reported)
 * @param pendingEvents events waiting now
 * @param pendingTasks other work waiting now
 */
public record StoreStats(long changes, long eventsWritten, long coalesced, long eventsRefused, long tasksRefused,
        long failures, int pendingEvents, int pendingTasks) {

    /** One line, e.g. {@code 120 changes, 80 written, 40 coalesced, 0 refused, 0 failures, 0 waiting}. */
    public String summary() {
        return changes + " changes, " + eventsWritten + " written, " + coalesced + " coalesced, "
                + (eventsRefused + tasksRefused) + " refused, " + failures + " failures, "
                + (pendingEvents + pendingTasks) + " waiting";
    }

    /** The writer's mutable counters, guarded by the writer's lock. */
    static final class Counters {
        long changes;
        long eventsWritten;
        long coalesced;
        long eventsRefused;
        long tasksRefused;
        long failures;

        StoreStats snapshot(int pendingEvents, int pendingTasks) {
            return new StoreStats(changes, eventsWritten, coalesced, eventsRefused, tasksRefused, failures,
                    pendingEvents, pendingTasks);
        }
    }
}
