package io.snackbase.records.internal.rest;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.records.internal.RecordsServices;
import io.snackbase.records.internal.service.RuleSettings;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
 * {@code /api/v1/collections/{name}/rules} (collection-rules.md): superadmin read and partial
 * update of a collection's access rules, by collection <em>name</em>. More literal characters than
 * {@code collections/{id}}, so JAX-RS matches this class for {@code /collections/x/rules}.
 */
@Component(service = CollectionRulesResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("collections/{name}/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CollectionRulesResource {

    private final RuleSettings rules;

    @Activate
    public CollectionRulesResource(@Reference RecordsServices services) {
        this(services.ruleSettings);
    }

    public CollectionRulesResource(RuleSettings rules) {
        this.rules = rules;
    }

    @GET
    public Map<String, Object> get(@PathParam("name") String name, @Context ContainerRequestContext request) {
        CollectionsResource.superadmin(request);
        return rules.get(name);
    }

    /** Partial update: absent keys stay, {@code null} locks, {@code ""} opens. */
    @PUT
    public Map<String, Object> put(@PathParam("name") String name, Map<String, Object> body, @Context ContainerRequestContext request) {
        RequestContext caller = CollectionsResource.superadmin(request);
        return rules.put(name, body, caller);
    }
}
