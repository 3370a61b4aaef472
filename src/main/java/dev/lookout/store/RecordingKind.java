package dev.lookout.store;

import java.util.Locale;

/**
 * What a file in the storage folder is, which also decides its folder and the order in which the size cap and the
 * free-space floor reclaim space: continuous recordings go first, then event clips, then snapshots.
 */
public enum RecordingKind {
    /** A continuous recording segment, {@code recordings/<camera>/}. */
    CONTINUOUS("recordings"),
    /** An event's clip, {@code clips/<camera>/}. */
    CLIP("clips"),
    /** An event's snapshot (with its sidecars), {@code snapshots/<camera>/}. */
    SNAPSHOT("snapshots");

    private final String folder;

    RecordingKind(String folder) {
        this.folder = folder;
    }

    /** The folder under the storage folder that holds this kind, one sub-folder per camera. */
    public String folder() {
        return folder;
    }

    /** {@code continuous}, {@code clip} or {@code snapshot}, as stored and shown. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code name} as written by {@link #wireName()}. */
    public static RecordingKind ofWireName(String name) {
        for (RecordingKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a kind of file: continuous, clip or snapshot");
    }
}
