package dev.lookout.notify.webhook;

import dev.lookout.capture.UrlRedaction;
import dev.lookout.config.WebhookFormat;
import dev.lookout.event.EventChange;
import dev.lookout.notify.BoundedQueue;
import dev.lookout.notify.SnapshotJpeg;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends one webhook's notifications from a bounded queue on a thread of its own, so a slow or dead receiver delays
 * only itself. A failed POST (no connection, a timeout, HTTP 408, 429 or 5xx) is tried again after 1, 2, 4, ...
 * times the first delay; other 4xx answers are final. Failures are logged with the URL's credentials masked.
 */
final class WebhookDelivery implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WebhookDelivery.class.getName());

    private final WebhookSettings hook;
    private final HttpClient client;
    private final WebhookNotifier.Options options;
    private final BoundedQueue<EventChange> queue;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread thread;
    volatile java.nio.file.Path storageRoot;
    private volatile boolean closing;

    WebhookDelivery(WebhookSettings hook, HttpClient client, WebhookNotifier.Options options, int index) {
        this.hook = hook;
        this.client = client;
        this.options = options;
        this.queue = new BoundedQueue<>(options.queueCapacity());
        this.thread = new Thread(this::run, "lookout-webhook-" + index);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code change}; never blocks (a full queue drops it and counts it). */
    void offer(EventChange change) {
        if (!closing) {
            queue.offer(change);
        }
    }

    long delivered() {
        return delivered.get();
    }

    /** Notifications dropped because the queue was full, or given up after every attempt failed. */
    long dropped() {
        return queue.dropped();
    }

    long failed() {
        return failed.get();
    }

    private void run() {
        try {
            while (!(closing && queue.size() == 0)) {
                EventChange change = queue.poll(100);
                if (change != null) {
                    try {
                        send(change);
                    } catch (RuntimeException e) {
                        // e.g. a header the HTTP client refuses: one bad request must not end the thread
                        failed.incrementAndGet();
                        queue.countDropped();
                        LOG.log(System.Logger.Level.WARNING, "{0}: cannot send event {1}: {2}", hook.describe(),
                                change.after().id(), UrlRedaction.redact(String.valueOf(e.getMessage())));
                    }
                }
            }
        } catch (InterruptedException e) {
            // closing: what is still queued is given up
        }
    }

    private void send(EventChange change) throws InterruptedException {
        byte[] jpeg = snapshot(change);
        long delay = options.firstRetryDelay().toMillis();
        for (int attempt = 1; ; attempt++) {
            String problem;
            boolean retry;
            try {
                HttpResponse<Void> response = client.send(
                        WebhookRequests.build(hook, change, jpeg, options.requestTimeout(), storageRoot),
                        HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    delivered.incrementAndGet();
                    return;
                }
                problem = "the receiver answered HTTP " + status;
                retry = status == 408 || status == 429 || status >= 500;
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                retry = true;
            }
            if (!retry || attempt >= options.attempts() || closing) {
                failed.incrementAndGet();
                queue.countDropped();
                LOG.log(System.Logger.Level.WARNING, "{0}: gave up the {1} notification of event {2} after {3}"
                        + " attempt(s): {4}", hook.describe(), change.type().wireName(), change.after().id(), attempt,
                        UrlRedaction.redact(problem));
                return;
            }
            LOG.log(System.Logger.Level.INFO, "{0}: attempt {1} failed ({2}), trying again in {3} ms",
                    hook.describe(), attempt, UrlRedaction.redact(problem), delay);
            Thread.sleep(delay);
            delay *= 2;
        }
    }

    private byte[] snapshot(EventChange change) {
        boolean attaches = hook.format() == WebhookFormat.MULTIPART
                || hook.format() == WebhookFormat.NTFY && hook.snapshotUrl() == null;
        if (!attaches || change.after().snapshot() == null) {
            return null;
        }
        try {
            return SnapshotJpeg.read(change.after().snapshot());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "{0}: event {1} is sent without its snapshot: {2}",
                    hook.describe(), change.after().id(), e.getMessage());
            return null;
        }
    }

    /** Lets the queue drain for at most {@code wait}, then stops. */
    void close(Duration wait) {
        closing = true;
        try {
            thread.join(wait.toMillis());
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }
}
