package dev.lookout.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The query API (the {@code events} command, the web page): events with filters and paging, one event by id,
 * the recordings of a camera over a time range. Read-only: it works beside a running writer (WAL) and never
 * changes the file. Thread-safe: every call uses its own short-lived connection.
 */
public final class StoreReader {

    private final StorageLayout layout;

    /** A reader of the store in {@code layout}'s folder; the store is opened per call, so this never fails. */
    public StoreReader(StorageLayout layout) {
        this.layout = layout;
    }

    /** The layout of the storage folder read. */
    public StorageLayout layout() {
        return layout;
    }

    /** Events matching {@code query}, newest first. */
    public List<StoredEvent> events(EventQuery query) throws StoreException {
        StringBuilder sql = new StringBuilder("SELECT " + EventRows.COLUMNS + " FROM events WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.camera() != null) {
            sql.append(" AND camera = ?");
            params.add(query.camera());
        }
        if (query.className() != null) {
            sql.append(" AND class = ?");
            params.add(query.className());
        }
        if (query.since() != null) {
            sql.append(" AND start_ms >= ?");
            params.add(query.since().toEpochMilli());
        }
        if (query.until() != null) {
            sql.append(" AND start_ms < ?");
            params.add(query.until().toEpochMilli());
        }
        if (query.zone() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM json_each(events.zones) WHERE value = ?)");
            params.add(query.zone());
        }
        if (query.line() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM json_each(events.lines) WHERE value IN (?, ?, ?))");
            params.addAll(List.of(query.line(), query.line() + ":in", query.line() + ":out"));
        }
        sql.append(" ORDER BY start_ms DESC, id DESC LIMIT ? OFFSET ?");
        params.add(query.limit());
        params.add(query.offset());
        return query(sql.toString(), params, rs -> EventRows.read(rs, layout));
    }

    /**
     * The names the store's events use: cameras, classes, zones and lines (without their {@code :in} /
     * {@code :out}), each sorted; for telling a mistyped filter from one that only matches nothing.
     */
    public StoreNames names() throws StoreException {
        return new StoreNames(distinct("SELECT DISTINCT camera FROM events"),
                distinct("SELECT DISTINCT class FROM events"),
                distinct("SELECT DISTINCT j.value FROM events, json_each(events.zones) j"),
                distinct("SELECT DISTINCT CASE WHEN j.value LIKE '%:in' THEN substr(j.value, 1, length(j.value) - 3) "
                        + "WHEN j.value LIKE '%:out' THEN substr(j.value, 1, length(j.value) - 4) ELSE j.value END "
                        + "FROM events, json_each(events.lines) j"));
    }

    private List<String> distinct(String sql) throws StoreException {
        List<String> names = query(sql, List.of(), rs -> rs.getString(1));
        names.removeIf(java.util.Objects::isNull);
        names.sort(null);
        return List.copyOf(new java.util.LinkedHashSet<>(names));
    }

    /** The event {@code id}, if the store has it. */
    public Optional<StoredEvent> event(String id) throws StoreException {
        return query("SELECT " + EventRows.COLUMNS + " FROM events WHERE id = ?", List.of(id),
                rs -> EventRows.read(rs, layout)).stream().findFirst();
    }

    /**
     * The recordings of {@code camera} (every kind) that overlap {@code [from, to)}, oldest first; a recording
     * still being written overlaps everything after its start.
     */
    public List<Recording> recordings(String camera, Instant from, Instant to) throws StoreException {
        return query("SELECT " + RecordingRows.COLUMNS + " FROM recordings WHERE camera = ? AND start_ms < ? "
                + "AND (end_ms IS NULL OR end_ms >= ?) ORDER BY start_ms, file",
                List.of(camera, to.toEpochMilli(), from.toEpochMilli()), rs -> RecordingRows.read(rs, layout));
    }

    /** The counts of {@code camera} (all cameras when null) per minute in {@code [from, to)}, oldest first. */
    public List<StoredCount> countMinutes(String camera, Instant from, Instant to) throws StoreException {
        return withReader(db -> CountRows.minutes(db, camera, from, to));
    }

    /** The all-time totals of {@code camera}, per line or zone, direction and class. */
    public List<StoredCount> countTotals(String camera) throws StoreException {
        return withReader(db -> CountRows.totals(db, camera));
    }

    private interface Read<T> {
        T read(Connection db) throws SQLException;
    }

    private <T> T withReader(Read<T> read) throws StoreException {
        try (Connection db = Database.openReader(layout)) {
            return read.read(db);
        } catch (SQLException e) {
            throw Database.failure(layout, e);
        }
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> params, Row<T> row) throws StoreException {
        List<T> rows = new ArrayList<>();
        try (Connection db = Database.openReader(layout); PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
        } catch (SQLException e) {
            throw Database.failure(layout, e);
        }
        return rows;
    }
}
