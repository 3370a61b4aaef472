package dev.lookout.config;

/** How a webhook's POST is shaped. */
public enum WebhookFormat {
    /** The event JSON with a link to the snapshot. */
    JSON,
    /** multipart/form-data: the event JSON and the snapshot JPEG. */
    MULTIPART,
    /** An ntfy message: title, text and the snapshot as attachment. */
    NTFY,
    /** A Gotify message (title, message, priority). */
    GOTIFY
}
