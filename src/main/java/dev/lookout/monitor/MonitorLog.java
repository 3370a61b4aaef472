package dev.lookout.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.capture.UrlRedaction;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventSink;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The monitor's log on stderr, in one format for everything it says (its own lines and, through {@link
 * LogBridge}, the libraries' {@code System.Logger} records): a level, the camera when the line is about one, the
 * message. Text for people, {@code lookout monitor: WARN  gate: reconnecting ...}, or one JSON object per line
 * ({@code --log-format json}) for log collectors, {@code {"time", "level", "type", "camera", ...}}. One line per
 * event start and end, camera state change, health report and problem. Every text passes through
 * {@link UrlRedaction}, so no password reaches the log. Thread-safe (one line is one print).
 */
public final class MonitorLog implements EventSink {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How much a line matters. */
    public enum Level {
        INFO, WARN, ERROR
    }

    private final PrintStream out;
    private final boolean json;

    public MonitorLog(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** Logs an event's start and end (updates are not logged: they would flood the log). */
    @Override
    public void onEvent(EventChange change) {
        if (change.type() == EventType.UPDATE) {
            return;
        }
        ObjectEvent e = change.after();
        boolean start = change.type() == EventType.NEW;
        if (json) {
            ObjectNode n = line(Level.INFO, start ? "event-start" : "event-end", e.camera()).put("id", e.id())
                    .put("class", e.className()).put("track", e.trackId()).put("score", e.topScore());
            if (!start && e.end() != null) {
                n.put("seconds", (e.end().toEpochMilli() - e.start().toEpochMilli()) / 1000.0);
            }
            print(n);
        } else {
            print(Level.INFO, e.camera(), String.format(Locale.ROOT, "%s #%d %s (%s, top score %.2f)%s",
                    e.className(), e.trackId(), start ? "appeared" : "left", e.id(), e.topScore(),
                    !start && e.end() != null ? String.format(Locale.ROOT, " after %.1f s",
                            (e.end().toEpochMilli() - e.start().toEpochMilli()) / 1000.0) : ""));
        }
    }

    /** A camera's new state, with the reason when there is one. */
    public void state(String camera, CameraStatus.State state, String message) {
        String m = message == null ? "" : UrlRedaction.redact(message);
        Level level = switch (state) {
            case STARTING, LIVE, ENDED -> Level.INFO;
            case STALLED, RECONNECTING -> Level.WARN;
            case OFFLINE -> Level.ERROR;
        };
        if (json) {
            print(line(level, "state", camera).put("state", state.name().toLowerCase(Locale.ROOT))
                    .put("message", m));
        } else {
            print(level, camera, state.name().toLowerCase(Locale.ROOT) + (m.isEmpty() ? "" : " (" + m + ")"));
        }
    }

    /** A camera's periodic health line. */
    public void health(String camera, CameraStatus s) {
        if (json) {
            print(line(Level.INFO, "health", camera).put("state", s.state().name().toLowerCase(Locale.ROOT))
                    .put("fps", round(s.fps())).put("detectFps", round(s.detectFps()))
                    .put("detected", s.framesDetected()).put("skippedBusy", s.skippedBusy())
                    .put("skippedRate", s.skippedRate())
                    .put("skippedNoMotion", s.skippedNoMotion()));
        } else {
            print(Level.INFO, camera, String.format(Locale.ROOT, "%s, %.1f fps, detecting %.1f fps, %d detected, %s",
                    s.state().name().toLowerCase(Locale.ROOT), s.fps(), s.detectFps(), s.framesDetected(),
                    skipped(s)));
        }
    }

    /**
     * {@code skipped 12 while the detector was busy, 3 for detect_fps, 40 without motion}: each reason apart, the
     * ones at zero left out ({@code nothing skipped} when all are), since a frame skipped for a cap nobody set would
     * send the reader looking for one.
     */
    static String skipped(CameraStatus s) {
        List<String> parts = new ArrayList<>();
        if (s.skippedBusy() > 0) {
            parts.add(s.skippedBusy() + " while the detector was busy");
        }
        if (s.skippedRate() > 0) {
            parts.add(s.skippedRate() + " for detect_fps");
        }
        if (s.skippedNoMotion() > 0) {
            parts.add(s.skippedNoMotion() + " without motion");
        }
        return parts.isEmpty() ? "nothing skipped" : "skipped " + String.join(", ", parts);
    }

    /** Something the user should know about the node (started, stopping). */
    public void info(String message) {
        message(Level.INFO, null, message);
    }

    /** A problem of the node (the store, a sink) that the monitor survives. */
    public void warn(String message) {
        message(Level.WARN, null, message);
    }

    /** A line about {@code camera} ({@code null}: the node). */
    public void message(Level level, String camera, String message) {
        String m = UrlRedaction.redact(message);
        if (json) {
            print(line(level, "message", camera).put("message", m));
        } else {
            print(level, camera, m);
        }
    }

    private static ObjectNode line(Level level, String type, String camera) {
        ObjectNode node = JSON.createObjectNode().put("time", Instant.now().toString())
                .put("level", level.name().toLowerCase(Locale.ROOT)).put("type", type);
        if (camera != null) {
            node.put("camera", camera);
        }
        return node;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private void print(ObjectNode line) {
        out.println(line.toString());
    }

    private void print(Level level, String camera, String message) {
        out.println(String.format(Locale.ROOT, "lookout monitor: %-5s %s%s", level, camera == null ? "" : camera
                + ": ", message));
    }
}
