package dev.lookout.store;

import dev.lookout.Failures;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventSink;
import dev.lookout.event.ObjectEvent;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The event store of one storage folder ({@link StorageLayout}): SQLite in WAL mode, written by one thread
 * ({@link StoreWriter}), with retention applied periodically and crash recovery on open ({@link Reconciler}).
 *
 * <p>One process writes a storage folder at a time: opening takes {@code lookout.lock} and fails with a clear
 * message if another process holds it. Readers ({@link StoreReader}) need no lock. As an {@link EventSink} it never
 * blocks and never throws: each change's latest state is queued and written as the event's row; the event's clip
 * and snapshot, when inside the storage folder, are indexed as recordings so retention manages them.
 */
public final class EventStore implements EventSink, AutoCloseable {

    private final StorageLayout layout;
    private final StoreOptions options;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EventJournal journal;
    private final StoreWriter writer;
    private final Retention retention;
    private final Reconciler.Report recovery;
    private final ScheduledExecutorService schedule;

    private EventStore(StorageLayout layout, StoreOptions options, FileChannel lockChannel, FileLock lock,
            Connection db, Reconciler.Report recovery, EventJournal journal, List<ObjectEvent> waiting) {
        this.layout = layout;
        this.options = options;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.recovery = recovery;
        this.retention = new Retention(layout, options.retention(), options.warnings());
        this.journal = journal;
        this.writer = new StoreWriter(db, this::writeEvents, new DiskSpace(layout.root()), journal,
                options.warnings(), options.maxPendingEvents(), options.maxTasks());
        waiting.forEach(writer::event); // the journal's events that the disk could not take yet
        this.schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lookout-store-retention");
            t.setDaemon(true);
            return t;
        });
        long every = options.retention().interval().toMillis();
        schedule.scheduleWithFixedDelay(this::scheduledPrune, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens (creating if needed) the store in {@code options.storage()}, upgrades its schema, and recovers from
     * an unclean stop: see {@link Reconciler}.
     *
     * @throws StoreException when the folder cannot be used, another process writes it, or the file is not a
     *     Lookout store; the message says which and what to do
     */
    public static EventStore open(StoreOptions options) throws StoreException {
        StorageLayout layout = new StorageLayout(options.storage());
        FileChannel channel = null;
        FileLock lock = null;
        Connection db = null;
        try {
            Files.createDirectories(layout.root());
            channel = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.tryLock();
            if (lock == null) {
                throw new StoreException("the store in " + layout.root() + " is in use by another Lookout process "
                        + "(a monitor?): stop it, or only read the store");
            }
            db = Database.openWriter(layout);
            EventJournal journal = openJournal(layout, options.warnings());
            try {
                List<ObjectEvent> waiting = replayJournal(db, layout, journal, options.warnings());
                Reconciler.Report recovery = new Reconciler(layout).run(db, true, 0);
                if (recovery.changedAnything()) {
                    options.warnings().accept("store: " + layout.root() + " made to agree with its files: "
                            + recovery.summary());
                }
                return new EventStore(layout, options, channel, lock, db, recovery, journal, waiting);
            } catch (SQLException | RuntimeException e) {
                if (journal != null) {
                    journal.close();
                }
                throw e;
            }
        } catch (OverlappingFileLockException e) {
            closeAll(db, channel);
            throw new StoreException("the store in " + layout.root() + " is already open in this process");
        } catch (FileAlreadyExistsException e) {
            closeAll(db, channel);
            throw new StoreException("cannot use the storage folder " + layout.root() + ": " + e.getFile()
                    + " exists and is not a folder", e);
        } catch (AccessDeniedException e) {
            closeAll(db, channel);
            throw new StoreException("cannot use the storage folder " + layout.root() + ": permission denied on "
                    + e.getFile(), e);
        } catch (IOException e) {
            closeAll(db, channel);
            throw new StoreException("cannot use the storage folder " + layout.root() + ": " + Failures.describe(e), e);
        } catch (SQLException e) {
            closeAll(db, channel);
            throw Database.failure(layout, e);
        } catch (StoreException e) {
            closeAll(db, channel);
            throw e;
        }
    }

    private static EventJournal openJournal(StorageLayout layout, java.util.function.Consumer<String> warnings) {
        try {
            long size = Files.isRegularFile(layout.journal()) ? Files.size(layout.journal())
                    : EventJournal.sizeFor(new DiskSpace(layout.root()).usableBytes());
            return EventJournal.open(layout.journal(), Math.max(EventJournal.MIN_BYTES, size));
        } catch (IOException e) {
            warnings.accept("store: " + e.getMessage() + "; events that meet a full disk will wait in memory only, "
                    + "and those still waiting at the stop are lost: free space on the disk of " + layout.root());
            return null;
        }
    }

    /**
     * Writes the events a run left in the journal (the disk was full as it stopped) and empties it; returns the
     * events still waiting when the disk is still full (they stay in the journal too). Runs before the
     * {@link Reconciler}, so an event the journal holds open is closed as one whose end is unknown, at the time the
     * journal was last written.
     */
    private static List<ObjectEvent> replayJournal(Connection db, StorageLayout layout, EventJournal journal,
            java.util.function.Consumer<String> warnings) {
        if (journal == null || !journal.holdsEvents()) {
            return List.of();
        }
        List<ObjectEvent> waiting;
        Instant saved;
        try {
            waiting = journal.events();
            saved = Files.getLastModifiedTime(journal.file()).toInstant();
        } catch (IOException | IllegalArgumentException e) {
            warnings.accept("store: cannot read " + journal.file() + ": " + e.getMessage());
            return List.of();
        }
        try {
            db.setAutoCommit(false);
            try {
                for (ObjectEvent e : waiting) {
                    EventRows.upsert(db, layout, e, saved);
                }
                db.commit();
            } finally {
                db.setAutoCommit(true);
            }
            journal.clear();
            warnings.accept("store: " + waiting.size() + " events kept in " + journal.file()
                    + " while the disk was full are now in the store");
            return List.of();
        } catch (SQLException | IOException e) {
            try {
                db.rollback();
            } catch (SQLException ignored) {
                // reported below
            }
            warnings.accept("store: " + waiting.size() + " events kept in " + journal.file() + " cannot be written "
                    + "yet (" + new DiskSpace(layout.root()).fullMessage() + "); they wait in it");
            return waiting;
        }
    }

    /** Queues the change's latest state of the event; returns at once. */
    @Override
    public void onEvent(EventChange change) {
        try {
            writer.event(change.after());
        } catch (RuntimeException e) {
            options.warnings().accept("store: event " + change.after().id() + " not stored: " + e);
        }
    }

    /** Notes a file (a continuous recording as it starts or ends, a clip, a snapshot); returns at once. */
    public boolean addRecording(Recording recording) {
        return writer.submit(db -> RecordingRows.upsert(db, layout, recording));
    }

    /** Notes that {@code file} is complete at {@code end}; its size is measured then. Returns at once. */
    public boolean recordingFinished(Path file, Instant end) {
        return writer.submit(db -> {
            if (Files.isRegularFile(file)) {
                RecordingRows.finish(db, layout.stored(file), end, Files.size(file));
            }
        });
    }

    /**
     * Sets the clip and snapshot of the event {@code id} (a null leaves that column as it is) and indexes them,
     * for files that appear after the event's last change; returns at once.
     */
    public boolean eventFiles(String id, Path clip, Path snapshot) {
        return writer.submit(db -> {
            try (PreparedStatement s = db.prepareStatement("UPDATE events SET clip = coalesce(?, clip), "
                    + "snapshot = coalesce(?, snapshot) WHERE id = ?")) {
                s.setString(1, clip == null ? null : layout.stored(clip));
                s.setString(2, snapshot == null ? null : layout.stored(snapshot));
                s.setString(3, id);
                s.executeUpdate();
            }
            index(db, snapshot, null, null);
        });
    }

    /**
     * Sets where the event {@code id} is in its clip, in milliseconds from the clip's first frame ({@code toMs}
     * null: to the clip's end, while the event lasts); returns at once. Call it after the event's change has been
     * handed to the store, so that its row exists.
     */
    public boolean clipSpan(String id, long fromMs, Long toMs) {
        return writer.submit(db -> {
            try (PreparedStatement s = db.prepareStatement(
                    "UPDATE events SET clip_from_ms = ?, clip_to_ms = ? WHERE id = ?")) {
                s.setLong(1, fromMs);
                if (toMs == null) {
                    s.setNull(2, java.sql.Types.INTEGER);
                } else {
                    s.setLong(2, toMs);
                }
                s.setString(3, id);
                s.executeUpdate();
            }
        });
    }

    /** Adds crossings and entries (each {@code bucket} is when it happened) to the stored counts; returns at once. */
    public boolean addCounts(List<StoredCount> counts) {
        if (counts.isEmpty()) {
            return true;
        }
        List<StoredCount> copy = List.copyOf(counts);
        return writer.submit(db -> CountRows.add(db, copy));
    }

    /** Sets the thumbnail of the event {@code id} and indexes it; returns at once. */
    public boolean thumbnail(String id, Path file) {
        return writer.submit(db -> {
            try (PreparedStatement s = db.prepareStatement("UPDATE events SET thumbnail = ? WHERE id = ?")) {
                s.setString(1, layout.stored(file));
                s.setString(2, id);
                s.executeUpdate();
            }
            index(db, file, null, null);
        });
    }

    /** Applies the retention policy once, now, and waits for it (after every write queued before the call). */
    public RetentionReport prune() throws Exception {
        return writer.call(retention::run);
    }

    /** Applies {@code policy} once instead of the store's own (e.g. limits given on the command line). */
    public RetentionReport prune(RetentionPolicy policy) throws Exception {
        return writer.call(new Retention(layout, policy, options.warnings())::run);
    }

    /** Queues work for the writer thread (package tests use it to hold the writer as a stalled disk would). */
    boolean submit(StoreWriter.Task task) {
        return writer.submit(task);
    }

    /** Waits until every write queued before the call is done. */
    public void flush() throws InterruptedException {
        writer.flush();
    }

    public StoreReader reader() {
        return new StoreReader(layout);
    }

    public StorageLayout layout() {
        return layout;
    }

    public StoreStats stats() {
        return writer.stats();
    }

    /** What the last open repaired. */
    public String recoverySummary() {
        return recovery.summary();
    }

    private void scheduledPrune() {
        writer.submit(db -> {
            RetentionReport report = retention.run(db);
            if (report.bytesFreed() > 0) {
                options.warnings().accept("store: retention " + report.summary());
            }
        });
    }

    private void writeEvents(Connection db, List<ObjectEvent> events) throws SQLException {
        Instant now = Instant.now();
        for (ObjectEvent e : events) {
            EventRows.upsert(db, layout, e, now);
            index(db, e.clip(), e.start(), e.end());
            index(db, e.snapshot(), null, null);
        }
    }

    /** Indexes a file of an event as a recording; a clip spans the event, other files their modification time. */
    private void index(Connection db, Path file, Instant start, Instant end) throws SQLException {
        if (file == null) {
            return;
        }
        var place = layout.place(file);
        if (place.isEmpty()) {
            return; // outside the storage folder's layout: not the store's to manage
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            Instant modified = a.lastModifiedTime().toInstant();
            RecordingRows.upsert(db, layout, new Recording(place.get().camera(), file, place.get().kind(),
                    start == null ? modified : start, start == null ? modified : end, a.size()));
        } catch (IOException notYetWritten) {
            // the writer has not created it yet: the next reconcile indexes it
        }
    }

    /**
     * Stops retention, writes everything queued, closes the database and releases the folder. Events the pipeline
     * has not ended stay open in the file and are closed, with their end marked unknown, when the store next opens.
     */
    @Override
    public void close() {
        schedule.shutdownNow();
        try {
            schedule.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.close();
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException ignored) {
                // forced after every write: nothing is left to lose
            }
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeAll(null, lockChannel);
    }

    private static void closeAll(Connection db, FileChannel channel) {
        Database.close(db);
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }
}
