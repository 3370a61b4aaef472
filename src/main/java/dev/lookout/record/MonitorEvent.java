package dev.lookout.record;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * One appearance of watched classes, as the window lists it: click opens {@link #clip()} or
 * {@link #snapshot()} (e.g. with {@code Desktop.open}).
 *
 * @param id 1, 2, ... within this monitor
 * @param started when the presence was confirmed (wall clock)
 * @param ended when the post-roll ran out, or {@code null} while the event is open
 * @param sourceSeconds the media time of the confirming frame, in seconds from the source's start
 * @param classes the watched classes seen so far, sorted
 * @param peakScore the highest score of a watched detection so far
 * @param clip the recording of the event (pre-roll to post-roll), or {@code null} if it could not be written
 * @param snapshot the frame with the highest score (the confirming frame until the event ends), or {@code null}
 * @param clipError why the clip is missing or incomplete, or {@code null}
 * @param clipStarted when the clip's first frame was taken (wall clock): {@code started} less the pre-roll the
 *     clip really holds (less than configured when the camera had not run that long)
 */
public record MonitorEvent(long id, OffsetDateTime started, OffsetDateTime ended, double sourceSeconds,
        Set<String> classes, double peakScore, Path clip, Path snapshot, String clipError,
        OffsetDateTime clipStarted) {

    /** An event whose clip starts when it does (no pre-roll). */
    public MonitorEvent(long id, OffsetDateTime started, OffsetDateTime ended, double sourceSeconds,
            Set<String> classes, double peakScore, Path clip, Path snapshot, String clipError) {
        this(id, started, ended, sourceSeconds, classes, peakScore, clip, snapshot, clipError, started);
    }

    /** True once the event has ended. */
    public boolean isOver() {
        return ended != null;
    }
}
