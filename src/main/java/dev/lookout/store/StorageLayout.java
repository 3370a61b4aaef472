package dev.lookout.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where everything lives in a storage folder, in one place:
 * <pre>
 * &lt;storage&gt;/lookout.db                 the SQLite store (with -wal and -shm beside it while open)
 * &lt;storage&gt;/lookout.lock               held by the one process that writes the store
 * &lt;storage&gt;/clips/&lt;camera&gt;/           event clips
 * &lt;storage&gt;/snapshots/&lt;camera&gt;/       event snapshots (PNG with JSON sidecar)
 * &lt;storage&gt;/recordings/&lt;camera&gt;/      continuous recordings
 * </pre>
 * Paths are kept in the store relative to the storage folder, so the folder can be moved or mounted elsewhere.
 */
public final class StorageLayout {

    private final Path root;

    /** The layout of the storage folder {@code root} (nothing is created). */
    public StorageLayout(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** The storage folder, absolute. */
    public Path root() {
        return root;
    }

    /** The SQLite database file. */
    public Path database() {
        return root.resolve("lookout.db");
    }

    /** The file whose lock marks the one process that writes the store. */
    /** Where events wait while the disk is full ({@link EventJournal}). */
    public Path journal() {
        return root.resolve("lookout.journal");
    }

    public Path lockFile() {
        return root.resolve("lookout.lock");
    }

    /** The folder of {@code kind} files of {@code camera}. */
    public Path folder(RecordingKind kind, String camera) {
        if (camera.isEmpty() || camera.contains("/") || camera.contains("\\") || camera.startsWith(".")) {
            throw new IllegalArgumentException("not a usable camera name for a folder: '" + camera + "'");
        }
        return root.resolve(kind.folder()).resolve(camera);
    }

    /** The top folder of {@code kind} files (one sub-folder per camera). */
    public Path folder(RecordingKind kind) {
        return root.resolve(kind.folder());
    }

    /** How {@code file} is stored: relative to the storage folder when inside it, else absolute. */
    public String stored(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }

    /** The file a stored path names (absolute). */
    public Path resolve(String stored) {
        return root.resolve(stored).normalize();
    }

    /** Where a managed file sits: its kind and camera, if it is {@code <storage>/<kind>/<camera>/<name>}. */
    public Optional<Place> place(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(root)) {
            return Optional.empty();
        }
        Path relative = root.relativize(absolute);
        if (relative.getNameCount() != 3) {
            return Optional.empty();
        }
        for (RecordingKind kind : RecordingKind.values()) {
            if (relative.getName(0).toString().equals(kind.folder())) {
                return Optional.of(new Place(kind, relative.getName(1).toString()));
            }
        }
        return Optional.empty();
    }

    /** The kind and camera of a managed file. */
    public record Place(RecordingKind kind, String camera) {
    }
}
