package io.snackbase.records.internal.rest;

import io.snackbase.api.rest.RestConstants;
import io.snackbase.records.internal.RecordsServices;
import io.snackbase.records.internal.records.RecordBatch;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code POST|PATCH|DELETE /api/v1/records/{collection}/batch}. A root resource of its own: its
 * path has more literal characters than {@code records/{collection}}, so JAX-RS matches it before
 * {@code records/{collection}/{id}}. Configuration PID {@code io.snackbase.records.batch},
 * property {@code max_batch_size} (default 100).
 */
@Component(service = RecordBatchResource.class, configurationPid = "io.snackbase.records.batch",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("records/{collection}/batch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecordBatchResource {

    private final RecordBatch batch;

    @Activate
    public RecordBatchResource(@Reference RecordsServices services, Map<String, Object> properties) {
        this(new RecordBatch(services.records, services.store, maxSize(properties.get("max_batch_size"))));
    }

    public RecordBatchResource(RecordBatch batch) {
        this.batch = batch;
    }

    static int maxSize(Object value) {
        if (value == null) {
            return RecordBatch.DEFAULT_MAX;
        }
        try {
            int n = value instanceof Number num ? num.intValue() : Integer.parseInt(value.toString().trim());
            return n > 0 ? n : RecordBatch.DEFAULT_MAX;
        } catch (NumberFormatException e) {
            return RecordBatch.DEFAULT_MAX;
        }
    }

    @POST
    public Response create(@PathParam("collection") String collection, Map<String, Object> body, @Context ContainerRequestContext request) {
        return Response.status(201).entity(batch.create(collection, body, RecordsResource.caller(request))).type(MediaType.APPLICATION_JSON).build();
    }

    @PATCH
    public Map<String, Object> update(@PathParam("collection") String collection, Map<String, Object> body,
            @Context ContainerRequestContext request) {
        return batch.update(collection, body, RecordsResource.caller(request));
    }

    /** DELETE with a JSON body {@code {ids:[...]}}. */
    @DELETE
    public Map<String, Object> delete(@PathParam("collection") String collection, Map<String, Object> body,
            @Context ContainerRequestContext request) {
        return batch.delete(collection, body, RecordsResource.caller(request));
    }
}
