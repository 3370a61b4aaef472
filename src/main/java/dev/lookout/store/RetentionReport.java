package dev.lookout.store;

import java.util.Map;

/**
 * What one retention pass did.
 *
 * @param deleted files deleted (with their companions) per kind
 * @param bytesFreed bytes deleted
 * @param totalBytes the storage folder's size afterwards
 * @param usableBytes free space on its disk afterwards
 * @param protectedSkipped files that were due but belong to an open event, are still being written, or changed
 *     within the policy's settle time
 * @param limitsMet whether the folder is within the size cap and the disk above the free-space floor
 */
public record RetentionReport(Map<RecordingKind, Integer> deleted, long bytesFreed, long totalBytes,
        long usableBytes, int protectedSkipped, boolean limitsMet) {

    public RetentionReport {
        deleted = Map.copyOf(deleted);
    }

    /** Files deleted of {@code kind}. */
    public int deleted(RecordingKind kind) {
        return deleted.getOrDefault(kind, 0);
    }

    /** One line for logs and {@code events --prune}. */
    public String summary() {
        return "deleted " + deleted(RecordingKind.CONTINUOUS) + " continuous recordings, " + deleted(RecordingKind.CLIP)
                + " clips, " + deleted(RecordingKind.SNAPSHOT) + " snapshots (" + bytesFreed + " bytes); storage "
                + totalBytes + " bytes, " + usableBytes + " bytes free on its disk; " + protectedSkipped
                + " kept (open events, files being written)" + (limitsMet ? "" : "; LIMITS NOT MET");
    }
}
