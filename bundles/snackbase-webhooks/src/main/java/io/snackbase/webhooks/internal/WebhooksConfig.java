package io.snackbase.webhooks.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The metatype of the webhooks bundle, configuration PID {@value #PID}. */
@ObjectClassDefinition(
        name = "SnackBase webhooks",
        description = "Outbound webhooks: per-account limits, the retry schedule, secret rotation, automatic "
                + "disabling, and the delivery workers that send the transactional outbox.")
public @interface WebhooksConfig {

    String PID = "io.snackbase.webhooks";

    @AttributeDefinition(name = "Webhooks per account",
            description = "How many webhooks one account may have; creating one more is a 400.")
    int maxPerAccount() default 20;

    @AttributeDefinition(name = "Retry schedule (seconds)",
            description = "Delays after the 1st, 2nd, ... failed attempt, comma-separated; after the last one "
                    + "fails the delivery is 'failed' and on_webhook_delivery_failed fires. Default 1 min, 5 min, "
                    + "30 min, 2 h, 12 h.")
    String retrySchedule() default "60,300,1800,7200,43200";

    @AttributeDefinition(name = "Secret overlap (seconds)",
            description = "After POST /webhooks/{id}/rotate-secret, how long the previous secret's signature is "
                    + "still sent next to the new one in webhook-signature.")
    long secretOverlapSeconds() default 86400;

    @AttributeDefinition(name = "Disable after failing for (seconds)",
            description = "A webhook whose attempts keep failing (no success in between) for this long is "
                    + "disabled automatically, with the reason stored. 0 never disables.")
    long autoDisableAfterSeconds() default 259200;

    @AttributeDefinition(name = "Timeout (seconds)",
            description = "Limit for one attempt: connecting, waiting for the answer and reading it.")
    int timeoutSeconds() default 30;

    @AttributeDefinition(name = "Concurrent deliveries",
            description = "How many attempts this instance sends at once (delivery threads and HTTP connections).")
    int maxConcurrent() default 64;

    @AttributeDefinition(name = "Concurrent deliveries per webhook",
            description = "How many attempts to one webhook (and HTTP connections to one host) at once, so "
                    + "that a slow receiver cannot hold up the others. Also bounds one webhook's rate: about this "
                    + "many per round trip of claim and answer.")
    int maxPerWebhook() default 32;

    @AttributeDefinition(name = "Poll interval (milliseconds)",
            description = "How often the worker looks for due deliveries when no local commit woke it (retries, "
                    + "other instances' writes, leases of crashed instances).")
    long pollIntervalMillis() default 1000;

    @AttributeDefinition(name = "Lease (seconds)",
            description = "How long a claimed delivery stays reserved for this instance; a crashed instance's "
                    + "claims are taken over after it. Must exceed the timeout.")
    int leaseSeconds() default 120;

    @AttributeDefinition(name = "Transport",
            description = "Id (snackbase.webhook.transport) of the transport that sends deliveries: 'http' is the "
                    + "built-in HTTP(S) client, or the id of a plugin's transport.")
    String transport() default "http";
}
