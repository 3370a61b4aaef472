package dev.lookout.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.config.HttpConfig;
import dev.lookout.monitor.CameraStatus;
import dev.lookout.store.StorageLayout;
import dev.lookout.store.StoreReader;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests the JDK's server would reject itself, with an HTML page naming a Java exception: every one is a JSON
 * error with its status, and the server answers normally afterwards.
 */
class WebBadRequestTest {

    @TempDir
    Path temp;

    private static final String HOST = "Host: 127.0.0.1\r\n";

    @Test
    void malformedRequestsAreJsonErrorsNeverAJavaException() throws Exception {
        FakeMonitor.FakeFeed front = WebFixtures.camera("front", CameraStatus.State.LIVE);
        try (WebServer server = WebServer.start(new FakeMonitor("n", front), new StoreReader(new StorageLayout(temp)),
                new HttpConfig("127.0.0.1", WebFixtures.freePort(), Optional.empty()))) {
            int port = server.port();
            String bigHeader = "X-Big: " + "a".repeat(500_000) + "\r\n";
            String[][] cases = {
                {"400", "GET /api/events/%ZZ HTTP/1.1\r\n" + HOST + "\r\n", "not URL-encoded properly"},
                {"400", "GET /api/events/%ZZ/clip HTTP/1.1\r\n" + HOST + "\r\n", "not URL-encoded properly"},
                {"400", "GET /api/events?camera=a|b HTTP/1.1\r\n" + HOST + "\r\n", "not URL-encoded properly"},
                {"400", "GET /api/cameras/%E0%A4%A/latest.jpg HTTP/1.1\r\n" + HOST + "\r\n", "not URL-encoded"},
                {"400", "GARBAGE\r\n" + HOST + "\r\n", "the request line is not METHOD /path HTTP/1.1"},
                {"400", "GET /api/cameras\r\n" + HOST + "\r\n", "the request line"},
                {"400", "GET http://elsewhere/api/cameras HTTP/1.1\r\n" + HOST + "\r\n", "must be a path"},
                {"400", "GET /api/cameras HTTP/1.1\r\n" + HOST + "Bad Header: x\r\n\r\n", "header line 2"},
                {"400", "GET /api/cameras HTTP/1.1\r\n" + HOST + "Content-Length: abc\r\n\r\n", "carries no body"},
                {"400", "GET /api/cameras HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                    "carries no body"},
                {"405", "POST /api/cameras HTTP/1.1\r\n" + HOST + "Content-Length: 5\r\n\r\nhello", "only GET and HEAD"},
                {"405", "DELETE /api/events/ev0 HTTP/1.1\r\n" + HOST + "\r\n", "only GET and HEAD"},
                {"431", "GET /api/cameras HTTP/1.1\r\n" + HOST + bigHeader + "\r\n", "larger than 64 KB"},
                {"431", "GET /api/cameras HTTP/1.1\r\n" + HOST + "X-Many: 1\r\n".repeat(300) + "\r\n",
                    "more than 100 header lines"},
            };
            for (String[] c : cases) {
                String response = RawHttp.send(port, c[1]);
                String shown = c[1].substring(0, Math.min(60, c[1].length()));
                assertTrue(response.startsWith("HTTP/1.1 " + c[0]), shown + ": " + response);
                assertTrue(response.contains("Content-Type: application/json"), shown + ": " + response);
                assertTrue(response.contains("{\"error\":\"") && response.contains(c[2]), shown + ": " + response);
                assertFalse(response.contains("Exception") || response.contains("java.") || response.contains("<h1>")
                        || response.contains("\tat "), shown + ": " + response);
            }
            String fine = RawHttp.get(port, "/api/cameras", null);
            assertTrue(fine.startsWith("HTTP/1.1 200") && fine.contains("\"name\":\"front\""), fine);
        }
    }

    @Test
    void aBadRequestAfterAGoodOneOnTheSameConnectionGetsItsErrorAfterTheFirstAnswer() throws Exception {
        FakeMonitor.FakeFeed front = WebFixtures.camera("front", CameraStatus.State.LIVE);
        try (WebServer server = WebServer.start(new FakeMonitor("n", front), new StoreReader(new StorageLayout(temp)),
                new HttpConfig("127.0.0.1", WebFixtures.freePort(), Optional.empty()))) {
            String response = RawHttp.send(server.port(), "GET /api/node HTTP/1.1\r\n" + HOST + "\r\n"
                    + "GET /api/events/%ZZ HTTP/1.1\r\n" + HOST + "\r\n");
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            int second = response.indexOf("HTTP/1.1 400");
            assertTrue(second > 0, response);
            assertTrue(response.substring(0, second).contains("\"node\":\"n\""), response);
            assertTrue(response.substring(second).contains("not URL-encoded properly"), response);
        }
    }
}
