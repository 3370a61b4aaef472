package dev.lookout.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.config.HttpConfig;
import dev.lookout.config.Secret;
import dev.lookout.monitor.CameraStatus;
import dev.lookout.store.StorageLayout;
import dev.lookout.store.StoreReader;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS rebinding: a page of attacker.example whose name is made to resolve to 127.0.0.1 talks to the loopback
 * server from the victim's browser; the browser still sends {@code Host: attacker.example}, which is refused.
 */
class WebHostCheckTest {

    @TempDir
    Path temp;

    private WebServer start(HttpConfig http) throws Exception {
        FakeMonitor.FakeFeed front = WebFixtures.camera("front", CameraStatus.State.LIVE);
        return WebServer.start(new FakeMonitor("n", front), new StoreReader(new StorageLayout(temp)), http);
    }

    @Test
    void aLoopbackServerRefusesAForeignHostNameWithAJsonErrorNamingTheSetting() throws Exception {
        try (WebServer server = start(new HttpConfig("127.0.0.1", WebFixtures.freePort(), Optional.empty()))) {
            int port = server.port();
            for (String target : List.of("/api/cameras", "/api/cameras/front/stream.mjpg", "/", "/api/nothing")) {
                for (String host : List.of("attacker.example", "attacker.example:" + port, "127.0.0.1.attacker.example",
                        "localhost.attacker.example")) {
                    String response = RawHttp.getWithHost(port, target, host);
                    assertTrue(response.startsWith("HTTP/1.1 421"), host + " " + target + ": " + response);
                    assertTrue(response.contains("application/json"), response);
                    assertTrue(response.contains("{\"error\":\"") && response.contains("http: allowed_hosts:"),
                            response);
                    assertFalse(response.contains("\"name\":\"front\""), response);
                }
            }
            String none = RawHttp.send(port, "GET /api/cameras HTTP/1.0\r\n\r\n");
            assertTrue(none.startsWith("HTTP/1.1 421"), none);
        }
    }

    @Test
    void aLoopbackServerAnswersThisMachinesNamesWithAnyPort() throws Exception {
        try (WebServer server = start(new HttpConfig("127.0.0.1", WebFixtures.freePort(), Optional.empty()))) {
            int port = server.port();
            String machine = InetAddress.getLocalHost().getHostName();
            for (String host : List.of("localhost", "LOCALHOST:" + port, "127.0.0.1", "127.0.0.1:" + port,
                    "127.1.2.3:80", "[::1]", "[::1]:" + port, "localhost.", machine, machine + ":" + port)) {
                String response = RawHttp.getWithHost(port, "/api/cameras", host);
                assertTrue(response.startsWith("HTTP/1.1 200"), host + ": " + response);
                assertTrue(response.contains("\"name\":\"front\""), response);
            }
        }
    }

    @Test
    void aLoopbackServerAnswersTheAllowedHostsOfAReverseProxy() throws Exception {
        HttpConfig http = new HttpConfig("127.0.0.1", WebFixtures.freePort(), Optional.empty(),
                List.of("cam.example.org"));
        try (WebServer server = start(http)) {
            int port = server.port();
            assertTrue(RawHttp.getWithHost(port, "/api/cameras", "cam.example.org").startsWith("HTTP/1.1 200"));
            assertTrue(RawHttp.getWithHost(port, "/api/cameras", "Cam.Example.Org:443").startsWith("HTTP/1.1 200"));
            assertTrue(RawHttp.getWithHost(port, "/api/cameras", "evil.example.org").startsWith("HTTP/1.1 421"));
        }
    }

    @Test
    void withAPasswordOnLoopbackTheHostIsCheckedBeforeThePassword() throws Exception {
        HttpConfig http = new HttpConfig("127.0.0.1", WebFixtures.freePort(), Optional.of(new Secret("pw-4-host")));
        try (WebServer server = start(http)) {
            int port = server.port();
            String foreign = RawHttp.send(port, "GET /api/cameras HTTP/1.1\r\nHost: attacker.example\r\n"
                    + "Authorization: Bearer pw-4-host\r\nConnection: close\r\n\r\n");
            assertTrue(foreign.startsWith("HTTP/1.1 421"), foreign);
            String local = RawHttp.send(port, "GET /api/cameras HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "Authorization: Bearer pw-4-host\r\nConnection: close\r\n\r\n");
            assertTrue(local.startsWith("HTTP/1.1 200"), local);
        }
    }
}
