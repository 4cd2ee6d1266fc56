package io.snackbase.rest.internal.health;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON bodies of the health probes, field for field as in the HTTP contract (health.md). */
public final class HealthBodies {

    private HealthBodies() {}

    /** {@code GET /health}: the process is up. */
    public record Healthy(String status, String service, String version,
            @JsonProperty("audit_logging_enabled") boolean auditLoggingEnabled) {}

    /** {@code GET /ready} when the database answers. */
    public record Ready(String status, String service, String version, String database,
            @JsonProperty("audit_logging_enabled") boolean auditLoggingEnabled) {}

    /** {@code GET /ready} when it does not; the contract sends no version here. */
    public record NotReady(String status, String service, String database) {}

    /** {@code GET /live}. */
    public record Alive(String status, String service, String version) {}
}
