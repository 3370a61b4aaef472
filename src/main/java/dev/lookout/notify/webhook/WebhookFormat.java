package dev.lookout.notify.webhook;

import java.util.Locale;

/** How a webhook's request looks. */
public enum WebhookFormat {
    /** {@code application/json}: the event change in {@code EventJson}'s form, plus {@code snapshot_url} if linked. */
    JSON,
    /** {@code multipart/form-data}: part {@code event} (the JSON) and part {@code snapshot} (the JPEG). */
    MULTIPART,
    /** An ntfy topic URL: Title/Tags/Priority headers, the text as body, or the JPEG as attachment with the text. */
    NTFY,
    /** A Gotify {@code /message?token=...} URL: {@code {"title", "message", "priority"}}. */
    GOTIFY;

    /** {@code json}, {@code multipart}, {@code ntfy} or {@code gotify} (any case); null means JSON. */
    public static WebhookFormat parse(String text) {
        if (text == null || text.isBlank()) {
            return JSON;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook format '" + text
                    + "' is not one of json, multipart, ntfy, gotify");
        }
    }
}
