package dev.lookout.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.lookout.capture.UrlRedaction;
import dev.lookout.monitor.CameraFeed;
import dev.lookout.monitor.CameraStatus;
import dev.lookout.monitor.MonitorView;
import dev.lookout.notify.CameraCounts;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * {@code /api/node}, {@code /api/cameras}, and per camera {@code latest.jpg} and {@code stream.mjpg}. Source URLs
 * and problems pass through {@link UrlRedaction} again here, so a feed that forgot to mask one still leaks nothing.
 * At most {@value #MAX_STREAMS} MJPEG streams run at once (each holds a thread); more get 503.
 */
final class CameraApi {

    static final int MAX_STREAMS = 16;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final MonitorView monitor;
    private final BooleanSupplier stopped;
    private final Semaphore streams = new Semaphore(MAX_STREAMS);

    CameraApi(MonitorView monitor, BooleanSupplier stopped) {
        this.monitor = monitor;
        this.stopped = stopped;
    }

    /** {@code GET /api/node}: the node's name and how many of its cameras are live. */
    void node(HttpExchange exchange) throws IOException {
        long live = monitor.cameras().stream().filter(c -> c.status().state() == CameraStatus.State.LIVE).count();
        Responses.json(exchange, 200, NODES.objectNode().put("node", monitor.node())
                .put("cameras", monitor.cameras().size()).put("live", live));
    }

    /** {@code GET /api/cameras}. */
    void cameras(HttpExchange exchange) throws IOException {
        ArrayNode array = NODES.arrayNode();
        for (CameraFeed feed : monitor.cameras()) {
            array.add(json(feed));
        }
        Responses.json(exchange, 200, array);
    }

    static ObjectNode json(CameraFeed feed) {
        CameraStatus s = feed.status();
        ObjectNode node = NODES.objectNode().put("name", feed.name()).put("state", s.state().name().toLowerCase())
                .put("source", UrlRedaction.redact(s.source())).put("fps", s.fps()).put("detect_fps", s.detectFps())
                .put("frames_detected", s.framesDetected()).put("skipped_busy", s.skippedBusy())
                .put("skipped_rate", s.skippedRate())
                .put("skipped_no_motion", s.skippedNoMotion()).put("problem", UrlRedaction.redact(s.problem()));
        CameraCounts counts = feed.counts();
        ObjectNode countsNode = node.putObject("counts");
        ObjectNode classes = countsNode.putObject("classes");
        counts.classes().forEach(classes::put);
        ObjectNode zones = countsNode.putObject("zones");
        counts.zones().forEach((zone, perClass) -> {
            ObjectNode z = zones.putObject(zone);
            perClass.forEach(z::put);
        });
        ObjectNode lines = countsNode.putObject("lines");
        counts.lines().forEach((line, totals) -> lines.putObject(line).put("in", totals.in()).put("out", totals.out()));
        return node;
    }

    /** {@code GET /api/cameras/{name}/latest.jpg}. */
    void latest(HttpExchange exchange, String name) throws IOException, HttpProblem {
        byte[] jpeg = feed(name).latestJpeg()
                .orElseThrow(() -> HttpProblem.notFound("camera '" + name + "' has no frame yet"));
        Responses.bytes(exchange, 200, "image/jpeg", jpeg);
    }

    /** {@code GET /api/cameras/{name}/stream.mjpg}: runs until the client leaves or the server stops. */
    void stream(HttpExchange exchange, String name) throws IOException, HttpProblem {
        CameraFeed feed = feed(name);
        if (!streams.tryAcquire()) {
            throw new HttpProblem(503, "too many live streams (" + MAX_STREAMS + "): close one, or use latest.jpg");
        }
        try {
            new MjpegStream().serve(exchange, feed, stopped);
        } finally {
            streams.release();
        }
    }

    private CameraFeed feed(String name) throws HttpProblem {
        return monitor.cameras().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> HttpProblem.notFound("no camera named '" + name + "'"));
    }
}
