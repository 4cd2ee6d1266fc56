package io.snackbase.audit.internal;

import io.snackbase.api.audit.ElectronicSignature;
import io.snackbase.api.audit.RecordChange;
import io.snackbase.api.context.Principal;
import io.snackbase.api.context.RequestContext;
import io.snackbase.audit.internal.chain.Times;
import io.snackbase.audit.internal.store.AuditRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Turns one written row into its audit rows (without id and chain fields): which columns, which values. */
public final class Capture {

    /** Tables whose writes are never audited (domain.md 4.1, plus this bundle's and the migrations' own). */
    public static final Set<String> NEVER_AUDITED = Set.of("audit_log", "audit_chain_head", "alembic_version",
            "refresh_tokens", "oauth_states", "sb_schema_migrations");

    private Capture() {}

    /** @return true when writes of this caller are audited: an authenticated user (not anonymous, not the system) */
    public static boolean audited(Principal principal) {
        return principal.userId() != null && !principal.isAnonymous();
    }

    /**
     * @param occurredAt the time of the write, shared by all its rows
     * @return the rows of the change, in the maps' column order; empty when nothing changed
     */
    public static List<AuditRow> rows(RecordChange change, RequestContext context, Instant occurredAt) {
        List<AuditRow> rows = new ArrayList<>();
        long at = Times.micros(occurredAt);
        String metadata = Values.metadataText(Map.of("auth_method", context.principal().authMethod()));
        switch (change.operation()) {
            case CREATE -> change.newValues().forEach((column, value) ->
                    rows.add(row(change, context, at, metadata, column, null, Values.text(value))));
            case DELETE -> change.oldValues().forEach((column, value) ->
                    rows.add(row(change, context, at, metadata, column, Values.text(value), null)));
            case UPDATE -> change.newValues().forEach((column, value) -> {
                String before = Values.text(change.oldValues().get(column));
                String after = Values.text(value);
                if (!Objects.equals(before, after)) {
                    rows.add(row(change, context, at, metadata, column, before, after));
                }
            });
        }
        return rows;
    }

    private static AuditRow row(RecordChange change, RequestContext context, long at, String metadata, String column,
            String before, String after) {
        Principal p = context.principal();
        AuditRow r = new AuditRow();
        r.accountId = change.accountId() != null ? change.accountId() : context.accountId();
        r.operation = change.operation().name();
        r.tableName = change.tableName();
        r.recordId = change.recordId();
        r.columnName = column;
        r.oldValue = Values.stored(column, before);
        r.newValue = Values.stored(column, after);
        r.userId = p.userId();
        r.userEmail = p.email();
        // the reference stores the email as the user name
        r.userName = p.email();
        ElectronicSignature signature = change.signature();
        if (signature != null) {
            r.esUsername = Values.cut(signature.username(), 255);
            r.esReason = signature.reason();
            r.esTimestamp = signature.timestamp() == null ? null : Times.micros(signature.timestamp());
        }
        r.ipAddress = Values.cut(context.ipAddress(), 45);
        r.userAgent = Values.cut(context.userAgent(), 500);
        r.requestId = Values.cut(context.requestId(), 36);
        r.occurredAt = at;
        r.extraMetadata = metadata;
        return r;
    }
}
