package dev.lookout.web;

import java.time.Duration;

/**
 * How long and how much a client may take, enforced by {@link Gate} before a request reaches the JDK's server.
 * Not in {@code lookout.yml}: the defaults suit every viewer; tests use short ones.
 *
 * @param headerTimeout from a request's first byte to its blank line; a client that trickles its headers is
 *     answered 408 and closed after this (the JDK server would hold a thread for it forever)
 * @param idleTimeout how long a connection may carry no byte either way (between keep-alive requests, or a
 *     response the client stopped reading) before it is closed; a live MJPEG stream sends a frame at least every
 *     5 s, so it never idles
 * @param maxConnections open connections at once, live streams included ({@link CameraApi#MAX_STREAMS} of them
 *     at most); one more is answered 503 and closed
 * @param maxHeadBytes the request line and headers together
 * @param maxHeaderLines header lines in one request
 */
record WebLimits(Duration headerTimeout, Duration idleTimeout, int maxConnections, int maxHeadBytes,
        int maxHeaderLines) {

    static final WebLimits DEFAULTS = new WebLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), 64, 64 * 1024,
            100);

    WebLimits {
        if (headerTimeout.isNegative() || headerTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()
                || maxConnections < 1 || maxHeadBytes < 256 || maxHeaderLines < 1) {
            throw new IllegalArgumentException("web limits out of range: " + this);
        }
    }

    /** How often a waiting connection looks at its clock: often enough that the timeouts above are kept closely. */
    int tickMillis() {
        long shortest = Math.min(headerTimeout.toMillis(), idleTimeout.toMillis());
        return (int) Math.max(20, Math.min(500, shortest / 5));
    }
}
