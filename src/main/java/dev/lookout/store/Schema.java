package dev.lookout.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's tables and the migrations between their versions. {@code schema_version} holds one row with the
 * version the file is at; opening a store applies every later migration in order, each in its own transaction, so
 * an interrupted upgrade leaves the file at the last complete version. A file from a newer Lookout is refused.
 *
 * <p>Times are milliseconds since the epoch (UTC); paths are relative to the storage folder when inside it.
 */
final class Schema {

    /**
     * Migration {@code i} takes a file from version {@code i} to {@code i + 1}. Never edit a released step: add
     * one. v1 was the first layout; v2 added what crash recovery and the query API need; v3 each event's span in its
     * clip and the counts.
     */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of("""
                    CREATE TABLE events (
                      id TEXT PRIMARY KEY, camera TEXT NOT NULL, track_id INTEGER NOT NULL, class TEXT NOT NULL,
                      start_ms INTEGER NOT NULL, end_ms INTEGER, score REAL NOT NULL, top_score REAL NOT NULL,
                      box TEXT NOT NULL, zones TEXT NOT NULL, lines TEXT NOT NULL, stationary INTEGER NOT NULL,
                      snapshot TEXT, clip TEXT)""",
                    """
                    CREATE TABLE recordings (
                      file TEXT PRIMARY KEY, camera TEXT NOT NULL, kind TEXT NOT NULL,
                      start_ms INTEGER NOT NULL, end_ms INTEGER, size INTEGER NOT NULL)"""),
            List.of(
                    // set when a crash left the event open: end_ms is then the last time the store heard of it
                    "ALTER TABLE events ADD COLUMN end_unknown INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE events ADD COLUMN thumbnail TEXT",
                    // when the row was last written, for closing events a crash left open
                    "ALTER TABLE events ADD COLUMN updated_ms INTEGER",
                    "CREATE INDEX events_by_start ON events (start_ms)",
                    "CREATE INDEX events_by_camera ON events (camera, start_ms)",
                    "CREATE INDEX events_open ON events (end_ms) WHERE end_ms IS NULL",
                    "CREATE INDEX recordings_by_camera ON recordings (camera, start_ms)",
                    "CREATE INDEX recordings_by_kind ON recordings (kind, start_ms)"),
            List.of(
                    // where the event is in its clip (milliseconds from the clip's first frame): a clip may hold
                    // several events, and playback and export start at the event's own pre-roll
                    "ALTER TABLE events ADD COLUMN clip_from_ms INTEGER",
                    "ALTER TABLE events ADD COLUMN clip_to_ms INTEGER",
                    // crossings and entries per minute: counts that survive restarts, and their history
                    """
                    CREATE TABLE counts (
                      camera TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, direction TEXT NOT NULL,
                      class TEXT NOT NULL, minute_ms INTEGER NOT NULL, n INTEGER NOT NULL,
                      PRIMARY KEY (camera, kind, name, direction, class, minute_ms))""",
                    "CREATE INDEX counts_by_minute ON counts (minute_ms)"));

    /** The version this build writes. */
    static final int CURRENT = MIGRATIONS.size();

    private Schema() {
    }

    /** The file's version: 0 for an empty file. */
    static int version(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet table = s.executeQuery(
                        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
            if (!table.next()) {
                return 0;
            }
        }
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Brings the file to the current version. */
    static void migrate(Connection db) throws SQLException, StoreException {
        migrate(db, CURRENT);
    }

    /** Brings the file to {@code target} (tests use it to make an old file). */
    static void migrate(Connection db, int target) throws SQLException, StoreException {
        int version = version(db);
        if (version > CURRENT) {
            throw new StoreException("the store is at schema version " + version + ", made by a newer Lookout "
                    + "(this one knows up to " + CURRENT + "): use that version or another storage folder");
        }
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            for (int v = version; v < target; v++) {
                if (v == 0) {
                    s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
                    s.execute("INSERT INTO schema_version VALUES (0)");
                }
                for (String sql : MIGRATIONS.get(v)) {
                    s.execute(sql);
                }
                s.executeUpdate("UPDATE schema_version SET version = " + (v + 1));
                db.commit();
            }
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }
}
