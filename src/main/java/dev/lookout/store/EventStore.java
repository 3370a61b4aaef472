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
    private final StoreWriter writer;
    private final Retention retention;
    private final Reconciler.Report recovery;
    private final ScheduledExecutorService schedule;

    private EventStore(StorageLayout layout, StoreOptions options, FileChannel lockChannel, FileLock lock,
            Connection db, Reconciler.Report recovery) {
        this.layout = layout;
        this.options = options;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.recovery = recovery;
        this.retention = new Retention(layout, options.retention(), options.warnings());
        this.writer = new StoreWriter(db, this::writeEvents, options.warnings(), options.maxPendingEvents(),
                options.maxTasks());
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
            Reconciler.Report recovery = new Reconciler(layout).run(db, true, 0);
            if (recovery.changedAnything()) {
                options.warnings().accept("store: " + layout.root() + " made to agree with its files: " + recovery.summary());
            }
            return new EventStore(layout, options, channel, lock, db, recovery);
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

    /** Sets the thumbnail of the event {@code id}; returns at once. */
    public boolean thumbnail(String id, Path file) {
        return writer.submit(db -> {
            try (PreparedStatement s = db.prepareStatement("UPDATE events SET thumbnail = ? WHERE id = ?")) {
                s.setString(1, layout.stored(file));
                s.setString(2, id);
                s.executeUpdate();
            }
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
