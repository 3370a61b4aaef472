package dev.lookout.notify;

import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Event changes for the transport tests: one object's new, update and end. */
public final class TestEvents {

    private TestEvents() {
    }

    /** The event of {@code className} track {@code track} on {@code camera}, open or ended. */
    public static ObjectEvent event(String camera, long track, String className, double score, Path snapshot,
            boolean ended) {
        Instant start = Instant.parse("2026-12-01T10:15:00Z");
        return new ObjectEvent(camera + "-20261201T101500-" + track, camera, track, className, start,
                ended ? start.plusSeconds(12) : null, score, score, new double[] {10, 20, 30, 40},
                List.of("yard"), List.of(), false, snapshot, null);
    }

    /** new, update (higher score, a snapshot), end for one object. */
    public static List<EventChange> lifecycle(String camera, long track, String className, Path snapshot) {
        ObjectEvent first = event(camera, track, className, 0.6, null, false);
        ObjectEvent better = event(camera, track, className, 0.9, snapshot, false);
        ObjectEvent ended = event(camera, track, className, 0.9, snapshot, true);
        return List.of(new EventChange(EventType.NEW, null, first), new EventChange(EventType.UPDATE, first, better),
                new EventChange(EventType.END, better, ended));
    }

    /** The {@code new} change of an object that already has its snapshot. */
    public static EventChange appeared(String camera, long track, String className, Path snapshot) {
        return new EventChange(EventType.NEW, null, event(camera, track, className, 0.8, snapshot, false));
    }

    /** The README's screenshot of the live window (a JPEG, always in the repository): a real frame. */
    public static Path screenshotJpeg() {
        return dev.lookout.testsupport.TestData.projectDir().resolve("docs/images/live-window.jpg");
    }
}
