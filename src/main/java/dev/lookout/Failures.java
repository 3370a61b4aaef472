package dev.lookout;

import dev.lookout.capture.UrlRedaction;

/**
 * The one way a failure becomes a line a user reads: its message (or its type when it has none), with every URL
 * credential masked, since messages of network libraries quote the URL they were given.
 */
public final class Failures {

    private Failures() {
    }

    /** A one-line description of {@code e}: its message, or its type's simple name when it has none. */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
        int newline = text.indexOf('\n');
        return UrlRedaction.redact(newline >= 0 ? text.substring(0, newline).strip() : text);
    }
}
