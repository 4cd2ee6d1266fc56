package io.snackbase.records.internal.rest;

import io.snackbase.api.rest.RestConstants;
import io.snackbase.records.internal.RecordsServices;
import io.snackbase.records.internal.records.RecordService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code GET /api/v1/records/{collection}/aggregate}: a root resource of its own, so that the
 * literal segment wins over {@code records/{collection}/{id}} (more literal characters).
 */
@Component(service = RecordAggregateResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("records/{collection}/aggregate")
@Produces(MediaType.APPLICATION_JSON)
public class RecordAggregateResource {

    private final RecordService records;

    @Activate
    public RecordAggregateResource(@Reference RecordsServices services) {
        this(services.records);
    }

    public RecordAggregateResource(RecordService records) {
        this.records = records;
    }

    @GET
    public Map<String, Object> aggregate(@PathParam("collection") String collection, @QueryParam("functions") String functions,
            @QueryParam("group_by") String groupBy, @QueryParam("filter") String filter, @QueryParam("having") String having,
            @Context ContainerRequestContext request) {
        return records.aggregate(collection, functions, groupBy, filter, having, RecordsResource.caller(request));
    }
}
