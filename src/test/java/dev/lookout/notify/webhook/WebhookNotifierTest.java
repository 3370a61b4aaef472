package dev.lookout.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.config.Secret;
import dev.lookout.config.WebhookConfig;
import dev.lookout.config.WebhookFormat;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventJson;
import dev.lookout.event.EventType;
import dev.lookout.notify.LogCapture;
import dev.lookout.notify.TestEvents;
import dev.lookout.testsupport.Await;
import dev.lookout.testsupport.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link WebhookNotifier} against real HTTP receivers (the JDK's server) on loopback ports. */
@IntegrationTest
class WebhookNotifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WebhookNotifier.Options FAST =
            new WebhookNotifier.Options(10, 3, Duration.ofMillis(50), Duration.ofSeconds(10));

    @Test
    void multipartSendsOnePostPerEventWithItsSnapshotAndTheCooldownHolds() throws Exception {
        Path jpeg = TestEvents.screenshotJpeg();
        try (HookReceiver receiver = new HookReceiver();
                WebhookNotifier notifier = WebhookNotifier.start(List.of(WebhookSettings.of(receiver.url("/hook"))
                        .withFormat(WebhookFormat.MULTIPART).withCooldown(Duration.ofHours(1))), FAST,
                        Clock.systemUTC())) {
            List<EventChange> person = TestEvents.lifecycle("gate", 1, "person", jpeg);
            EventChange dog = TestEvents.appeared("gate", 2, "dog", jpeg);
            EventChange personAgain = TestEvents.appeared("gate", 3, "person", jpeg);
            EventChange personElsewhere = TestEvents.appeared("drive", 4, "person", jpeg);
            person.forEach(notifier::onEvent);
            notifier.onEvent(dog);
            notifier.onEvent(personAgain);
            notifier.onEvent(personElsewhere);

            List<HookReceiver.Request> got = receiver.await(3);
            Await.until(() -> notifier.delivered() == 3, "three deliveries");
            // person on gate, dog on gate, person on drive: the second person on gate is within the cool-down,
            // and the first one's update and end are not asked for (default: new only)
            List<EventChange> expected = List.of(person.get(0), dog, personElsewhere);
            for (int i = 0; i < 3; i++) {
                HookReceiver.Request r = got.get(i);
                assertEquals("POST", r.method());
                assertEquals("/hook", r.path());
                List<byte[]> parts = multipartParts(r);
                assertEquals(JSON.readTree(EventJson.published(expected.get(i), null).toString()), JSON.readTree(body(parts.get(0))),
                        "the event part");
                if (i == 0) {
                    assertEquals(1, parts.size(), "person's 'new' had no snapshot yet");
                } else {
                    assertEquals(2, parts.size());
                    assertArrayEquals(Files.readAllBytes(jpeg), content(parts.get(1)), "the snapshot, as JPEG");
                    assertTrue(new String(parts.get(1), StandardCharsets.ISO_8859_1).contains("image/jpeg"));
                }
            }
        }
    }

    @Test
    void theCooldownIsPerCameraAndClassAndEndsAfterItsPeriod() throws Exception {
        MutableClock clock = new MutableClock();
        try (HookReceiver receiver = new HookReceiver();
                WebhookNotifier notifier = WebhookNotifier.start(List.of(WebhookSettings.of(receiver.url("/h"))
                        .withCooldown(Duration.ofMinutes(5)).on(Set.of(EventType.NEW, EventType.END))), FAST, clock)) {
            List<EventChange> first = TestEvents.lifecycle("gate", 1, "person", null);
            List<EventChange> second = TestEvents.lifecycle("gate", 2, "person", null);
            first.forEach(notifier::onEvent);
            clock.now = clock.now.plus(Duration.ofMinutes(4));
            second.forEach(notifier::onEvent);
            clock.now = clock.now.plus(Duration.ofMinutes(2));
            EventChange third = TestEvents.appeared("gate", 3, "person", null);
            notifier.onEvent(third);

            List<HookReceiver.Request> got = receiver.await(3);
            Await.until(() -> notifier.delivered() == 3, "three deliveries");
            assertEquals(List.of("new:1", "end:1", "new:3"), got.stream().map(r -> {
                JsonNode n = json(r.body());
                return n.get("type").asText() + ":" + n.get("after").get("track_id").asText();
            }).toList(), "the second person (within 5 min) is held back with its end; the third passes");
        }
    }

    @Test
    void ntfyAndGotifyStyles() throws Exception {
        Path jpeg = TestEvents.screenshotJpeg();
        try (HookReceiver ntfy = new HookReceiver(); HookReceiver gotify = new HookReceiver();
                WebhookNotifier notifier = WebhookNotifier.start(List.of(
                        WebhookSettings.of(ntfy.url("/lookout-alerts")).withFormat(WebhookFormat.NTFY),
                        WebhookSettings.of(gotify.url("/message?token=AbCdEf")).withFormat(WebhookFormat.GOTIFY)),
                        FAST, Clock.systemUTC())) {
            notifier.onEvent(TestEvents.appeared("gate", 5, "person", jpeg));

            HookReceiver.Request n = ntfy.await(1).get(0);
            assertEquals("person on gate", n.header("Title"));
            assertEquals("person,gate", n.header("Tags"));
            assertEquals("3", n.header("Priority"));
            assertEquals("gate-20261201T101500-5.jpg", n.header("Filename"));
            assertEquals("person seen on gate (score 80%), zones: yard", n.header("Message"));
            assertArrayEquals(Files.readAllBytes(jpeg), n.body(), "ntfy gets the snapshot as its attachment");

            HookReceiver.Request g = gotify.await(1).get(0);
            assertEquals("token=AbCdEf", g.query());
            JsonNode body = json(g.body());
            assertEquals("person on gate", body.get("title").asText());
            assertEquals("person seen on gate (score 80%), zones: yard", body.get("message").asText());
            assertEquals(5, body.get("priority").asInt());
        }
    }

    @Test
    void jsonCarriesASnapshotLink() throws Exception {
        try (HookReceiver receiver = new HookReceiver();
                WebhookNotifier notifier = WebhookNotifier.start(List.of(WebhookSettings.of(receiver.url("/j"))
                        .withSnapshotUrl("http://lookout.local:8080/api/events/{id}/snapshot")), FAST,
                        Clock.systemUTC())) {
            EventChange change = TestEvents.appeared("gate", 6, "person", TestEvents.screenshotJpeg());
            notifier.onEvent(change);
            HookReceiver.Request r = receiver.await(1).get(0);
            assertEquals("application/json", r.header("Content-Type"));
            JsonNode body = json(r.body());
            assertEquals("http://lookout.local:8080/api/events/gate-20261201T101500-6/snapshot",
                    body.get("snapshot_url").asText());
            assertEquals(JSON.readTree(EventJson.published(change, null).toString()), withoutLink(r.body()), "otherwise EventJson's form");
        }
    }

    @Test
    void retriesAfterAServerErrorAndGivesUpOnAClientError() throws Exception {
        try (HookReceiver receiver = new HookReceiver();
                WebhookNotifier notifier = WebhookNotifier.start(List.of(WebhookSettings.of(receiver.url("/r"))
                        .withCooldown(Duration.ZERO)), FAST, Clock.systemUTC())) {
            receiver.answer(500, 503);
            EventChange change = TestEvents.appeared("gate", 7, "person", null);
            notifier.onEvent(change);
            List<HookReceiver.Request> got = receiver.await(3);
            Await.until(() -> notifier.delivered() == 1, "delivered on the third attempt");
            for (HookReceiver.Request r : got) {
                assertEquals(JSON.readTree(EventJson.published(change, null).toString()), withoutLink(r.body()), "the same event each time");
            }

            receiver.answer(404);
            notifier.onEvent(TestEvents.appeared("gate", 8, "person", null));
            Await.until(() -> notifier.failed() == 1, "a 404 is final");
            assertEquals(4, receiver.requests().size(), "no retry after a 404");
        }
    }

    @Test
    void aDeadReceiverBlocksNeitherTheCallerNorTheOtherWebhooksAndSecretsStayOutOfTheLog() throws Exception {
        try (HookReceiver hung = new HookReceiver(); HookReceiver healthy = new HookReceiver();
                LogCapture logs = new LogCapture()) {
            hung.hang();
            int closedPort;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closedPort = s.getLocalPort();
            }
            String secretUrl = "http://alice:pw-SECRET1@127.0.0.1:" + closedPort + "/hook?token=SECRET2";
            WebhookNotifier.Options options =
                    new WebhookNotifier.Options(10, 2, Duration.ofMillis(50), Duration.ofSeconds(1));
            try (WebhookNotifier notifier = WebhookNotifier.start(List.of(
                    WebhookSettings.of(hung.url("/hung?token=SECRET3")).withCooldown(Duration.ZERO),
                    WebhookSettings.of(secretUrl).withCooldown(Duration.ZERO),
                    WebhookSettings.of(healthy.url("/ok")).withCooldown(Duration.ZERO)), options, Clock.systemUTC())) {
                for (int i = 0; i < 10; i++) {
                    notifier.onEvent(TestEvents.appeared("gate", i, "person", null));
                }
                healthy.await(10);
                for (int i = 10; i < 20; i++) {
                    notifier.onEvent(TestEvents.appeared("gate", i, "person", null));
                }
                // the caller came back 20 times although the hung receiver has answered nothing
                assertEquals(0, hung.answered());
                assertFalse(hung.requests().isEmpty(), "the hung receiver was tried");
                assertEquals(20, healthy.await(20).size(), "the healthy webhook got every event");
                assertTrue(notifier.dropped() > 0, "the hung webhook's queue overflowed and counted it");
                Await.until(() -> logs.text().contains("gave up"), "a failure logged");
            }
            String logged = logs.text();
            assertTrue(logged.contains("127.0.0.1:" + closedPort), "the log names the receiver: " + logged);
            for (String secret : List.of("SECRET1", "SECRET2", "SECRET3", "alice:")) {
                assertFalse(logged.contains(secret), secret + " leaked into the log: " + logged);
            }
        }
    }

    @Test
    void aRequestTheClientRefusesIsReportedAndTheWebhookGoesOn() throws Exception {
        try (HookReceiver receiver = new HookReceiver(); LogCapture logs = new LogCapture();
                WebhookNotifier notifier = WebhookNotifier.start(List.of(new WebhookSettings(receiver.url("/x"),
                        null, null, Duration.ZERO, WebhookFormat.JSON, null, null, java.util.Map.of("Host", "evil"),
                        null)), FAST, Clock.systemUTC())) {
            notifier.onEvent(TestEvents.appeared("gate", 1, "person", null));
            Await.until(() -> notifier.failed() == 1, "the first failure");
            notifier.onEvent(TestEvents.appeared("gate", 2, "person", null));
            Await.until(() -> notifier.failed() == 2, "the second failure: the delivery thread is still there");
            assertTrue(logs.text().contains("cannot send event gate-20261201T101500-1"), logs.text());
            assertTrue(receiver.requests().isEmpty());
        }
    }

    @Test
    void credentialsInTheUrlBecomeBasicAuthentication() throws Exception {
        try (HookReceiver receiver = new HookReceiver();
                WebhookNotifier notifier = WebhookNotifier.start(List.of(WebhookSettings.of(
                        "http://alice:open%20sesame@127.0.0.1:" + receiver.port() + "/auth")), FAST,
                        Clock.systemUTC())) {
            notifier.onEvent(TestEvents.appeared("gate", 1, "person", null));
            HookReceiver.Request r = receiver.await(1).get(0);
            assertEquals("/auth", r.path());
            assertEquals("Basic " + Base64.getEncoder().encodeToString(
                    "alice:open sesame".getBytes(StandardCharsets.UTF_8)), r.header("Authorization"));
        }
    }

    @Test
    void credentialsFromTheConfigurationBecomeBasicBearerOrGotifyHeaders() throws Exception {
        try (HookReceiver basic = new HookReceiver(); HookReceiver bearer = new HookReceiver();
                HookReceiver gotify = new HookReceiver();
                WebhookNotifier notifier = WebhookNotifier.start(List.of(
                        configured(basic, WebhookFormat.JSON, Optional.of("alice"), "open sesame", null),
                        configured(bearer, WebhookFormat.NTFY, Optional.empty(), null, "tk-1"),
                        configured(gotify, WebhookFormat.GOTIFY, Optional.empty(), null, "tk-2")), FAST,
                        Clock.systemUTC())) {
            notifier.onEvent(TestEvents.appeared("gate", 1, "person", null));
            assertEquals("Basic " + Base64.getEncoder().encodeToString(
                    "alice:open sesame".getBytes(StandardCharsets.UTF_8)), basic.await(1).get(0).header("Authorization"));
            assertEquals("Bearer tk-1", bearer.await(1).get(0).header("Authorization"));
            HookReceiver.Request g = gotify.await(1).get(0);
            assertEquals("tk-2", g.header("X-Gotify-Key"));
            assertEquals(null, g.header("Authorization"));
        }
    }

    private static WebhookSettings configured(HookReceiver receiver, WebhookFormat format, Optional<String> user,
            String password, String token) {
        return WebhookSettings.from(new WebhookConfig(java.net.URI.create("http://127.0.0.1:" + receiver.port()
                + "/hook"), List.of(), List.of(), Duration.ZERO, format, user,
                Optional.ofNullable(password).map(Secret::new), Optional.ofNullable(token).map(Secret::new)));
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    private static JsonNode withoutLink(byte[] body) {
        return ((com.fasterxml.jackson.databind.node.ObjectNode) json(body)).without("snapshot_url");
    }

    /** The parts of a multipart/form-data body, each with its headers. */
    private static List<byte[]> multipartParts(HookReceiver.Request r) {
        String type = r.header("Content-Type");
        assertTrue(type.startsWith("multipart/form-data; boundary="), type);
        byte[] delimiter = ("--" + type.substring(type.indexOf('=') + 1)).getBytes(StandardCharsets.US_ASCII);
        byte[] body = r.body();
        List<byte[]> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            int next = indexOf(body, delimiter, start);
            parts.add(java.util.Arrays.copyOfRange(body, start + 2, next - 2));
            at = next;
        }
        return parts;
    }

    private static byte[] content(byte[] part) {
        int split = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        return java.util.Arrays.copyOfRange(part, split + 4, part.length);
    }

    private static String body(byte[] part) {
        return new String(content(part), StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
