package dev.lookout.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The free space of the disk that holds a storage folder, to tell a full disk from other write failures: SQLite
 * reports a full disk in several ways ({@code SQLITE_FULL}, or a commit that finds its transaction already rolled
 * back), so the store asks the disk itself.
 */
final class DiskSpace {

    /** Below this the disk counts as full: SQLite grows its files in pages, the recorders in fragments. */
    static final long FULL_BELOW_BYTES = 1L << 20;

    private final Path folder;

    DiskSpace(Path folder) {
        this.folder = folder;
    }

    /** Usable bytes on the folder's disk, or -1 when the system cannot tell. */
    long usableBytes() {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    /** True when the disk has less than {@link #FULL_BELOW_BYTES} left. */
    boolean isFull() {
        long free = usableBytes();
        return free >= 0 && free < FULL_BELOW_BYTES;
    }

    /** What a user reads when the disk is full: what, where, and what to do. */
    String fullMessage() {
        return String.format(Locale.ROOT, "the disk holding %s is full (%d KB free): events wait and are written "
                + "once there is room; free space on that disk, or lower retention's max_size (or raise min_free) "
                + "in lookout.yml so that old recordings make room", folder, Math.max(0, usableBytes()) / 1024);
    }
}
