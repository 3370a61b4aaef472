package dev.lookout.store;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * Connections to the store's SQLite file. The writer's connection uses WAL, so readers (the query API, a
 * {@code lookout events} run beside {@code monitor}) never wait for it nor it for them; {@code synchronous=NORMAL}
 * in WAL keeps every commit across a process crash ({@code kill -9}) and the file uncorrupted across a power cut
 * (which may cost the last commits).
 */
final class Database {

    private static final int BUSY_TIMEOUT_MS = 5_000;

    private Database() {
    }

    /** The one writing connection: creates the file and brings its schema to the current version. */
    static Connection openWriter(StorageLayout layout) throws StoreException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        Connection db = null;
        try {
            db = config.createConnection("jdbc:sqlite:" + layout.database());
            Schema.migrate(db);
            return db;
        } catch (SQLException e) {
            close(db);
            throw failure(layout, e);
        } catch (StoreException e) {
            close(db);
            throw e;
        }
    }

    /** A read-only connection to an existing store at the current schema version. */
    static Connection openReader(StorageLayout layout) throws StoreException {
        if (!Files.isRegularFile(layout.database())) {
            throw new StoreException("no event store in " + layout.root() + " (" + layout.database().getFileName()
                    + " not found): check --storage, or run monitor first");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        Connection db = null;
        try {
            db = readOnly(config, layout);
            int version = Schema.version(db);
            if (version != Schema.CURRENT) {
                close(db);
                throw new StoreException(layout.database() + " is at schema version " + version + ", this Lookout "
                        + "reads version " + Schema.CURRENT + (version < Schema.CURRENT
                                ? ": open it once for writing (monitor, or events --prune) to upgrade it"
                                : ": use the newer Lookout that made it"));
            }
            return db;
        } catch (SQLException e) {
            close(db);
            throw failure(layout, e);
        }
    }

    /**
     * A read-only connection, also to a copy on read-only media or in a folder this user cannot write: SQLite's WAL
     * mode needs to create {@code lookout.db-shm} even to read, so where the folder cannot take it the file is
     * opened as immutable (no writer can be at work there; what a crashed writer left in the WAL is not seen).
     */
    private static Connection readOnly(SQLiteConfig config, StorageLayout layout) throws SQLException {
        Connection db = null;
        try {
            db = config.createConnection("jdbc:sqlite:" + layout.database());
            Schema.version(db); // the first read is where SQLite finds it cannot make the shared-memory file
            return db;
        } catch (SQLException e) {
            close(db);
            if (Files.isWritable(layout.root()) && !readOnlyFileSystem(layout)) {
                throw e;
            }
            config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
            return config.createConnection("jdbc:sqlite:" + layout.database().toUri() + "?immutable=1");
        }
    }

    private static boolean readOnlyFileSystem(StorageLayout layout) {
        try {
            return Files.getFileStore(layout.root()).isReadOnly();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static StoreException failure(StorageLayout layout, SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new StoreException("cannot use the event store " + layout.database() + ": " + message, e);
    }

    static void close(Connection db) {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException ignored) {
                // closing after a failure: the first failure is the one reported
            }
        }
    }
}
