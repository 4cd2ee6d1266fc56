package io.snackbase.webhooks.internal;

import io.snackbase.api.records.RecordWrite;
import io.snackbase.api.records.RecordWriteListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Writes the webhook deliveries of every record write inside its transaction (the transactional outbox). */
@Component(service = RecordWriteListener.class)
public class OutboxListener implements RecordWriteListener {

    private final WebhookServices services;

    @Activate
    public OutboxListener(@Reference WebhookServices services) {
        this.services = services;
    }

    @Override
    public void recordWritten(RecordWrite write) {
        services.engine.recordWritten(write);
    }
}
