package dev.lookout.monitor;

import dev.lookout.capture.Frame;
import dev.lookout.capture.OpenCv;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventSink;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import dev.lookout.store.EventStore;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.opencv.core.Mat;

/**
 * Each object event's own pictures ({@link SnapshotFiles}): the frame where <em>that</em> object's score peaked,
 * with its box, and a thumbnail cropped around it. The detected frame is lent by the scheduler's thread while it
 * tracks ({@link #lend}); an event's first change, and each change that raises its top score by {@link #MIN_GAIN},
 * copies the frame for the writer's thread, at most once per {@link #MIN_INTERVAL_NANOS} per event. The pipeline
 * never waits: at most {@link #PENDING} frames wait, one per event (a newer peak replaces the waiting one, whose
 * copy is released); past that an improvement is dropped and counted. A file exists whole before anything names
 * it: once written, the store's row gets the snapshot and thumbnail and the event's later changes carry the
 * snapshot.
 *
 * <p>Ownership: each copied {@link Mat} belongs to its pending job and is released by whoever removes the job
 * (the writer after writing, a replacement, or {@link #close}). {@link #close} writes what waits, then stops.
 */
final class EventSnapshots implements AutoCloseable {

    static final double MIN_GAIN = 0.02;
    static final long MIN_INTERVAL_NANOS = 1_000_000_000L;
    static final int PENDING = 8;
    /** Events remembered (open ones, and ended ones until their last picture is written); the oldest go first. */
    static final int LIMIT = 1000;

    private record Job(ObjectEvent event, Mat frame) {
    }

    private static final class Known {
        double queuedScore = -1;
        long queuedNanos;
        Path written;
        boolean ended;
    }

    private final SnapshotFiles files;
    private final EventStore store;
    private final Consumer<String> problems;
    private final Map<String, Known> known = new LinkedHashMap<>(); // guarded by this
    private final Map<String, Job> pending = new LinkedHashMap<>(); // guarded by this
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private Frame lent; // scheduler thread only
    private boolean closed; // guarded by this

    EventSnapshots(Path folder, EventStore store, Consumer<String> problems) {
        this.files = new SnapshotFiles(folder);
        this.store = store;
        this.problems = problems;
        this.writer = new Thread(this::writeLoop, "lookout-snapshots-" + folder.getFileName());
        writer.setDaemon(true);
        writer.start();
    }

    /** Runs {@code tracking} with {@code frame} lent for the event changes it makes (the caller keeps the frame). */
    void lend(Frame frame, Runnable tracking) {
        lent = frame;
        try {
            tracking.run();
        } finally {
            lent = null;
        }
    }

    /** {@code next} with each change's snapshot added once it is written; a new peak is queued for writing. */
    EventSink attaching(EventSink next) {
        return change -> {
            Taken taken = take(change);
            next.onEvent(taken.change());
            if (taken.peak() != null) {
                queue(taken.peak()); // after the change has reached the store: the row exists before its files
            }
        };
    }

    /** Improvements dropped because {@link #PENDING} frames were waiting (for the health figures and tests). */
    long dropped() {
        return dropped.get();
    }

    /** A change with its written snapshot, and a copy of the lent frame when it is a peak worth keeping. */
    private record Taken(EventChange change, Job peak) {
    }

    private synchronized Taken take(EventChange change) {
        ObjectEvent a = change.after();
        Known k = known.computeIfAbsent(a.id(), id -> new Known());
        long now = System.nanoTime();
        // the first sighting always (its score may be below the peak seen before the event was confirmed),
        // then each new peak worth it
        boolean worth = change.type() != EventType.END && lent != null && (k.queuedScore < 0
                || a.score() >= a.topScore() && a.score() >= k.queuedScore + MIN_GAIN
                        && now - k.queuedNanos >= MIN_INTERVAL_NANOS);
        Job peak = null;
        if (worth && !closed) {
            peak = new Job(a, lent.image().clone());
            k.queuedScore = a.score();
            k.queuedNanos = now;
        }
        if (change.type() == EventType.END) {
            k.ended = true;
            if (!pending.containsKey(a.id())) {
                known.remove(a.id());
            }
        }
        trim();
        if (k.written == null || k.written.equals(a.snapshot())) {
            return new Taken(change, peak);
        }
        ObjectEvent with = new ObjectEvent(a.id(), a.camera(), a.trackId(), a.className(), a.start(), a.end(),
                a.score(), a.topScore(), a.box(), a.zones(), a.lines(), a.stationary(), k.written, a.clip());
        return new Taken(new EventChange(change.type(), change.before(), with), peak);
    }

    private synchronized void queue(Job job) {
        String id = job.event().id();
        Job waiting = pending.remove(id);
        if (closed || waiting == null && pending.size() >= PENDING) {
            dropped.incrementAndGet();
            OpenCv.release(job.frame());
            return;
        }
        if (waiting != null) {
            OpenCv.release(waiting.frame());
        }
        pending.put(id, job);
        notifyAll();
    }

    private void writeLoop() {
        while (true) {
            Job job;
            synchronized (this) {
                while (pending.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (pending.isEmpty()) {
                    return;
                }
                Iterator<Job> first = pending.values().iterator();
                job = first.next();
                first.remove();
            }
            write(job);
        }
    }

    private void write(Job job) {
        ObjectEvent e = job.event();
        SnapshotFiles.Written w;
        try {
            w = files.write(e, job.frame());
        } catch (java.io.IOException | RuntimeException ex) {
            problems.accept("cannot write the snapshot of event " + e.id() + ": " + ex.getMessage());
            return;
        } finally {
            OpenCv.release(job.frame());
        }
        store.eventFiles(e.id(), null, w.snapshot());
        store.thumbnail(e.id(), w.thumbnail());
        synchronized (this) {
            Known k = known.get(e.id());
            if (k != null) {
                k.written = w.snapshot();
                if (k.ended && !pending.containsKey(e.id())) {
                    known.remove(e.id());
                }
            }
        }
    }

    private void trim() {
        Iterator<String> oldest = known.keySet().iterator();
        while (known.size() > LIMIT && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    /** Writes the pictures that wait, then stops the writer; idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            pending.values().forEach(j -> OpenCv.release(j.frame()));
            pending.clear();
        }
    }
}
