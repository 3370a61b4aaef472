package dev.lookout.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes the store and the disk agree. Files on disk are the truth: a file without a row is indexed (kind and camera
 * from its folder, times from its modification time), a row without a file is removed (recordings) or loses the
 * path (events). At open ({@code afterCrash}), since the opener holds the store's lock, nothing can still be
 * writing: events left open are closed with their end marked unknown, recordings left open get their end and size
 * from the file, and unknown junk is removed: hidden or {@code .tmp}/{@code .part} files (half-written temporaries)
 * and empty files (names claimed but never written). During a run only files untouched for {@code settle} are
 * indexed and nothing is removed from the disk. Only {@code <storage>/<kind>/<camera>/<file>} is managed.
 */
final class Reconciler {

    /** What one pass changed. */
    record Report(int eventsClosed, int recordingsFinished, int rowsRemoved, int pathsCleared, int filesIndexed,
            int junkRemoved) {

        boolean changedAnything() {
            return eventsClosed + recordingsFinished + rowsRemoved + pathsCleared + filesIndexed + junkRemoved > 0;
        }

        String summary() {
            return eventsClosed + " open events closed (end unknown), " + recordingsFinished
                    + " unfinished recordings measured, " + rowsRemoved + " rows of missing files removed, "
                    + pathsCleared + " missing event files unlinked, " + filesIndexed + " files indexed, "
                    + junkRemoved + " partial files removed";
        }
    }

    private final StorageLayout layout;

    Reconciler(StorageLayout layout) {
        this.layout = layout;
    }

    Report run(Connection db, boolean afterCrash, long settleMs) throws SQLException, IOException {
        int closed = 0;
        int finished = 0;
        if (afterCrash) {
            try (Statement s = db.createStatement()) {
                closed = s.executeUpdate("UPDATE events SET end_ms = max(start_ms, coalesce(updated_ms, start_ms)), "
                        + "end_unknown = 1 WHERE end_ms IS NULL");
            }
        }
        int junk = afterCrash ? removeJunk() : 0;
        Set<String> known = new HashSet<>();
        List<String> missing = new ArrayList<>();
        List<String> unfinished = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT file, end_ms FROM recordings")) {
            while (rs.next()) {
                String stored = rs.getString(1);
                rs.getLong(2);
                boolean open = rs.wasNull();
                known.add(stored);
                if (!Files.isRegularFile(layout.resolve(stored))) {
                    missing.add(stored);
                } else if (open && afterCrash) {
                    unfinished.add(stored);
                }
            }
        }
        for (String stored : unfinished) {
            BasicFileAttributes a = Files.readAttributes(layout.resolve(stored), BasicFileAttributes.class);
            RecordingRows.finish(db, stored, a.lastModifiedTime().toInstant(), a.size());
            finished++;
        }
        for (String stored : missing) {
            RecordingRows.forget(db, stored);
        }
        int cleared = clearMissingEventPaths(db);
        int indexed = 0;
        long now = System.currentTimeMillis();
        for (RecordingKind kind : RecordingKind.values()) {
            for (Path cameraFolder : folders(layout.folder(kind))) {
                String camera = cameraFolder.getFileName().toString();
                for (Path file : files(cameraFolder)) {
                    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                    boolean settled = now - a.lastModifiedTime().toMillis() >= settleMs;
                    if (!isJunk(file, a) && !known.contains(layout.stored(file)) && (afterCrash || settled)) {
                        Instant time = a.lastModifiedTime().toInstant();
                        RecordingRows.upsert(db, layout, new Recording(camera, file, kind, time, time, a.size()));
                        indexed++;
                    }
                }
            }
        }
        return new Report(closed, finished, missing.size(), cleared, indexed, junk);
    }

    private int removeJunk() throws IOException {
        int removed = 0;
        for (RecordingKind kind : RecordingKind.values()) {
            for (Path cameraFolder : folders(layout.folder(kind))) {
                for (Path file : files(cameraFolder)) {
                    if (isJunk(file, Files.readAttributes(file, BasicFileAttributes.class)) && Files.deleteIfExists(file)) {
                        removed++;
                    }
                }
            }
        }
        return removed;
    }

    /** Half-written temporaries and names claimed but never written: nothing of value. */
    static boolean isJunk(Path file, BasicFileAttributes a) {
        String name = file.getFileName().toString();
        return name.startsWith(".") || name.endsWith(".tmp") || name.endsWith(".part") || a.size() == 0;
    }

    private int clearMissingEventPaths(Connection db) throws SQLException {
        List<String[]> gone = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                // an open event may name its clip before the recorder has created it: only ended events
                "SELECT id, snapshot, clip, thumbnail FROM events WHERE end_ms IS NOT NULL "
                        + "AND (snapshot IS NOT NULL OR clip IS NOT NULL OR thumbnail IS NOT NULL)")) {
            while (rs.next()) {
                for (String column : new String[] {"snapshot", "clip", "thumbnail"}) {
                    String stored = rs.getString(column);
                    if (stored != null && !Files.exists(layout.resolve(stored))) {
                        gone.add(new String[] {rs.getString("id"), column});
                    }
                }
            }
        }
        for (String[] g : gone) {
            try (PreparedStatement s = db.prepareStatement("UPDATE events SET " + g[1] + " = NULL WHERE id = ?")) {
                s.setString(1, g[0]);
                s.executeUpdate();
            }
        }
        return gone.size();
    }

    private static List<Path> folders(Path parent) throws IOException {
        return list(parent, true);
    }

    private static List<Path> files(Path parent) throws IOException {
        return list(parent, false);
    }

    private static List<Path> list(Path parent, boolean folders) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            for (Path p : entries) {
                if (folders ? Files.isDirectory(p) : Files.isRegularFile(p)) {
                    found.add(p);
                }
            }
        }
        return found;
    }
}
