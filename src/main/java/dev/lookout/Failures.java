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

    /**
     * Why an I/O operation failed, as the system says it ({@code No space left on device}, {@code Is a directory},
     * {@code Permission denied}), without the path the caller already names.
     */
    public static String reason(java.io.IOException e) {
        // Encoders wrap the system's error ("I/O error writing PNG file!" around "No space left on device"):
        // the innermost I/O error is the one that says what happened.
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof java.io.IOException inner && inner.getMessage() != null) {
                e = inner;
            }
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "its folder does not exist";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return describe(e);
    }
}
