package dev.lookout.notify.webhook;

import dev.lookout.event.EventChange;
import dev.lookout.event.EventSink;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends event changes to the configured webhooks: each webhook picks its cameras and classes, keeps its own
 * cool-down per camera and class, and delivers from its own bounded queue and thread ({@link WebhookDelivery}),
 * so {@link #onEvent} returns at once whatever the receivers do.
 */
public final class WebhookNotifier implements EventSink, AutoCloseable {

    /**
     * Delivery limits.
     *
     * @param queueCapacity notifications that may wait per webhook
     * @param attempts tries per notification (1 = no retry)
     * @param firstRetryDelay the wait before the second try; it doubles for each further one
     * @param requestTimeout the longest wait for one answer
     */
    public record Options(int queueCapacity, int attempts, Duration firstRetryDelay, Duration requestTimeout) {
        /** 100 waiting, 4 tries 1 s, 2 s, 4 s apart, 10 s per answer. */
        public static final Options DEFAULTS = new Options(100, 4, Duration.ofSeconds(1), Duration.ofSeconds(10));

        public Options {
            if (queueCapacity < 1 || attempts < 1) {
                throw new IllegalArgumentException("a webhook needs a queue of at least 1 and at least 1 attempt");
            }
        }
    }

    private record Hook(WebhookSettings settings, Cooldown cooldown, WebhookDelivery delivery) {
    }

    private final List<Hook> hooks = new ArrayList<>();

    private WebhookNotifier(List<WebhookSettings> settings, Options options, Clock clock) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(options.requestTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        for (int i = 0; i < settings.size(); i++) {
            WebhookSettings s = settings.get(i);
            hooks.add(new Hook(s, new Cooldown(s.cooldown(), clock), new WebhookDelivery(s, client, options, i)));
        }
    }

    /** The storage folder: posted events name their files relative to it, never by its absolute path. */
    public void storageRoot(java.nio.file.Path root) {
        hooks.forEach(h -> h.delivery().storageRoot = root);
    }

    /** Starts delivering to {@code webhooks} with the default limits. */
    public static WebhookNotifier start(List<WebhookSettings> webhooks) {
        return start(webhooks, Options.DEFAULTS, Clock.systemUTC());
    }

    /** Starts delivering to {@code webhooks}; {@code clock} times the cool-downs. */
    public static WebhookNotifier start(List<WebhookSettings> webhooks, Options options, Clock clock) {
        return new WebhookNotifier(List.copyOf(webhooks), options, clock);
    }

    @Override
    public void onEvent(EventChange change) {
        for (Hook hook : hooks) {
            WebhookSettings s = hook.settings();
            if (s.covers(change.after().camera(), change.after().className()) && hook.cooldown().admit(change)
                    && s.on().contains(change.type())) {
                hook.delivery().offer(change);
            }
        }
    }

    /** Notifications the receivers accepted (2xx), over all webhooks. */
    public long delivered() {
        return hooks.stream().mapToLong(h -> h.delivery().delivered()).sum();
    }

    /** Notifications dropped (queue full) or given up (every attempt failed), over all webhooks. */
    public long dropped() {
        return hooks.stream().mapToLong(h -> h.delivery().dropped()).sum();
    }

    /** Notifications given up after their attempts failed, over all webhooks. */
    public long failed() {
        return hooks.stream().mapToLong(h -> h.delivery().failed()).sum();
    }

    /** Sends what is queued for at most a few seconds, then stops. */
    @Override
    public void close() {
        hooks.forEach(h -> h.delivery().close());
    }
}
