package io.snackbase.rest.internal.health;

import io.snackbase.api.storage.Database;
import io.snackbase.rest.internal.ProductVersion;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decides what the health probes answer, given the product version and the database. */
public final class HealthReports {

    /** How long readiness waits for the database before calling it disconnected. */
    public static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(HealthReports.class);

    private final String version;

    /** @param version the product version, such as "0.1.0" */
    public HealthReports(String version) {
        this.version = version;
    }

    /**
     * @param auditLoggingEnabled the audit service's switch (false while no audit service is registered)
     * @return 200 healthy; no dependency is checked
     */
    public Response health(boolean auditLoggingEnabled) {
        return json(200, new HealthBodies.Healthy("healthy", ProductVersion.SERVICE_NAME, version,
                auditLoggingEnabled));
    }

    /** @return 200 alive */
    public Response live() {
        return json(200, new HealthBodies.Alive("alive", ProductVersion.SERVICE_NAME, version));
    }

    /**
     * @param database the database service, or null while none is registered
     * @param auditLoggingEnabled the audit service's switch
     * @return 200 ready when the database answers within {@link #DATABASE_TIMEOUT}, else 503
     */
    public Response ready(Database database, boolean auditLoggingEnabled) {
        if (database == null || !reachable(database)) {
            return json(503, new HealthBodies.NotReady("not_ready", ProductVersion.SERVICE_NAME,
                    "disconnected"));
        }
        return json(200, new HealthBodies.Ready("ready", ProductVersion.SERVICE_NAME, version,
                "connected", auditLoggingEnabled));
    }

    private static boolean reachable(Database database) {
        try {
            return database.isReachable(DATABASE_TIMEOUT);
        } catch (RuntimeException e) {
            // the service may be unregistering under us; a probe answers, it does not fail
            LOG.warn("Readiness check of {} failed", database.describe(), e);
            return false;
        }
    }

    private static Response json(int status, Object body) {
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
