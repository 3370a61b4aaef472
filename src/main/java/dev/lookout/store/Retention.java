package dev.lookout.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One pass of a {@link RetentionPolicy}, on the writer's connection (so it sees every event written before it
 * and no write can slip in between its decision and its deletion). A file is deleted together with its companions
 * ({@code name.*} and {@code name-raw.*}: a snapshot's sidecar and raw image) and then their rows, file first: a
 * crash in between leaves a row without a file, which the next open removes.
 */
final class Retention {

    private static final String CANDIDATES = "SELECT " + RecordingRows.COLUMNS + " FROM recordings ORDER BY "
            + "CASE kind WHEN 'continuous' THEN 0 WHEN 'clip' THEN 1 ELSE 2 END, start_ms, file";

    private final StorageLayout layout;
    private final RetentionPolicy policy;
    private final Consumer<String> warnings;

    Retention(StorageLayout layout, RetentionPolicy policy, Consumer<String> warnings) {
        this.layout = layout;
        this.policy = policy;
        this.warnings = warnings;
    }

    RetentionReport run(Connection db) throws SQLException, IOException {
        new Reconciler(layout).run(db, false, policy.settle().toMillis());
        Set<String> kept = protectedGroups(db);
        Instant now = Instant.now();
        Map<RecordingKind, Integer> deleted = new EnumMap<>(RecordingKind.class);
        long freed = 0;
        Set<String> done = new HashSet<>();
        List<Recording> candidates = candidates(db);
        int skipped = 0;
        for (Recording r : candidates) {
            Duration age = policy.maxAge(r.camera(), r.kind()).orElse(null);
            Instant last = r.end() == null ? r.start() : r.end();
            if (age != null && last.isBefore(now.minus(age)) && !done.contains(group(r.file()))) {
                if (deletable(r, kept, now)) {
                    freed += delete(db, r, deleted, done);
                } else {
                    skipped++;
                }
            }
        }
        long total = folderSize();
        for (Recording r : candidates) {
            if (!overLimit(total)) {
                break;
            }
            if (done.contains(group(r.file()))) {
                continue;
            }
            if (deletable(r, kept, now)) {
                long bytes = delete(db, r, deleted, done);
                freed += bytes;
                total -= bytes;
            } else {
                skipped++;
            }
        }
        boolean limitMet = !overLimit(total);
        if (!limitMet) {
            warnings.accept("store: retention cannot get " + layout.root() + " under its limits: everything left "
                    + "belongs to open events, is still being written or changed within " + policy.settle().toSeconds()
                    + " s, or is not a managed recording");
        }
        return new RetentionReport(deleted, freed, total, usableSpace(), skipped, limitMet);
    }

    private boolean overLimit(long total) throws IOException {
        return (policy.maxTotalBytes() > 0 && total > policy.maxTotalBytes())
                || (policy.minFreeBytes() > 0 && usableSpace() < policy.minFreeBytes());
    }

    private boolean deletable(Recording r, Set<String> kept, Instant now) throws IOException {
        if (r.end() == null || kept.contains(group(r.file()))) {
            return false;
        }
        return !Files.exists(r.file())
                || Files.getLastModifiedTime(r.file()).toInstant().isBefore(now.minus(policy.settle()));
    }

    /**
     * The file groups that belong to open events: their snapshot, clip and thumbnail, and every clip or continuous
     * recording of the same camera that reaches into the event's time.
     */
    private Set<String> protectedGroups(Connection db) throws SQLException {
        Set<String> kept = new HashSet<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT snapshot, clip, thumbnail FROM events WHERE end_ms IS NULL")) {
            while (rs.next()) {
                for (int column = 1; column <= 3; column++) {
                    if (rs.getString(column) != null) {
                        kept.add(group(layout.resolve(rs.getString(column))));
                    }
                }
            }
        }
        try (PreparedStatement s = db.prepareStatement("SELECT DISTINCT r.file FROM recordings r JOIN events e "
                + "ON e.camera = r.camera AND e.end_ms IS NULL WHERE r.kind IN ('continuous', 'clip') "
                + "AND (r.end_ms IS NULL OR r.end_ms >= e.start_ms)"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                kept.add(group(layout.resolve(rs.getString(1))));
            }
        }
        return kept;
    }

    private List<Recording> candidates(Connection db) throws SQLException {
        List<Recording> all = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(CANDIDATES)) {
            while (rs.next()) {
                all.add(RecordingRows.read(rs, layout));
            }
        }
        return all;
    }

    /** Deletes the file's group from disk, then its rows; returns the bytes freed (0 if a file would not go). */
    private long delete(Connection db, Recording r, Map<RecordingKind, Integer> deleted, Set<String> done)
            throws SQLException, IOException {
        String group = group(r.file());
        done.add(group);
        List<Path> files = companions(r.file());
        long bytes = 0;
        List<Path> gone = new ArrayList<>();
        for (Path file : files) {
            try {
                long size = Files.size(file);
                Files.delete(file);
                bytes += size;
                gone.add(file);
            } catch (IOException e) {
                warnings.accept("store: retention cannot delete " + file + ": " + e.getMessage());
            }
        }
        db.setAutoCommit(false);
        try {
            for (Path file : gone) {
                RecordingRows.forget(db, layout.stored(file));
            }
            if (!Files.exists(r.file())) {
                RecordingRows.forget(db, layout.stored(r.file()));
            }
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
        if (!Files.exists(r.file())) {
            deleted.merge(r.kind(), 1, Integer::sum);
        }
        return bytes;
    }

    /** The file and its companions that exist: {@code stem.*} and {@code stem-raw.*} in the same folder. */
    private static List<Path> companions(Path file) throws IOException {
        List<Path> found = new ArrayList<>();
        Path folder = file.getParent();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        String group = group(file);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                if (Files.isRegularFile(p) && group(p).equals(group)) {
                    found.add(p);
                }
            }
        }
        return found;
    }

    /** The folder and the name without extension and without a {@code -raw} suffix. */
    static String group(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        if (stem.endsWith("-raw")) {
            stem = stem.substring(0, stem.length() - 4);
        }
        return file.toAbsolutePath().normalize().resolveSibling(stem).toString();
    }

    private long folderSize() throws IOException {
        try (Stream<Path> files = Files.walk(layout.root())) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    if (Files.exists(p)) {
                        throw new UncheckedIOException(e);
                    }
                    return 0; // deleted while walking
                }
            }).sum();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private long usableSpace() throws IOException {
        return Files.getFileStore(layout.root()).getUsableSpace();
    }
}
