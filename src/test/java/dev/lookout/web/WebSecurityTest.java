package dev.lookout.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.config.HttpConfig;
import dev.lookout.config.Secret;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import dev.lookout.monitor.CameraStatus;
import dev.lookout.store.EventStore;
import dev.lookout.store.RecordingKind;
import dev.lookout.store.StorageLayout;
import dev.lookout.store.StoreOptions;
import dev.lookout.store.StoreReader;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passwords, binds, and files outside the storage folder. */
class WebSecurityTest {

    static final String PASSWORD = "s3cret-web-pass";

    @TempDir
    Path temp;

    @Test
    void refusesANonLoopbackBindWithoutAPassword() throws Exception {
        FakeMonitor monitor = new FakeMonitor("n", WebFixtures.camera("front", CameraStatus.State.LIVE));
        StoreReader store = new StoreReader(new StorageLayout(temp));
        for (String host : List.of("0.0.0.0", "192.168.1.20", "::")) {
            WebServerException refused = assertThrows(WebServerException.class, () -> WebServer.start(monitor, store,
                    new HttpConfig(host, WebFixtures.freePort(), Optional.empty())));
            assertTrue(refused.getMessage().startsWith("refusing to serve the web page on "), refused.getMessage());
            assertTrue(refused.getMessage().contains("Set http: password: in lookout.yml"), refused.getMessage());
        }
        assertThrows(WebServerException.class, () -> WebServer.start(monitor, store,
                new HttpConfig("0.0.0.0", WebFixtures.freePort(), Optional.of(new Secret("")))), "an empty password");
    }

    @Test
    void aPortInUseIsAClearMessage() throws Exception {
        FakeMonitor monitor = new FakeMonitor("n");
        StoreReader store = new StoreReader(new StorageLayout(temp));
        HttpConfig http = new HttpConfig("127.0.0.1", WebFixtures.freePort(), Optional.empty());
        try (WebServer first = WebServer.start(monitor, store, http)) {
            WebServerException busy = assertThrows(WebServerException.class, () -> WebServer.start(monitor, store, http));
            assertTrue(busy.getMessage().startsWith("cannot listen on 127.0.0.1:" + http.port()), busy.getMessage());
        }
    }

    @Test
    void withAPasswordEveryRequestMustPresentIt() throws Exception {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("dev.lookout.web").addHandler(capture);
        FakeMonitor.FakeFeed front = WebFixtures.camera("front", CameraStatus.State.LIVE);
        front.push(WebFixtures.jpeg("x", 64, 48, Color.RED));
        StorageLayout layout = WebFixtures.store(temp.resolve("storage"), 1);
        HttpConfig http = new HttpConfig("127.0.0.1", WebFixtures.freePort(), Optional.of(new Secret(PASSWORD)));
        List<String> responses = new ArrayList<>();
        try (WebServer server = WebServer.start(new FakeMonitor("n", front), new StoreReader(layout), http)) {
            int port = server.port();
            for (String path : List.of("/", "/api/cameras", "/api/events", "/api/events/ev0/clip",
                    "/api/cameras/front/latest.jpg", "/api/cameras/front/stream.mjpg")) {
                String none = RawHttp.get(port, path, null);
                assertTrue(none.startsWith("HTTP/1.1 401"), path + ": " + none);
                assertTrue(none.toLowerCase(java.util.Locale.ROOT).contains("www-authenticate: basic realm=\"lookout\""), none);
                String wrong = RawHttp.get(port, path, basic("admin", PASSWORD + "x"));
                assertTrue(wrong.startsWith("HTTP/1.1 401"), path + ": " + wrong);
                responses.add(none);
                responses.add(wrong);
            }
            assertTrue(RawHttp.get(port, "/api/cameras", "Bearer wrong").startsWith("HTTP/1.1 401"));
            assertTrue(RawHttp.get(port, "/api/cameras", "Basic !!notbase64").startsWith("HTTP/1.1 401"));
            String basic = RawHttp.get(port, "/api/cameras", basic("anyone", PASSWORD));
            assertTrue(basic.startsWith("HTTP/1.1 200"), basic);
            assertTrue(basic.contains("\"name\":\"front\""), basic);
            String bearer = RawHttp.get(port, "/api/events/ev0", "Bearer " + PASSWORD);
            assertTrue(bearer.startsWith("HTTP/1.1 200"), bearer);
            responses.add(basic);
            responses.add(bearer);
            responses.add(RawHttp.get(port, "/", "Bearer " + PASSWORD));
            responses.add(RawHttp.get(port, "/app.js", "Bearer " + PASSWORD));
        } finally {
            Logger.getLogger("dev.lookout.web").removeHandler(capture);
        }
        assertFalse(logged.isEmpty(), "the start is logged");
        for (String text : concat(responses, logged, List.of(http.toString()))) {
            assertFalse(text.contains(PASSWORD), "the password leaked: " + text);
            assertFalse(text.contains(WebFixtures.SOURCE_PASSWORD), "a source password leaked: " + text);
        }
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void onlyFilesTheStoreNamesInsideTheStorageFolderAreServed() throws Exception {
        Path storage = temp.resolve("storage");
        StorageLayout layout = new StorageLayout(storage);
        Path outside = Files.writeString(temp.resolve("private.txt"), "not for the web");
        Path clips = Files.createDirectories(layout.folder(RecordingKind.CLIP, "front"));
        Path link = Files.createSymbolicLink(clips.resolve("link.mp4"), outside);
        Files.writeString(storage.resolve("notes.txt"), "inside, but no event names it");
        try (EventStore store = EventStore.open(StoreOptions.defaults(storage))) {
            store.onEvent(new EventChange(EventType.NEW, null, event("outside", outside)));
            store.onEvent(new EventChange(EventType.NEW, null, event("linked", link)));
            store.flush();
        }
        try (WebServer server = WebServer.start(new FakeMonitor("n"), new StoreReader(layout),
                new HttpConfig("127.0.0.1", WebFixtures.freePort(), Optional.empty()))) {
            int port = server.port();
            String direct = RawHttp.get(port, "/api/events/outside/clip", null);
            assertTrue(direct.startsWith("HTTP/1.1 403"), direct);
            assertTrue(direct.contains("outside the storage folder"), direct);
            String viaLink = RawHttp.get(port, "/api/events/linked/clip", null);
            assertTrue(viaLink.startsWith("HTTP/1.1 403"), viaLink);
            for (String target : List.of("/api/events/..%2F..%2Fprivate.txt/clip", "/api/events/../../private.txt",
                    "/../private.txt", "/api/events/%2e%2e/notes.txt", "/api/cameras/..%2F..%2Fnotes.txt/latest.jpg",
                    "/api/events/outside/..%2F..%2Fnotes.txt", "/%2e%2e/%2e%2e/private.txt", "/storage/notes.txt")) {
                String response = RawHttp.get(port, target, null);
                assertTrue(response.startsWith("HTTP/1.1 4"), target + ": " + response);
                assertFalse(response.contains("not for the web") || response.contains("no event names it"), response);
            }
        }
    }

    private static ObjectEvent event(String id, Path clip) {
        return new ObjectEvent(id, "front", 1, "person", WebFixtures.T0, WebFixtures.T0.plusSeconds(3), 0.6, 0.7,
                null, List.of(), List.of(), false, null, clip);
    }

    @Test
    void anUnreadableStoreIsA503WithoutAStackTrace() throws Exception {
        Path storage = Files.createDirectories(temp.resolve("broken"));
        Files.writeString(storage.resolve("lookout.db"), "this is not a SQLite database, just text ".repeat(200));
        try (WebServer server = WebServer.start(new FakeMonitor("n"), new StoreReader(new StorageLayout(storage)),
                new HttpConfig("127.0.0.1", WebFixtures.freePort(), Optional.empty()))) {
            String response = RawHttp.get(server.port(), "/api/events", null);
            assertTrue(response.startsWith("HTTP/1.1 503"), response);
            assertTrue(response.contains("{\"error\":\"the event store cannot be read: "), response);
            assertFalse(response.contains("Exception") || response.contains("\tat "), response);
        }
    }
}
