package dev.lookout.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to open an {@link EventStore}.
 *
 * @param storage the storage folder (created if missing)
 * @param retention what to keep, applied every {@link RetentionPolicy#interval()}
 * @param warnings where the store reports what went wrong (refused work, failed writes, retention limits): one
 *     line each, rate-limited; called from the store's threads
 * @param maxPendingEvents distinct events that may wait for the disk before new ones are refused
 * @param maxTasks other writes (recording notes, thumbnails, retention) that may wait
 */
public record StoreOptions(Path storage, RetentionPolicy retention, Consumer<String> warnings, int maxPendingEvents,
        int maxTasks) {

    public StoreOptions {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(warnings, "warnings");
        if (maxPendingEvents < 1 || maxTasks < 1) {
            throw new IllegalArgumentException("queue sizes must be at least 1");
        }
    }

    /** Keep everything, warnings on stderr, room for 10,000 waiting events and 1,000 other writes. */
    public static StoreOptions defaults(Path storage) {
        return new StoreOptions(storage, RetentionPolicy.KEEP_ALL, System.err::println, 10_000, 1_000);
    }

    public StoreOptions retention(RetentionPolicy value) {
        return new StoreOptions(storage, value, warnings, maxPendingEvents, maxTasks);
    }

    public StoreOptions warnings(Consumer<String> value) {
        return new StoreOptions(storage, retention, value, maxPendingEvents, maxTasks);
    }

    public StoreOptions queues(int events, int tasks) {
        return new StoreOptions(storage, retention, warnings, events, tasks);
    }
}
