package io.snackbase.webhooks.internal.delivery;

import io.snackbase.api.webhooks.WebhookConstants;
import io.snackbase.api.webhooks.WebhookMessage;
import io.snackbase.api.webhooks.WebhookResponse;
import io.snackbase.api.webhooks.WebhookTransport;
import io.snackbase.outbound.support.OutboundHttp;
import io.snackbase.outbound.support.OutboundPolicy;
import io.snackbase.outbound.support.OutboundResponse;
import io.snackbase.webhooks.internal.WebhooksConfig;
import java.io.IOException;
import java.time.Duration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The built-in {@code http} transport: a JSON POST through {@link OutboundHttp} (SSRF policy of
 * {@code SNACKBASE_ENVIRONMENT} checked at connect time, no redirects, pooled connections, the configured
 * timeout and concurrency). Registered at ranking -100 so that a plugin can replace it on purpose.
 */
@Component(service = WebhookTransport.class, configurationPid = WebhooksConfig.PID,
        property = {WebhookConstants.TRANSPORT_ID + "=" + WebhookConstants.HTTP_TRANSPORT, "service.ranking:Integer=-100"})
public class HttpWebhookTransport implements WebhookTransport {

    private final OutboundHttp http;

    @Activate
    public HttpWebhookTransport(WebhooksConfig config) {
        this(new OutboundHttp(OutboundPolicy.fromEnvironment(), Duration.ofSeconds(config.timeoutSeconds()),
                config.maxConcurrent(), config.maxPerWebhook()));
    }

    /** For tests: the transport over a given client (its policy decides development or production mode). */
    public HttpWebhookTransport(OutboundHttp http) {
        this.http = http;
    }

    @Override
    public WebhookResponse deliver(WebhookMessage message) throws IOException {
        OutboundResponse response = http.post(message.url(), message.headers(), message.body());
        return new WebhookResponse(response.status(), response.body());
    }

    @Deactivate
    void stop() {
        http.close();
    }
}
