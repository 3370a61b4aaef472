package dev.lookout.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code counts} table: one row per camera, line or zone, direction, class and minute, whose {@code n} grows
 * as crossings and entries come; a minute is small enough for any chart and a day of a busy line is 1,440 rows at
 * most per class and direction. Counts are never deleted with recordings: they are the statistics that outlive
 * the footage.
 */
final class CountRows {

    static final long MINUTE_MS = 60_000;

    private CountRows() {
    }

    /** Adds each count (its {@code bucket} is when it happened) to its minute's row. */
    static void add(Connection db, List<StoredCount> counts) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("INSERT INTO counts (camera, kind, name, direction, class, "
                + "minute_ms, n) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (camera, kind, name, direction, class, "
                + "minute_ms) DO UPDATE SET n = n + excluded.n")) {
            for (StoredCount c : counts) {
                s.setString(1, c.camera());
                s.setString(2, c.kind());
                s.setString(3, c.name());
                s.setString(4, c.direction());
                s.setString(5, c.className());
                s.setLong(6, Math.floorDiv(c.bucket().toEpochMilli(), MINUTE_MS) * MINUTE_MS);
                s.setLong(7, c.n());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The minute rows of {@code camera} (all cameras when null) in {@code [from, to)}, oldest first. */
    static List<StoredCount> minutes(Connection db, String camera, Instant from, Instant to) throws SQLException {
        List<StoredCount> out = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT camera, kind, name, direction, class, minute_ms, n "
                + "FROM counts WHERE (? IS NULL OR camera = ?) AND minute_ms >= ? AND minute_ms < ? "
                + "ORDER BY minute_ms, camera, kind, name, direction, class")) {
            s.setString(1, camera);
            s.setString(2, camera);
            s.setLong(3, from.toEpochMilli());
            s.setLong(4, to.toEpochMilli());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), rs.getLong(7)));
                }
            }
        }
        return out;
    }

    /** All-time totals of {@code camera}: one row per line or zone, direction and class ({@code bucket} 0). */
    static List<StoredCount> totals(Connection db, String camera) throws SQLException {
        List<StoredCount> out = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT kind, name, direction, class, sum(n) FROM counts "
                + "WHERE camera = ? GROUP BY kind, name, direction, class ORDER BY kind, name, direction, class")) {
            s.setString(1, camera);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredCount(camera, rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), Instant.EPOCH, rs.getLong(5)));
                }
            }
        }
        return out;
    }
}
