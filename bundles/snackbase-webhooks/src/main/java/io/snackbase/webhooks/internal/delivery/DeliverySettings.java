package io.snackbase.webhooks.internal.delivery;

import java.time.Duration;
import java.util.List;

/**
 * What the delivery worker is configured with (from {@code io.snackbase.webhooks}).
 *
 * @param retrySchedule the delay after each failed attempt; its size is the number of retries
 * @param autoDisableAfter how long a webhook may keep failing before it is disabled; zero never
 * @param pollInterval the longest sleep between claims
 * @param lease how long a claim is reserved; longer than an attempt's timeout
 * @param maxConcurrent attempts in flight on this instance
 * @param maxPerWebhook attempts in flight to one webhook
 */
public record DeliverySettings(List<Duration> retrySchedule, Duration autoDisableAfter, Duration pollInterval,
        Duration lease, int maxConcurrent, int maxPerWebhook) {}
