package dev.lookout.store;

import dev.lookout.event.ObjectEvent;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The one thread that writes the store, so callers never wait for the disk. Two bounded inboxes:
 * <ul>
 * <li><b>Events are coalesced by id</b>: each change carries the event's whole state, so a newer state replaces a
 * pending older one and a slow disk costs only intermediate states, never an event, a start or an end. Up to
 * {@code maxPendingEvents} distinct events can wait; a change for yet another event beyond that is refused, counted
 * and reported (memory stays flat even if the disk is gone). A failed write keeps its events pending and is
 * retried with a growing pause (disk full: retention or the user may free space).</li>
 * <li><b>Other work</b> (recording notes, thumbnails, retention passes) waits in a FIFO of {@code maxTasks};
 * what does not fit is refused, counted and reported. Nothing there is irreplaceable: a file whose note was
 * refused is indexed from the disk when the store next opens.</li>
 * </ul>
 * Pending events are written (in one transaction) before the tasks submitted after them. When a write fails on a
 * full disk, the pending events also go to the {@link EventJournal} (made beforehand, so writing it takes no new
 * space), and what is still pending when the store closes stays there, to be written when the store next opens.
 */
final class StoreWriter implements AutoCloseable {

    /** Writes a batch of events in the transaction the writer opened. */
    interface EventBatch {
        void write(Connection db, List<ObjectEvent> events) throws SQLException;
    }

    /** One piece of work on the writer's connection (auto-commit on: it makes its own transactions). */
    interface Task {
        void run(Connection db) throws Exception;
    }

    private static final long FIRST_RETRY_MS = 500;
    private static final long LAST_RETRY_MS = 30_000;
    private static final long WARN_EVERY_MS = 10_000;

    private final Connection db;
    private final EventBatch batch;
    private final DiskSpace disk;
    private final EventJournal journal;
    private final Consumer<String> warnings;
    private final int maxPendingEvents;
    private final int maxTasks;
    private final LinkedHashMap<String, ObjectEvent> events = new LinkedHashMap<>();
    private final ArrayDeque<Task> tasks = new ArrayDeque<>();
    private final Thread thread;
    private final StoreStats.Counters counters = new StoreStats.Counters();
    private boolean busy;
    /** Events the writer has taken from the queue and is writing: still waiting for the disk, for the stats. */
    private int writing;
    private boolean closing;
    private long lastWarning = Long.MIN_VALUE / 2;

    /**
     * @param disk the storage folder's disk, to tell a full disk from other failures
     * @param journal where events wait on a full disk, or null for none (they then wait in memory only)
     */
    StoreWriter(Connection db, EventBatch batch, DiskSpace disk, EventJournal journal, Consumer<String> warnings,
            int maxPendingEvents, int maxTasks) {
        this.db = db;
        this.batch = batch;
        this.disk = disk;
        this.journal = journal;
        this.warnings = warnings;
        this.maxPendingEvents = maxPendingEvents;
        this.maxTasks = maxTasks;
        this.thread = new Thread(this::loop, "lookout-store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the event's latest state; never blocks. */
    void event(ObjectEvent event) {
        synchronized (this) {
            counters.changes++;
            if (closing) {
                counters.eventsRefused++;
            } else if (events.containsKey(event.id())) {
                events.put(event.id(), event);
                counters.coalesced++;
                notifyAll();
                return;
            } else if (events.size() < maxPendingEvents) {
                events.put(event.id(), event);
                notifyAll();
                return;
            } else {
                counters.eventsRefused++;
            }
        }
        warn("event " + event.id() + " refused: " + maxPendingEvents + " events are waiting for the disk");
    }

    /** Queues {@code task}; never blocks. Returns false (counted, reported) when the queue is full or closing. */
    boolean submit(Task task) {
        synchronized (this) {
            if (!closing && tasks.size() < maxTasks) {
                tasks.add(task);
                notifyAll();
                return true;
            }
            counters.tasksRefused++;
        }
        warn("store work refused: " + maxTasks + " tasks are waiting for the disk");
        return false;
    }

    /** Runs {@code task} on the writer and waits for it (for callers that need the result, never the pipeline). */
    <T> T call(TaskWithResult<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (!submit(db -> {
            try {
                result.complete(task.run(db));
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        })) {
            throw new StoreException("the store's writer is closed or busy; try again");
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** A task that returns a value. */
    interface TaskWithResult<T> {
        T run(Connection db) throws Exception;
    }

    /**
     * Waits until nothing is queued (written, or reported as failed). While the disk refuses writes the events stay
     * queued and this waits: for tests and orderly shutdowns, never for the pipeline.
     */
    synchronized void flush() throws InterruptedException {
        while (busy || !tasks.isEmpty() || !events.isEmpty()) {
            wait(100);
            if (!thread.isAlive()) {
                return;
            }
        }
    }

    synchronized StoreStats stats() {
        return counters.snapshot(events.size() + writing, tasks.size());
    }

    private void loop() {
        long retryMs = FIRST_RETRY_MS;
        while (true) {
            List<ObjectEvent> eventBatch;
            List<Task> taskBatch;
            synchronized (this) {
                busy = false;
                writing = 0;
                notifyAll();
                while (events.isEmpty() && tasks.isEmpty() && !closing) {
                    waitQuietly(0);
                }
                if (events.isEmpty() && tasks.isEmpty()) {
                    return; // closing and drained
                }
                busy = true;
                eventBatch = new ArrayList<>(events.values());
                writing = eventBatch.size();
                events.clear();
                taskBatch = new ArrayList<>(tasks);
                tasks.clear();
            }
            if (!eventBatch.isEmpty() && !writeEvents(eventBatch)) {
                boolean full = disk.isFull();
                List<ObjectEvent> pending;
                synchronized (this) {
                    requeue(eventBatch, taskBatch);
                    writing = 0;
                    pending = full || closing ? new ArrayList<>(events.values()) : List.of();
                }
                int journaled = full || closing ? journal(pending) : 0;
                synchronized (this) {
                    if (closing) {
                        int lost = events.size() - journaled;
                        counters.eventsRefused += lost;
                        warnNow(journaled > 0 ? journaled + " events that the database could not take are kept in "
                                + journal.file() + " and written to the store when it next opens with space"
                                + (lost > 0 ? "; " + lost + " did not fit and are lost" : "")
                                : events.size() + " events could not be written before closing the store"
                                        + (full ? ": " + disk.fullMessage() : ""));
                        events.clear();
                        tasks.clear();
                        return;
                    }
                    long retryAt = System.currentTimeMillis() + retryMs;
                    for (long left = retryMs; left > 0 && !closing; left = retryAt - System.currentTimeMillis()) {
                        waitQuietly(left); // new events wake the writer, but a failing disk gets its pause
                    }
                }
                retryMs = Math.min(LAST_RETRY_MS, retryMs * 2);
                continue;
            }
            if (!eventBatch.isEmpty() && journal != null && journal.holdsEvents()) {
                boolean drained;
                synchronized (this) {
                    drained = events.isEmpty();
                }
                if (drained) {
                    try {
                        journal.clear();
                    } catch (IOException e) {
                        warn("cannot clear " + journal.file() + ": " + dev.lookout.Failures.reason(e));
                    }
                }
            }
            retryMs = FIRST_RETRY_MS;
            for (Task task : taskBatch) {
                try {
                    task.run(db);
                } catch (Exception | LinkageError e) {
                    synchronized (this) {
                        counters.failures++;
                    }
                    warn("store work failed: " + describe(e));
                }
            }
        }
    }

    private boolean writeEvents(List<ObjectEvent> batchEvents) {
        try {
            db.setAutoCommit(false);
            try {
                batch.write(db, batchEvents);
                db.commit();
            } finally {
                db.setAutoCommit(true);
            }
            synchronized (this) {
                counters.eventsWritten += batchEvents.size();
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            try {
                db.rollback();
            } catch (SQLException ignored) {
                // the failure below is the one to report
            }
            synchronized (this) {
                counters.failures++;
            }
            warn("cannot write " + batchEvents.size() + " events (will retry): "
                    + (disk.isFull() ? disk.fullMessage() : describe(e)));
            return false;
        }
    }

    /** Saves {@code pending} in the journal; returns how many it holds (0 without a journal, or on failure). */
    private int journal(List<ObjectEvent> pending) {
        if (journal == null || pending.isEmpty()) {
            return 0;
        }
        try {
            return journal.save(pending);
        } catch (IOException e) {
            warnNow("cannot keep " + pending.size() + " waiting events in " + journal.file() + ": "
                    + dev.lookout.Failures.reason(e));
            return 0;
        }
    }

    /** Puts a failed batch back in front, keeping any newer state that arrived meanwhile. */
    private void requeue(List<ObjectEvent> failed, List<Task> failedTasks) {
        LinkedHashMap<String, ObjectEvent> merged = new LinkedHashMap<>();
        for (ObjectEvent e : failed) {
            merged.put(e.id(), e);
        }
        merged.putAll(events);
        events.clear();
        events.putAll(merged);
        for (int i = failedTasks.size() - 1; i >= 0; i--) {
            tasks.addFirst(failedTasks.get(i));
        }
    }

    private void waitQuietly(long ms) {
        try {
            wait(ms);
        } catch (InterruptedException e) {
            closing = true;
        }
    }

    private void warn(String message) {
        long now = System.currentTimeMillis();
        synchronized (this) {
            if (now - lastWarning < WARN_EVERY_MS) {
                return;
            }
            lastWarning = now;
        }
        warnNow(message);
    }

    /** Reports {@code message} even within {@link #WARN_EVERY_MS} of the last one: for what happens once. */
    private void warnNow(String message) {
        StoreStats stats;
        synchronized (this) {
            stats = counters.snapshot(events.size() + writing, tasks.size());
        }
        warnings.accept("store: " + message + " (" + stats.summary() + ")");
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Writes what is queued (retrying failed writes no more), stops the thread and closes the connection. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        Database.close(db);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
