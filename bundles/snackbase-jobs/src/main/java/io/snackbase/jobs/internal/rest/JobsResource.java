package io.snackbase.jobs.internal.rest;

import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.jobs.internal.JobAdmin;
import io.snackbase.jobs.internal.JobQueueImpl;
import io.snackbase.jobs.internal.store.JobFilter;
import io.snackbase.jobs.internal.store.JobStatus;
import io.snackbase.request.support.InputErrors;
import io.snackbase.request.support.Paging;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/v1/admin/jobs} (jobs.md): superadmin list, stats, one job, retry and cancel. */
@Component(service = JobsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("admin/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    static final int MAX_LIMIT = 200;
    private static final int MAX_FILTER_LENGTH = 255;

    private final JobAdmin admin;

    @Activate
    public JobsResource(@Reference JobQueueImpl queue) {
        this(queue.admin());
    }

    JobsResource(JobAdmin admin) {
        this.admin = admin;
    }

    @GET
    public Map<String, Object> list(@QueryParam("status") String status, @QueryParam("queue") String queue,
            @QueryParam("handler") String handler, @QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @Context ContainerRequestContext request) {
        superadmin(request);
        JobFilter filter = new JobFilter();
        filter.status = status(status);
        filter.queue = text("queue", queue);
        filter.topic = text("handler", handler);
        filter.limit = Paging.integer("limit", limit, 1, MAX_LIMIT, 50);
        filter.offset = Paging.integer("offset", offset, 0, Integer.MAX_VALUE, 0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", admin.list(filter).stream().map(JobViews::job).toList());
        body.put("total", admin.count(filter));
        return body;
    }

    /** Declared before {@code {id}}; JAX-RS prefers the literal segment anyway. */
    @GET
    @Path("stats")
    public Map<String, Object> stats(@Context ContainerRequestContext request) {
        superadmin(request);
        Map<String, Long> counts = admin.countsByStatus();
        Map<String, Object> body = new LinkedHashMap<>(counts);
        body.put("avg_duration_seconds", admin.averageDurationSeconds());
        long failed = counts.get(JobStatus.FAILED) + counts.get(JobStatus.DEAD);
        long finished = failed + counts.get(JobStatus.COMPLETED);
        body.put("failure_rate", finished == 0 ? null : (double) failed / finished);
        return body;
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id, @Context ContainerRequestContext request) {
        superadmin(request);
        return JobViews.job(admin.find(id).orElseThrow(() -> notFound(id)));
    }

    @POST
    @Path("{id}/retry")
    public Map<String, Object> retry(@PathParam("id") String id, @Context ContainerRequestContext request) {
        superadmin(request);
        refuseUnless(admin.retry(id), id, "only dead, failed or retrying jobs can be retried");
        return JobViews.job(admin.find(id).orElseThrow(() -> notFound(id)));
    }

    @DELETE
    @Path("{id}")
    public Response cancel(@PathParam("id") String id, @Context ContainerRequestContext request) {
        superadmin(request);
        refuseUnless(admin.cancel(id), id, "only pending jobs can be cancelled");
        return Response.noContent().build();
    }

    /** 404 for an unknown job, 400 naming its status and {@code rule} for one in the wrong status. */
    private void refuseUnless(JobAdmin.Outcome outcome, String id, String rule) {
        if (outcome == JobAdmin.Outcome.NOT_FOUND) {
            throw notFound(id);
        }
        if (outcome == JobAdmin.Outcome.WRONG_STATUS) {
            throw ApiException.badRequest("Job is in status '" + statusOf(id) + "'; " + rule);
        }
    }

    private String statusOf(String id) {
        return admin.find(id).map(row -> row.status).orElse("deleted");
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("Job " + id + " not found");
    }

    private static String status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String status = text.trim();
        if (!JobStatus.ALL.contains(status)) {
            throw InputErrors.shape("status", "Input should be " + String.join(", ", JobStatus.ALL.stream()
                    .map(s -> "'" + s + "'").toList()));
        }
        return status;
    }

    private static String text(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_FILTER_LENGTH) {
            throw InputErrors.shape(field, "String should have at most " + MAX_FILTER_LENGTH + " characters");
        }
        return text.trim();
    }

    private static void superadmin(ContainerRequestContext request) {
        RequestAuthentication.of(request.getProperty(RequestAuthentication.PROPERTY)).requireSuperadmin();
    }
}
