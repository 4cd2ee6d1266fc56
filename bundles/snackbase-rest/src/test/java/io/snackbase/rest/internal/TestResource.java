package io.snackbase.rest.internal;

import io.snackbase.api.errors.ApiException;
import io.snackbase.api.storage.StorageException;
import io.snackbase.rest.internal.filters.CorrelationIds;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;
import org.slf4j.MDC;

/** A resource that fails in every way the mappers must handle. */
@Path("test")
@Produces(MediaType.APPLICATION_JSON)
public class TestResource {

    /** A request body with a typed field. */
    public record Item(String name, int count) {}

    /** A response with a date and a null field. */
    public record Stamped(Instant at, String note, String camelCase) {}

    /** Jackson cannot serialise a bean without properties. */
    public static final class Opaque {}

    @GET @Path("api")
    public String api() {
        throw ApiException.conflict("Collection 'posts' already exists", "name");
    }

    @GET @Path("api-wrapped")
    public String apiWrapped() {
        throw new IllegalStateException(new ApiException(403, "Forbidden", "Superadmin access required"));
    }

    @GET @Path("storage")
    public String storage() {
        throw new StorageException("Connection refused: jdbc:postgresql://db-secret:5432/app");
    }

    @GET @Path("boom")
    public String boom() {
        throw new IllegalStateException("secret internals: password=hunter2");
    }

    @GET @Path("gone")
    public String gone() {
        throw new NotFoundException("Collection 'x' not found");
    }

    @GET @Path("unavailable")
    public String unavailable() {
        throw new ServiceUnavailableException("pool exhausted on db-secret", 7L);
    }

    @POST @Path("items") @Consumes(MediaType.APPLICATION_JSON)
    public Item create(Item item) {
        return item;
    }

    @GET @Path("stamped")
    public Stamped stamped() {
        return new Stamped(Instant.parse("2026-11-22T14:22:23.876604Z"), null, "kept");
    }

    @GET @Path("opaque")
    public Opaque opaque() {
        return new Opaque();
    }

    @GET @Path("mdc")
    public Map<String, String> mdc() {
        return Map.of("mdc", String.valueOf(MDC.get(CorrelationIds.MDC_KEY)));
    }
}
