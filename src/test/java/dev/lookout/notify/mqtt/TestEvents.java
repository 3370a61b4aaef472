package dev.lookout.notify.mqtt;

import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Event changes for the transport tests: one object's new, update and end. */
final class TestEvents {

    private TestEvents() {
    }

    /** The event of {@code className} track {@code track} on {@code camera}, open or ended. */
    static ObjectEvent event(String camera, long track, String className, double score, Path snapshot, boolean ended) {
        Instant start = Instant.parse("2026-12-01T10:15:00Z");
        return new ObjectEvent(camera + "-20261201T101500-" + track, camera, track, className, start,
                ended ? start.plusSeconds(12) : null, score, score, new double[] {10, 20, 30, 40},
                List.of("yard"), List.of(), false, snapshot, null);
    }

    /** new, update (higher score, a snapshot), end for one object. */
    static List<EventChange> lifecycle(String camera, long track, String className, Path snapshot) {
        ObjectEvent first = event(camera, track, className, 0.6, null, false);
        ObjectEvent better = event(camera, track, className, 0.9, snapshot, false);
        ObjectEvent ended = event(camera, track, className, 0.9, snapshot, true);
        return List.of(new EventChange(EventType.NEW, null, first), new EventChange(EventType.UPDATE, first, better),
                new EventChange(EventType.END, better, ended));
    }
}
