package io.snackbase.webhooks.internal.delivery;

import io.snackbase.api.records.RecordWrite;
import io.snackbase.webhooks.internal.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON bodies of deliveries, with exactly the contract's keys in the contract's order. */
public final class Payloads {

    private Payloads() {}

    /**
     * @return {@code {event, collection, record, previous, timestamp, webhook_id, account_id}}: record is null on
     *     delete, previous is the old row on update and the deleted row on delete, null on create
     */
    public static String ofWrite(RecordWrite write, String webhookId, long nowMillis) {
        Map<String, Object> previous = write.kind() == RecordWrite.Kind.CREATE ? null : write.previous();
        Map<String, Object> record = write.kind() == RecordWrite.Kind.DELETE ? null : write.record();
        return body("records." + write.kind().event(), write.collection(), record, previous, nowMillis, webhookId,
                write.accountId());
    }

    /** @return the body of {@code POST /webhooks/{id}/test} */
    public static String test(String collection, String webhookId, String accountId, long nowMillis) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", "test-record");
        record.put("example", "data");
        return body("test", collection, record, null, nowMillis, webhookId, accountId);
    }

    private static String body(String event, String collection, Map<String, Object> record,
            Map<String, Object> previous, long nowMillis, String webhookId, String accountId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", event);
        payload.put("collection", collection);
        payload.put("record", record);
        payload.put("previous", previous);
        payload.put("timestamp", Json.iso(nowMillis));
        payload.put("webhook_id", webhookId);
        payload.put("account_id", accountId);
        return Json.write(payload);
    }
}
