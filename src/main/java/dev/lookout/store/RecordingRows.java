package dev.lookout.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The {@code recordings} table: one row per file the store keeps, keyed by the file's stored path. */
final class RecordingRows {

    static final String COLUMNS = "file, camera, kind, start_ms, end_ms, size";

    // a later note never forgets a known end, and a file only grows while it is written
    private static final String UPSERT = "INSERT INTO recordings (file, camera, kind, start_ms, end_ms, size) "
            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (file) DO UPDATE SET camera = excluded.camera, "
            + "kind = excluded.kind, start_ms = min(start_ms, excluded.start_ms), "
            + "end_ms = coalesce(excluded.end_ms, end_ms), size = max(size, excluded.size)";

    private RecordingRows() {
    }

    static void upsert(Connection db, StorageLayout layout, Recording r) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(UPSERT)) {
            s.setString(1, layout.stored(r.file()));
            s.setString(2, r.camera());
            s.setString(3, r.kind().wireName());
            s.setLong(4, r.start().toEpochMilli());
            EventRows.setInstant(s, 5, r.end());
            s.setLong(6, r.size());
            s.executeUpdate();
        }
    }

    /** Sets a row's end and size as measured (after a crash, or when the writer reports the file finished). */
    static void finish(Connection db, String stored, Instant end, long size) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("UPDATE recordings SET end_ms = ?, size = ? WHERE file = ?")) {
            s.setLong(1, end.toEpochMilli());
            s.setLong(2, size);
            s.setString(3, stored);
            s.executeUpdate();
        }
    }

    /** Removes the row of a deleted file and every event's reference to it. */
    static void forget(Connection db, String stored) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("DELETE FROM recordings WHERE file = ?")) {
            s.setString(1, stored);
            s.executeUpdate();
        }
        for (String column : new String[] {"snapshot", "clip", "thumbnail"}) {
            try (PreparedStatement s = db.prepareStatement(
                    "UPDATE events SET " + column + " = NULL WHERE " + column + " = ?")) {
                s.setString(1, stored);
                s.executeUpdate();
            }
        }
    }

    static Recording read(ResultSet rs, StorageLayout layout) throws SQLException {
        long end = rs.getLong("end_ms");
        Instant endTime = rs.wasNull() ? null : Instant.ofEpochMilli(end);
        return new Recording(rs.getString("camera"), layout.resolve(rs.getString("file")),
                RecordingKind.ofWireName(rs.getString("kind")), Instant.ofEpochMilli(rs.getLong("start_ms")), endTime,
                rs.getLong("size"));
    }
}
