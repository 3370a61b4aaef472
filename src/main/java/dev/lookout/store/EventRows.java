package dev.lookout.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.event.ObjectEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * The {@code events} table: one row per event, written whole on every change (an upsert by id), except that a
 * change without a clip or snapshot keeps the one the row has (files may reach the row after the event's change:
 * {@link EventStore#eventFiles}).
 */
final class EventRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    static final String COLUMNS = "id, camera, track_id, class, start_ms, end_ms, score, top_score, box, zones, "
            + "lines, stationary, snapshot, clip, end_unknown, thumbnail, clip_from_ms, clip_to_ms";

    private static final String UPSERT = "INSERT INTO events (id, camera, track_id, class, start_ms, end_ms, score, "
            + "top_score, box, zones, lines, stationary, snapshot, clip, updated_ms) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            + "camera = excluded.camera, track_id = excluded.track_id, class = excluded.class, "
            + "start_ms = excluded.start_ms, end_ms = excluded.end_ms, score = excluded.score, "
            + "top_score = excluded.top_score, box = excluded.box, zones = excluded.zones, lines = excluded.lines, "
            + "stationary = excluded.stationary, snapshot = coalesce(excluded.snapshot, snapshot), "
            + "clip = coalesce(excluded.clip, clip), "
            + "updated_ms = excluded.updated_ms, end_unknown = 0";

    private EventRows() {
    }

    /** Inserts or replaces the event's row; {@code now} is remembered for closing it after a crash. */
    static void upsert(Connection db, StorageLayout layout, ObjectEvent e, Instant now) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(UPSERT)) {
            s.setString(1, e.id());
            s.setString(2, e.camera());
            s.setLong(3, e.trackId());
            s.setString(4, e.className());
            s.setLong(5, e.start().toEpochMilli());
            setInstant(s, 6, e.end());
            s.setDouble(7, e.score());
            s.setDouble(8, e.topScore());
            s.setString(9, json(e.box()));
            s.setString(10, json(e.zones()));
            s.setString(11, json(e.lines()));
            s.setInt(12, e.stationary() ? 1 : 0);
            s.setString(13, e.snapshot() == null ? null : layout.stored(e.snapshot()));
            s.setString(14, e.clip() == null ? null : layout.stored(e.clip()));
            s.setLong(15, now.toEpochMilli());
            s.executeUpdate();
        }
    }

    /** The event in the current row of {@code rs}, selected with {@link #COLUMNS}. */
    static StoredEvent read(ResultSet rs, StorageLayout layout) throws SQLException {
        long end = rs.getLong("end_ms");
        Instant endTime = rs.wasNull() ? null : Instant.ofEpochMilli(end);
        ObjectEvent event = new ObjectEvent(rs.getString("id"), rs.getString("camera"), rs.getLong("track_id"),
                rs.getString("class"), Instant.ofEpochMilli(rs.getLong("start_ms")), endTime, rs.getDouble("score"),
                rs.getDouble("top_score"), parse(rs.getString("box"), double[].class), parseStrings(rs.getString("zones")),
                parseStrings(rs.getString("lines")), rs.getInt("stationary") != 0, path(rs, "snapshot", layout),
                path(rs, "clip", layout));
        return new StoredEvent(event, rs.getInt("end_unknown") != 0, path(rs, "thumbnail", layout),
                millis(rs, "clip_from_ms"), millis(rs, "clip_to_ms"));
    }

    private static java.time.Duration millis(ResultSet rs, String column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : java.time.Duration.ofMillis(ms);
    }

    static void setInstant(PreparedStatement s, int index, Instant time) throws SQLException {
        if (time == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setLong(index, time.toEpochMilli());
        }
    }

    private static Path path(ResultSet rs, String column, StorageLayout layout) throws SQLException {
        String stored = rs.getString(column);
        return stored == null ? null : layout.resolve(stored);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }

    private static <T> T parse(String json, Class<T> type) throws SQLException {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored value is not valid JSON: " + json, e);
        }
    }

    private static List<String> parseStrings(String json) throws SQLException {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored list is not valid JSON: " + json, e);
        }
    }
}
