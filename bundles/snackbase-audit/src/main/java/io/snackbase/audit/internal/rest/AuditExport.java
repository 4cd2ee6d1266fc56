package io.snackbase.audit.internal.rest;

import io.snackbase.audit.internal.chain.Canonical;
import io.snackbase.audit.internal.chain.Times;
import io.snackbase.audit.internal.store.AuditFilter;
import io.snackbase.audit.internal.store.AuditMapper;
import io.snackbase.audit.internal.store.AuditRow;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The export bodies, written while they are read: newest first, in batches with a keyset cursor on
 * the id (so memory stays bounded), at most {@code cap} rows. CSV as Python's csv module writes it
 * (minimal quoting, CRLF); JSON as {@code json.dumps(indent=2)} (ASCII, escaped).
 */
final class AuditExport {

    static final int BATCH = 500;
    static final String CSV_HEADER = "ID,Timestamp,Operation,Table,Record ID,Column,Old Value,New Value,User,IP Address,Checksum";

    private AuditExport() {}

    static StreamingOutput csv(AuditMapper mapper, AuditFilter filter, int cap) {
        return out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(CSV_HEADER);
            w.write("\r\n");
            each(mapper, filter, cap, r -> {
                String[] cells = {String.valueOf(r.id), Times.iso(r.occurredAt), r.operation, r.tableName, r.recordId,
                        r.columnName, r.oldValue, r.newValue, r.userEmail, r.ipAddress, r.checksum};
                for (int i = 0; i < cells.length; i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(csvCell(cells[i]));
                }
                w.write("\r\n");
            });
            w.flush();
        };
    }

    static StreamingOutput json(AuditMapper mapper, AuditFilter filter, int cap) {
        return out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            boolean[] any = {false};
            w.write('[');
            each(mapper, filter, cap, r -> {
                w.write(any[0] ? ",\n  {\n" : "\n  {\n");
                any[0] = true;
                w.write("    \"id\": " + r.id + ",\n");
                field(w, "occurred_at", Times.iso(r.occurredAt), false);
                field(w, "operation", r.operation, false);
                field(w, "table_name", r.tableName, false);
                field(w, "record_id", r.recordId, false);
                field(w, "column_name", r.columnName, false);
                field(w, "old_value", r.oldValue, false);
                field(w, "new_value", r.newValue, false);
                field(w, "user_email", r.userEmail, false);
                field(w, "ip_address", r.ipAddress, false);
                field(w, "checksum", r.checksum, true);
                w.write("  }");
            });
            w.write(any[0] ? "\n]" : "]");
            w.flush();
        };
    }

    /** @return the cell quoted when it holds a comma, quote or line break; null as empty */
    static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static void field(Writer w, String name, String value, boolean last) throws IOException {
        StringBuilder line = new StringBuilder("    \"").append(name).append("\": ");
        if (value == null) {
            line.append("null");
        } else {
            Canonical.string(line, value);
        }
        w.write(line.append(last ? "\n" : ",\n").toString());
    }

    private interface RowWriter {
        void write(AuditRow row) throws IOException;
    }

    private static void each(AuditMapper mapper, AuditFilter filter, int cap, RowWriter writer) throws IOException {
        int left = cap;
        filter.beforeId = null;
        while (left > 0) {
            filter.limit = Math.min(BATCH, left);
            List<AuditRow> batch = mapper.newestFirst(filter);
            for (AuditRow row : batch) {
                writer.write(row);
            }
            left -= batch.size();
            if (batch.size() < filter.limit) {
                return;
            }
            filter.beforeId = batch.get(batch.size() - 1).id;
        }
    }
}
