package io.snackbase.webhooks.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The checked values of {@link WebhooksConfig}.
 *
 * @param retrySchedule the delay after each failed attempt; its size is the number of retries
 */
public record WebhookSettings(int maxPerAccount, List<Duration> retrySchedule, Duration secretOverlap,
        Duration autoDisableAfter, Duration timeout, int maxConcurrent, int maxPerWebhook, Duration pollInterval,
        Duration lease, String transport) {

    public WebhookSettings {
        retrySchedule = List.copyOf(retrySchedule);
        if (maxPerAccount < 0 || maxConcurrent < 1 || maxPerWebhook < 1) {
            throw new IllegalArgumentException("maxPerAccount must be >= 0, maxConcurrent and maxPerWebhook >= 1");
        }
        if (lease.compareTo(timeout) <= 0) {
            throw new IllegalArgumentException("The lease (" + lease + ") must exceed the timeout (" + timeout + ")");
        }
    }

    /** @return what the delivery worker needs of these settings */
    public io.snackbase.webhooks.internal.delivery.DeliverySettings delivery() {
        return new io.snackbase.webhooks.internal.delivery.DeliverySettings(retrySchedule, autoDisableAfter,
                pollInterval, lease, maxConcurrent, maxPerWebhook);
    }

    /** @return the settings of a configuration */
    public static WebhookSettings of(WebhooksConfig config) {
        return new WebhookSettings(config.maxPerAccount(), schedule(config.retrySchedule()),
                Duration.ofSeconds(config.secretOverlapSeconds()), Duration.ofSeconds(config.autoDisableAfterSeconds()),
                Duration.ofSeconds(config.timeoutSeconds()), config.maxConcurrent(), config.maxPerWebhook(),
                Duration.ofMillis(config.pollIntervalMillis()), Duration.ofSeconds(config.leaseSeconds()),
                config.transport());
    }

    /** @return the defaults of the metatype */
    public static WebhookSettings defaults() {
        return new WebhookSettings(20, schedule("60,300,1800,7200,43200"), Duration.ofDays(1), Duration.ofDays(3),
                Duration.ofSeconds(30), 64, 32, Duration.ofSeconds(1), Duration.ofSeconds(120), "http");
    }

    /** @return a copy with another retry schedule (tests use milliseconds) */
    public WebhookSettings withRetrySchedule(List<Duration> schedule) {
        return new WebhookSettings(maxPerAccount, schedule, secretOverlap, autoDisableAfter, timeout, maxConcurrent,
                maxPerWebhook, pollInterval, lease, transport);
    }

    /** @return a copy with another automatic-disable time */
    public WebhookSettings withAutoDisableAfter(Duration after) {
        return new WebhookSettings(maxPerAccount, retrySchedule, secretOverlap, after, timeout, maxConcurrent,
                maxPerWebhook, pollInterval, lease, transport);
    }

    /** @return a copy with another per-account limit */
    public WebhookSettings withMaxPerAccount(int max) {
        return new WebhookSettings(max, retrySchedule, secretOverlap, autoDisableAfter, timeout, maxConcurrent,
                maxPerWebhook, pollInterval, lease, transport);
    }

    private static List<Duration> schedule(String text) {
        List<Duration> delays = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                long seconds = Long.parseLong(part.trim());
                if (seconds < 0) {
                    throw new IllegalArgumentException("Negative retry delay: " + part);
                }
                delays.add(Duration.ofSeconds(seconds));
            }
        }
        return delays;
    }
}
