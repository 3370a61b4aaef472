package dev.lookout.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.config.HttpConfig;
import dev.lookout.monitor.CameraStatus;
import dev.lookout.store.EventListing;
import dev.lookout.store.EventQuery;
import dev.lookout.store.StorageLayout;
import dev.lookout.store.StoreReader;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint of the API against a fake monitor and a real store with real clips, over real HTTP. */
class WebApiTest {

    @TempDir
    static Path temp;

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final List<String> BODIES = new ArrayList<>();
    static FakeMonitor.FakeFeed front;
    static FakeMonitor.FakeFeed yard;
    static StorageLayout layout;
    static WebServer server;
    static byte[] frame;

    @BeforeAll
    static void start() throws Exception {
        layout = WebFixtures.store(temp.resolve("storage"), 7);
        front = WebFixtures.camera("front", CameraStatus.State.LIVE);
        yard = WebFixtures.camera("yard", CameraStatus.State.RECONNECTING);
        frame = WebFixtures.jpeg("front 1", 640, 480, Color.GRAY);
        front.push(frame);
        server = WebServer.start(new FakeMonitor("attic", front, yard), new StoreReader(layout),
                new HttpConfig("127.0.0.1", WebFixtures.freePort(), java.util.Optional.empty()));
    }

    @AfterAll
    static void stop() {
        server.close();
        for (String body : BODIES) {
            assertFalse(body.contains(WebFixtures.SOURCE_PASSWORD), "a response showed the source password: " + body);
        }
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        BODIES.add(new String(response.body(), StandardCharsets.ISO_8859_1));
        response.headers().map().values().forEach(v -> BODIES.add(v.toString()));
        return response;
    }

    static JsonNode json(String path) throws Exception {
        HttpResponse<byte[]> response = get(path);
        assertEquals(200, response.statusCode(), () -> path + ": " + new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        return JSON.readTree(response.body());
    }

    static void assertJsonError(int status, HttpResponse<byte[]> response, String mentions) throws Exception {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(status, response.statusCode(), body);
        JsonNode error = JSON.readTree(body);
        assertTrue(error.get("error").asText().contains(mentions), body);
        assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains(".java"), body);
    }

    @Test
    void countsAreServedPerHourAsJsonAndCsvAndBadParametersAreNamed() throws Exception {
        Instant t = Instant.now().minusSeconds(600);
        try (dev.lookout.store.EventStore store = dev.lookout.store.EventStore.open(
                dev.lookout.store.StoreOptions.defaults(layout.root()))) {
            store.addCounts(List.of(
                    new dev.lookout.store.StoredCount("front", "line", "door", "in", "person", t, 1),
                    new dev.lookout.store.StoredCount("front", "line", "door", "in", "person", t.plusSeconds(1), 1),
                    new dev.lookout.store.StoredCount("front", "zone", "yard", "entered", "car", t, 1)));
            store.flush();
        }
        JsonNode total = json("/api/counts?camera=front&by=total&from=1h");
        assertEquals(2, total.size(), total.toString());
        assertEquals("door", total.get(0).get("name").asText());
        assertEquals(2, total.get(0).get("count").asLong());
        assertEquals("entered", total.get(1).get("direction").asText());
        HttpResponse<byte[]> csv = get("/api/counts?by=total&format=csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals("start,camera,kind,name,direction,class,count\n,front,line,door,in,person,2\n"
                + ",front,zone,yard,entered,car,1\n", new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertJsonError(400, get("/api/counts?by=week"), "by:");
        assertJsonError(400, get("/api/counts?colour=red"), "unknown parameter 'colour'");
    }

    @Test
    void camerasShowStateStatisticsAndCountsWithTheSourceMasked() throws Exception {
        JsonNode cameras = json("/api/cameras");
        assertEquals(2, cameras.size());
        JsonNode f = cameras.get(0);
        assertEquals("front", f.get("name").asText());
        assertEquals("live", f.get("state").asText());
        assertEquals("rtsp://***@10.0.0.7:554/front", f.get("source").asText());
        assertEquals(12.5, f.get("fps").asDouble());
        assertEquals(1234, f.get("frames_detected").asLong());
        assertEquals(90, f.get("skipped_busy").asLong(), "skipped while the detector was busy");
        assertEquals(56, f.get("skipped_rate").asLong(), "skipped for detect_fps only");
        assertEquals(78, f.get("skipped_no_motion").asLong());
        assertEquals(2, f.at("/counts/classes/person").asInt());
        assertEquals(1, f.at("/counts/zones/drive/person").asInt());
        assertEquals(5, f.at("/counts/lines/gate/in").asInt());
        assertEquals(3, f.at("/counts/lines/gate/out").asInt());
        JsonNode y = cameras.get(1);
        assertEquals("reconnecting", y.get("state").asText());
        assertEquals("cannot open rtsp://***@10.0.0.7:554/yard: timed out", y.get("problem").asText());
        JsonNode node = json("/api/node");
        assertEquals("attic", node.get("node").asText());
        assertEquals(2, node.get("cameras").asInt());
        assertEquals(1, node.get("live").asInt());
    }

    @Test
    void eventsAreExactlyWhatLookoutEventsJsonPrints() throws Exception {
        StoreReader reader = new StoreReader(layout);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new EventListing(ZoneOffset.UTC).printJson(reader.events(EventQuery.NEWEST),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        JsonNode events = json("/api/events");
        assertEquals(7, lines.size());
        assertEquals(lines.size(), events.size());
        for (int i = 0; i < lines.size(); i++) {
            com.fasterxml.jackson.databind.node.ObjectNode printedEvent =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(lines.get(i));
            for (String file : new String[] {"snapshot", "thumbnail", "clip"}) {
                if (printedEvent.hasNonNull(file)) {
                    printedEvent.put(file, "/api/events/" + printedEvent.get("id").asText() + "/" + file);
                }
            }
            assertEquals(printedEvent, events.get(i), "the same fields, files as the URLs that serve them");
        }
        assertFalse(events.toString().contains(layout.root().toAbsolutePath().toString()),
                "no answer holds the storage folder's path: " + events);
        assertEquals("ev6", events.get(0).get("id").asText(), "newest first");
    }

    /** The clip of event {@code id}, as the store holds it. */
    private Path clipOf(String id) throws Exception {
        return new StoreReader(layout).events(EventQuery.NEWEST).stream().filter(e -> e.event().id().equals(id))
                .findFirst().orElseThrow().event().clip();
    }

    @Test
    void eventsFilterAndPage() throws Exception {
        assertEquals(List.of("ev6", "ev4", "ev2", "ev0"), ids(json("/api/events?camera=front")));
        assertEquals(List.of("ev5", "ev3", "ev1"), ids(json("/api/events?class=car")));
        assertEquals(List.of("ev4", "ev2"), ids(json("/api/events?camera=front&class=person"
                + "&since=2026-11-30T10:02:00Z&until=2026-11-30T10:05:00Z")));
        assertEquals(List.of("ev6", "ev5"), ids(json("/api/events?limit=2")));
        assertEquals(List.of("ev4", "ev3"), ids(json("/api/events?limit=2&offset=2")));
        assertEquals(List.of(), ids(json("/api/events?offset=7")));
        assertEquals(List.of(), ids(json("/api/events?since=1h")), "every event is older than an hour");
        assertEquals(List.of(), ids(json("/api/events?camera=nowhere")));
    }

    private static List<String> ids(JsonNode events) {
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    @Test
    void badParametersGetAClear400() throws Exception {
        assertJsonError(400, get("/api/events?limit=0"), "'limit' must be a whole number from 1 to 1000, got '0'");
        assertJsonError(400, get("/api/events?limit=abc"), "'limit'");
        assertJsonError(400, get("/api/events?limit=99999999999"), "'limit'");
        assertJsonError(400, get("/api/events?offset=-1"), "'offset'");
        assertJsonError(400, get("/api/events?since=yesterday"), "'since'");
        assertJsonError(400, get("/api/events?until=2026-13-45T99:00:00Z"), "'until'");
        assertJsonError(400, get("/api/events?camra=front"), "unknown parameter 'camra'");
        assertJsonError(400, get("/api/events?camera="), "'camera' is empty");
        assertJsonError(400, get("/api/events?limit=1&limit=2"), "more than once");
        String raw = RawHttp.get(server.port(), "/api/events?class=%zz", null);
        // the JDK's server answers a request line that is not a URI itself (400, one line of HTML), before routing
        assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
        assertFalse(raw.contains("\tat "), raw);
        BODIES.add(raw);
        assertJsonError(404, get("/api/nothing"), "no API endpoint");
        assertJsonError(404, get("/api/cameras/front/snapshot.png"), "latest.jpg and stream.mjpg");
        HttpResponse<byte[]> post = CLIENT.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/events")).POST(HttpRequest.BodyPublishers
                .ofString("{}")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertJsonError(405, post, "only GET and HEAD");
    }

    @Test
    void oneEventAndItsFiles() throws Exception {
        JsonNode event = json("/api/events/ev1");
        assertEquals("yard", event.get("camera").asText());
        assertEquals("car", event.get("class").asText());
        assertJsonError(404, get("/api/events/nope"), "no event with id 'nope'");
        assertJsonError(404, get("/api/events/ev5/clip"), "event ev5 has no clip");
        assertJsonError(404, get("/api/events/ev1/video"), "snapshot, thumbnail or clip");

        assertEquals("/api/events/ev1/clip", event.get("clip").asText(), "the URL that serves it, not a path");
        Path clip = clipOf("ev1");
        HttpResponse<byte[]> whole = get("/api/events/ev1/clip");
        assertEquals(200, whole.statusCode());
        assertEquals("video/mp4", whole.headers().firstValue("Content-Type").orElse(""));
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
        assertArrayEquals(Files.readAllBytes(clip), whole.body());
        assertEquals("ftyp", new String(whole.body(), 4, 4, StandardCharsets.US_ASCII), "a real MP4");

        HttpResponse<byte[]> snapshot = get("/api/events/ev1/snapshot");
        assertEquals("image/jpeg", snapshot.headers().firstValue("Content-Type").orElse(""));
        assertEquals(640, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(snapshot.body())).getWidth());
        HttpResponse<byte[]> thumbnail = get("/api/events/ev1/thumbnail");
        assertEquals(160, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumbnail.body())).getWidth());
    }

    @Test
    void rangeRequestsLetABrowserSeek() throws Exception {
        byte[] file = Files.readAllBytes(clipOf("ev0"));
        int size = file.length;
        HttpResponse<byte[]> middle = get("/api/events/ev0/clip", "Range", "bytes=100-1099");
        assertEquals(206, middle.statusCode());
        assertEquals("bytes 100-1099/" + size, middle.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(file, 100, 1100), middle.body());

        HttpResponse<byte[]> open = get("/api/events/ev0/clip", "Range", "bytes=" + (size - 10) + "-");
        assertEquals(206, open.statusCode());
        assertArrayEquals(Arrays.copyOfRange(file, size - 10, size), open.body());

        HttpResponse<byte[]> suffix = get("/api/events/ev0/clip", "Range", "bytes=-500");
        assertEquals("bytes " + (size - 500) + "-" + (size - 1) + "/" + size,
                suffix.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(file, size - 500, size), suffix.body());

        HttpResponse<byte[]> pastEnd = get("/api/events/ev0/clip", "Range", "bytes=" + size + "-");
        assertJsonError(416, pastEnd, "outside the file");
        assertEquals("bytes */" + size, pastEnd.headers().firstValue("Content-Range").orElse(""));

        HttpResponse<byte[]> head = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/events/ev0/clip")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(Long.toString(size), head.headers().firstValue("Content-Length").orElse(""));
        assertEquals(0, head.body().length);

        HttpResponse<byte[]> beyond = get("/api/events/ev0/clip", "Range", "bytes=0-99999999");
        assertEquals(206, beyond.statusCode(), "a range running past the end is cut at the end");
        assertArrayEquals(file, beyond.body());
    }

    @Test
    void latestFrameAndUnknownCameras() throws Exception {
        HttpResponse<byte[]> latest = get("/api/cameras/front/latest.jpg");
        assertEquals(200, latest.statusCode());
        assertEquals("image/jpeg", latest.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(frame, latest.body());
        assertJsonError(404, get("/api/cameras/yard/latest.jpg"), "camera 'yard' has no frame yet");
        assertJsonError(404, get("/api/cameras/garage/latest.jpg"), "no camera named 'garage'");
        assertJsonError(404, get("/api/cameras/garage/stream.mjpg"), "no camera named 'garage'");
    }

    @Test
    void thePageIsServedFromTheJar() throws Exception {
        HttpResponse<byte[]> page = get("/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
        assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains("<script src=\"app.js\"></script>"));
        assertEquals(200, get("/app.js").statusCode());
        assertEquals(200, get("/style.css").statusCode());
        assertJsonError(404, get("/web/app.js"), "nothing at");
    }
}
