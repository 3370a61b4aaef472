package dev.lookout.config;

/** What a camera records to disk. */
public enum RecordMode {
    /** Only clips of events (with pre- and post-roll). */
    EVENTS,
    /** Event clips and, besides them, everything the camera sees. */
    CONTINUOUS
}
