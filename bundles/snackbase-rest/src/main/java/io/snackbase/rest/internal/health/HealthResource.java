package io.snackbase.rest.internal.health;

import io.snackbase.api.rest.RestConstants;
import io.snackbase.api.audit.AuditService;
import io.snackbase.api.storage.Database;
import io.snackbase.rest.internal.ProductVersion;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * The unauthenticated probes {@code /health}, {@code /ready} and {@code /live} at the server
 * root, in the whiteboard's default application (outside {@code /api/v1}).
 */
@Component(service = HealthResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    // optional and dynamic: readiness must answer "disconnected" while storage is down
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Database database;

    // optional and dynamic: without the audit bundle nothing is audited, and /health says so
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditService audit;

    private HealthReports reports;

    @Activate
    void activate(BundleContext context) {
        reports = new HealthReports(ProductVersion.of(context));
    }

    /** @return 200 healthy */
    @GET
    @Path("health")
    public Response health() {
        return reports.health(auditEnabled());
    }

    /** @return 200 ready, or 503 not_ready while the database is absent or unreachable */
    @GET
    @Path("ready")
    public Response ready() {
        return reports.ready(database, auditEnabled());
    }

    private boolean auditEnabled() {
        AuditService service = audit;
        return service != null && service.enabled();
    }

    /** @return 200 alive */
    @GET
    @Path("live")
    public Response live() {
        return reports.live();
    }
}
