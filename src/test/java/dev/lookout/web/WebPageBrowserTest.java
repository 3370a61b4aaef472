package dev.lookout.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.config.HttpConfig;
import dev.lookout.monitor.CameraStatus;
import dev.lookout.store.StorageLayout;
import dev.lookout.store.StoreReader;
import dev.lookout.testsupport.IntegrationTest;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in a real headless browser (Debian's {@code chromium}, driven over DevTools): it shows a live tile per
 * camera with frames from the MJPEG stream, the event list with thumbnails, and plays a clip when a row is
 * clicked; on a phone-sized screen the tiles stack. Screenshots go to {@code target/web-screenshots/}.
 */
@IntegrationTest
class WebPageBrowserTest {

    static final Path SHOTS = Path.of("target/web-screenshots");

    @TempDir
    Path temp;

    /** Waits in the page (up to 30 s) until {@code condition} holds, then returns {@code state}. */
    private static JsonNode waitFor(Chromium browser, String condition, String state) throws Exception {
        return browser.eval("new Promise(done => { const t0 = Date.now(); (function check() {"
                + " let ok = false; try { ok = (" + condition + "); } catch (e) {}"
                + " if (ok || Date.now() - t0 > 30000) done(" + state + "); else setTimeout(check, 100); })(); })");
    }

    @Test
    void showsCamerasAndEventsAndPlaysAClip() throws Exception {
        assumeTrue(Chromium.installed(), "needs Debian's chromium (apt-get install -y chromium)");
        StorageLayout layout = WebFixtures.store(temp.resolve("storage"), 7);
        FakeMonitor.FakeFeed front = WebFixtures.camera("front", CameraStatus.State.LIVE);
        FakeMonitor.FakeFeed yard = WebFixtures.camera("yard", CameraStatus.State.RECONNECTING);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            frames.add(WebFixtures.jpeg("front live " + i, 640, 480, new Color(40, 80 + i * 10, 60)));
        }
        byte[] yardFrame = WebFixtures.jpeg("yard (last frame)", 640, 480, new Color(90, 50, 50));
        yard.push(yardFrame);
        ScheduledExecutorService camera = Executors.newSingleThreadScheduledExecutor();
        int[] n = {0};
        camera.scheduleAtFixedRate(() -> front.push(frames.get(n[0]++ % frames.size())), 0, 200, TimeUnit.MILLISECONDS);
        try (WebServer server = WebServer.start(new FakeMonitor("attic", front, yard), new StoreReader(layout),
                new HttpConfig("127.0.0.1", WebFixtures.freePort(), Optional.empty()));
                Chromium browser = Chromium.open("http://127.0.0.1:" + server.port() + "/", 1280, 1200)) {
            browser.viewport(1280, 1200, false);
            JsonNode page = waitFor(browser,
                    "document.querySelectorAll('.camera img').length === 2"
                            + " && [...document.querySelectorAll('.camera img')].every(i => i.naturalWidth === 640)"
                            + " && document.querySelectorAll('.event').length === 7"
                            + " && [...document.querySelectorAll('.event img')].every(i => i.complete && i.naturalWidth > 0)"
                            + " && document.getElementById('node').textContent === 'node attic'",
                    "({ cameras: [...document.querySelectorAll('.camera')].map(c => c.dataset.camera + ' '"
                            + " + c.querySelector('.state').textContent + ' ' + c.querySelector('img').naturalWidth),"
                            + " fps: document.querySelector('.camera .fps').textContent,"
                            + " counts: document.querySelector('.camera .counts').textContent,"
                            + " problem: document.querySelectorAll('.camera .problem')[1].textContent,"
                            + " events: [...document.querySelectorAll('.event')].map(e => e.dataset.id),"
                            + " thumbs: [...document.querySelectorAll('.event img')].map(i => i.naturalWidth),"
                            + " health: document.getElementById('health').textContent })");
            assertEquals("[\"front live 640\",\"yard reconnecting 640\"]", page.get("cameras").toString(), page.toString());
            assertEquals("12.5 fps · detect 4.0", page.get("fps").asText());
            assertTrue(page.get("counts").asText().contains("gate ↑5 ↓3"), page.toString());
            assertEquals("cannot open rtsp://***@10.0.0.7:554/yard: timed out", page.get("problem").asText());
            assertEquals("[\"ev6\",\"ev5\",\"ev4\",\"ev3\",\"ev2\",\"ev1\",\"ev0\"]", page.get("events").toString());
            assertEquals("[160,160]", page.get("thumbs").toString(), "thumbnails of the two events with files");
            assertEquals("1 of 2 cameras live", page.get("health").asText());
            // the live tile changes as frames arrive: sample one pixel of the MJPEG image until it differs
            String pixel = "(() => { const c = document.createElement('canvas'); c.width = c.height = 1;"
                    + " const g = c.getContext('2d'); g.drawImage(document.querySelector('.camera img'), 5, 5, 1, 1,"
                    + " 0, 0, 1, 1); return g.getImageData(0, 0, 1, 1).data[1]; })()";
            int firstGreen = browser.eval(pixel).asInt();
            JsonNode laterGreen = waitFor(browser, pixel + " !== " + firstGreen, pixel);
            assertTrue(laterGreen.asInt() != firstGreen, "the live tile shows new frames: " + firstGreen);
            browser.screenshot(SHOTS.resolve("web-desktop.png"));

            JsonNode row = browser.eval("(() => { const r = document.querySelector('.event[data-id=\"ev1\"]');"
                    + " r.scrollIntoView(); const b = r.getBoundingClientRect();"
                    + " return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; })()");
            browser.click(row.get("x").asDouble(), row.get("y").asDouble());
            JsonNode video = waitFor(browser, "document.getElementById('clip').currentTime > 1.0",
                    "({ hidden: document.getElementById('player').hidden,"
                            + " src: document.getElementById('clip').currentSrc,"
                            + " time: document.getElementById('clip').currentTime,"
                            + " width: document.getElementById('clip').videoWidth,"
                            + " error: document.getElementById('clip').error && document.getElementById('clip').error.message,"
                            + " title: document.getElementById('player-title').textContent })");
            assertEquals(false, video.get("hidden").asBoolean(), video.toString());
            assertTrue(video.get("src").asText().endsWith("/api/events/ev1/clip"), video.toString());
            assertTrue(video.get("time").asDouble() > 1.0, "the clip plays: " + video);
            assertEquals(320, video.get("width").asInt(), video.toString());
            assertTrue(video.get("title").asText().startsWith("car on yard"), video.toString());
            browser.eval("document.getElementById('clip').pause(); document.getElementById('player')"
                    + ".scrollIntoView(); true");
            browser.screenshot(SHOTS.resolve("web-clip.png"));

            browser.viewport(390, 844, true);
            browser.eval("document.getElementById('player-close').click(); window.scrollTo(0, 0); true");
            JsonNode phone = waitFor(browser, "document.querySelector('.camera').getBoundingClientRect().width < 390",
                    "({ tile: document.querySelector('.camera').getBoundingClientRect().width,"
                            + " second: document.querySelectorAll('.camera')[1].getBoundingClientRect().top"
                            + "  > document.querySelectorAll('.camera')[0].getBoundingClientRect().bottom,"
                            + " scroll: document.documentElement.scrollWidth })");
            assertTrue(phone.get("tile").asDouble() < 390, phone.toString());
            assertTrue(phone.get("second").asBoolean(), "tiles stack on a phone: " + phone);
            assertTrue(phone.get("scroll").asInt() <= 390, "no sideways scrolling on a phone: " + phone);
            browser.screenshot(SHOTS.resolve("web-phone.png"));
        } finally {
            camera.shutdownNow();
        }
    }
}
