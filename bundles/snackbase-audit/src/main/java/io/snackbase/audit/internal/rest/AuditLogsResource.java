package io.snackbase.audit.internal.rest;

import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.audit.internal.AuditServiceImpl;
import io.snackbase.audit.internal.store.AuditFilter;
import io.snackbase.audit.internal.store.AuditRow;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/v1/audit-logs}: superadmin reading of the audit log (list, one entry, export) and,
 * beyond the reference, verification of the chain. There are no mutating routes. Every read first
 * seals the pending entries, so a client that reads right after its write sees that write's entries.
 */
@Component(service = AuditLogsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("audit-logs")
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogsResource {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private final AuditServiceImpl audit;
    private final Clock clock;

    @Activate
    public AuditLogsResource(@Reference AuditServiceImpl audit) {
        this(audit, Clock.systemUTC());
    }

    AuditLogsResource(AuditServiceImpl audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Also answers {@code /audit-logs/}: Jersey matches a method without path with and without the trailing slash. */
    @GET
    public Map<String, Object> list(@QueryParam("account_id") String accountId, @QueryParam("table_name") String tableName,
            @QueryParam("record_id") String recordId, @QueryParam("user_id") String userId,
            @QueryParam("operation") String operation, @QueryParam("from_date") String fromDate,
            @QueryParam("to_date") String toDate, @QueryParam("skip") String skip, @QueryParam("limit") String limit,
            @QueryParam("sort_by") String sortBy, @QueryParam("sort_order") String sortOrder,
            @Context ContainerRequestContext request) {
        superadmin(request);
        audit.sealForRead();
        AuditFilter filter = AuditQuery.page(AuditQuery.filters(accountId, tableName, recordId, userId, operation, fromDate,
                toDate), skip, limit, sortBy, sortOrder);
        List<Map<String, Object>> items = audit.mapper.list(filter).stream().map(AuditViews::entry).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("total", audit.mapper.count(filter));
        body.put("skip", filter.skip);
        body.put("limit", filter.limit);
        body.put("audit_logging_enabled", audit.enabled());
        return body;
    }

    @GET
    @Path("export")
    public Response export(@QueryParam("format") String format, @QueryParam("account_id") String accountId,
            @QueryParam("table_name") String tableName, @QueryParam("record_id") String recordId,
            @QueryParam("user_id") String userId, @QueryParam("operation") String operation,
            @QueryParam("from_date") String fromDate, @QueryParam("to_date") String toDate,
            @Context ContainerRequestContext request) {
        superadmin(request);
        String kind = format == null || format.isBlank() ? "csv" : format.trim().toLowerCase(Locale.ROOT);
        if (kind.equals("pdf")) {
            throw new ApiException(400, "Unsupported export format", "pdf export is not available");
        }
        if (!kind.equals("csv") && !kind.equals("json")) {
            throw AuditQuery.invalid("format", "Input should be 'csv', 'json' or 'pdf'");
        }
        AuditFilter filter = AuditQuery.filters(accountId, tableName, recordId, userId, operation, fromDate, toDate);
        audit.sealForRead();
        int cap = audit.settings.exportCap();
        String file = "audit_logs_" + FILE_TIME.format(clock.instant()) + "." + kind;
        return Response.ok(kind.equals("csv") ? AuditExport.csv(audit.mapper, filter, cap) : AuditExport.json(audit.mapper, filter, cap))
                .type(kind.equals("csv") ? "text/csv; charset=utf-8" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=" + file)
                .build();
    }

    /** Beyond the reference: {@code {valid, checked, first_broken: {id, reason} | null}}. */
    @GET
    @Path("verify")
    public Map<String, Object> verify(@QueryParam("from_id") String fromId, @Context ContainerRequestContext request) {
        superadmin(request);
        Long from = fromId == null || fromId.isBlank() ? null : AuditQuery.longInteger("from_id", fromId, 1, Long.MAX_VALUE, 1);
        return audit.verify(from).body();
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id, @Context ContainerRequestContext request) {
        superadmin(request);
        long logId = AuditQuery.longInteger("log_id", id, Long.MIN_VALUE, Long.MAX_VALUE, 0);
        audit.sealForRead();
        AuditRow row = audit.mapper.findById(logId);
        if (row == null) {
            throw ApiException.notFound("Audit log entry " + logId + " not found");
        }
        return AuditViews.entry(row);
    }

    private static void superadmin(ContainerRequestContext request) {
        RequestAuthentication.of(request.getProperty(RequestAuthentication.PROPERTY)).requireSuperadmin();
    }
}
