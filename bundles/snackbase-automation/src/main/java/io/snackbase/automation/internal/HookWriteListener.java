package io.snackbase.automation.internal;

import io.snackbase.api.context.Principal;
import io.snackbase.api.records.RecordWrite;
import io.snackbase.api.records.RecordWriteListener;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Enqueues the runs of the event hooks a record write triggers, inside the write's transaction
 * (the record path calls it before the commit): a rolled-back write runs nothing, a committed
 * one loses no run.
 */
@Component(service = RecordWriteListener.class)
public class HookWriteListener implements RecordWriteListener {

    private final HookEnqueuer enqueuer;

    @Activate
    public HookWriteListener(@Reference AutomationServices services) {
        this(services.enqueuer);
    }

    public HookWriteListener(HookEnqueuer enqueuer) {
        this.enqueuer = enqueuer;
    }

    @Override
    public void recordWritten(RecordWrite write) {
        Map<String, Object> record = write.record() != null ? write.record() : write.previous();
        enqueuer.enqueue("records." + write.kind().event(), write.accountId(), write.collection(), write.recordId(),
                record == null ? Map.of() : record, write.kind() == RecordWrite.Kind.UPDATE ? write.previous() : null,
                auth(write.context().principal()));
    }

    /** @return the template variables {@code auth.*} of who made the write */
    static Map<String, Object> auth(Principal principal) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("user_id", principal.userId() == null ? "" : principal.userId());
        auth.put("email", principal.email() == null ? "" : principal.email());
        auth.put("account_id", principal.accountId() == null ? "" : principal.accountId());
        auth.put("role", principal.role() == null ? "" : principal.role());
        return auth;
    }
}
