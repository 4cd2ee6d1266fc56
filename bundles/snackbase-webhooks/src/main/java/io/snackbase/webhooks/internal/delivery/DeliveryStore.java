package io.snackbase.webhooks.internal.delivery;

import io.snackbase.api.storage.TransactionManager;
import io.snackbase.webhooks.internal.store.DeliveryMapper;
import io.snackbase.webhooks.internal.store.WebhookMapper;

/**
 * The tables and transactions the delivery side works with, handed around as one value.
 *
 * @param webhooks the webhooks' SQL
 * @param deliveries the outbox's SQL
 * @param transactions the transaction manager the record writes also use
 */
public record DeliveryStore(WebhookMapper webhooks, DeliveryMapper deliveries, TransactionManager transactions) {}
