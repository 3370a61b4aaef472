package dev.lookout.record;

import java.nio.file.Path;

/**
 * How a recording went.
 *
 * @param path the file written (absent when no frame was written: the empty file is removed)
 * @param format container and codec, e.g. {@code MP4 / H.264 (libopenh264)}
 * @param framesWritten frames encoded into the file
 * @param framesDropped frames refused because the writer could not keep up (or had stopped)
 * @param durationMicros media time from the first to the last written frame
 * @param failure why the recording stopped early, or {@code null} when it finished normally
 */
public record RecordingSummary(Path path, String format, long framesWritten, long framesDropped,
        long durationMicros, String failure) {

    /** True if the recording ran until it was closed. */
    public boolean succeeded() {
        return failure == null;
    }
}
