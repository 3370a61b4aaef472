package dev.lookout.notify.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.config.WebhookFormat;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventJson;
import dev.lookout.event.ObjectEvent;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * Builds the HTTP request of one notification in a webhook's {@link WebhookFormat}. Credentials in the URL's
 * user-info become a Basic {@code Authorization} header (the JDK client does not send them itself).
 */
final class WebhookRequests {

    private WebhookRequests() {
    }

    /** The POST for {@code change}; {@code jpeg} is its snapshot or null. */
    static HttpRequest build(WebhookSettings hook, EventChange change, byte[] jpeg, Duration timeout) {
        return build(hook, change, jpeg, timeout, null);
    }

    /** As above; the event's files are named relative to {@code storageRoot} (EventJson#published). */
    static HttpRequest build(WebhookSettings hook, EventChange change, byte[] jpeg, Duration timeout,
            java.nio.file.Path storageRoot) {
        URI uri = URI.create(hook.url());
        HttpRequest.Builder request = HttpRequest.newBuilder(withoutUserInfo(uri)).timeout(timeout)
                .header("User-Agent", "Lookout");
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // no h2c upgrade attempt over plain HTTP: small receivers (and the JDK's own server) mishandle it
            request.version(java.net.http.HttpClient.Version.HTTP_1_1);
        }
        if (uri.getRawUserInfo() != null) {
            String user = java.net.URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        hook.headers().forEach(request::header);
        ObjectEvent event = change.after();
        String link = hook.snapshotUrl() == null || event.snapshot() == null ? null
                : hook.snapshotUrl().replace("{id}", URLEncoder.encode(event.id(), StandardCharsets.UTF_8));
        switch (hook.format()) {
            case JSON -> {
                ObjectNode json = EventJson.published(change, storageRoot);
                json.put("snapshot_url", link);
                request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.toString()));
            }
            case MULTIPART -> {
                String boundary = "lookout-" + UUID.randomUUID();
                request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, change, jpeg,
                                storageRoot)));
            }
            case NTFY -> {
                request.header("Title", ascii(title(event))).header("Tags", ascii(event.className().replace(' ', '_')
                        + "," + event.camera())).header("Priority", Integer.toString(
                                hook.priority() == null ? 3 : hook.priority()));
                if (link != null) {
                    request.header("Attach", link).header("Click", link);
                }
                if (jpeg != null && link == null) {
                    request.header("Filename", ascii(event.id()) + ".jpg").header("Message", ascii(message(change)))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg));
                } else {
                    request.POST(HttpRequest.BodyPublishers.ofString(message(change)));
                }
            }
            case GOTIFY -> {
                ObjectNode json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                json.put("title", title(event));
                json.put("message", message(change));
                json.put("priority", hook.priority() == null ? 5 : hook.priority());
                if (link != null) {
                    json.putObject("extras").putObject("client::notification").put("bigImageUrl", link);
                }
                request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.toString()));
            }
            default -> throw new IllegalStateException("unknown format " + hook.format());
        }
        return request.build();
    }

    /** "person on gate". */
    static String title(ObjectEvent event) {
        return event.className() + " on " + event.camera();
    }

    /** One sentence for a phone: what happened, the score, the zones. */
    static String message(EventChange change) {
        ObjectEvent e = change.after();
        String what = switch (change.type()) {
            case NEW -> e.className() + " seen on " + e.camera();
            case UPDATE -> e.className() + " still on " + e.camera();
            case END -> e.className() + " left " + e.camera() + " after "
                    + Duration.between(e.start(), e.end()).toSeconds() + " s";
        };
        String score = String.format(Locale.ROOT, " (score %.0f%%)", e.topScore() * 100);
        return what + score + (e.zones().isEmpty() ? "" : ", zones: " + String.join(", ", e.zones()));
    }

    private static byte[] multipart(String boundary, EventChange change, byte[] jpeg,
            java.nio.file.Path storageRoot) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"event\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + EventJson.published(change, storageRoot) + "\r\n");
        if (jpeg != null) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"snapshot\"; filename=\""
                    + ascii(change.after().id()).replace("\"", "_") + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
            body.writeBytes(jpeg);
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return body.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Header values: printable ASCII only (other characters become '?'). */
    private static String ascii(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        String s = uri.toString();
        int at = s.indexOf('@', s.indexOf("://") + 3);
        return URI.create(s.substring(0, s.indexOf("://") + 3) + s.substring(at + 1));
    }
}
