package io.snackbase.records.internal.rest;

import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.records.internal.RecordsServices;
import io.snackbase.records.internal.records.RecordService;
import io.snackbase.records.internal.records.RecordStore;
import io.snackbase.records.internal.records.RecordValues.Mode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/v1/records/{collection}}: record CRUD for users of an account, anonymous callers of public rules, and superadmins. */
@Component(service = RecordsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("records/{collection}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecordsResource {

    /** Query parameters of the list route. */
    static final Set<String> LIST_PARAMS = Set.of("skip", "limit", "sort", "fields", "filter", "cursor", "cursor_before", "include_count",
            "expand");
    static final Set<String> NOT_BUILT = Set.of();

    private final RecordService records;

    @Activate
    public RecordsResource(@Reference RecordsServices services) {
        this(services.records);
    }

    public RecordsResource(RecordService records) {
        this.records = records;
    }

    static RequestContext caller(ContainerRequestContext request) {
        return RequestAuthentication.of(request.getProperty(RequestAuthentication.PROPERTY)).optionalUser();
    }

    @POST
    public Response create(@PathParam("collection") String collection, Map<String, Object> body, @Context ContainerRequestContext request) {
        RequestContext ctx = caller(request);
        return Response.status(201).entity(records.create(collection, body, ctx)).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    public Map<String, Object> list(@PathParam("collection") String collection, @Context UriInfo uri, @Context ContainerRequestContext request) {
        return list(collection, uri.getQueryParameters(), request);
    }

    public Map<String, Object> list(String collection, Map<String, List<String>> query, ContainerRequestContext request) {
        RequestContext ctx = caller(request);
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            String key = e.getKey();
            if (NOT_BUILT.contains(key)) {
                throw ApiException.badRequest("Query parameter '" + key + "' is not supported by this server yet");
            }
            if (!LIST_PARAMS.contains(key)) {
                String value = e.getValue() == null || e.getValue().isEmpty() ? "" : e.getValue().get(0);
                throw new ApiException(400, "Unsupported query parameter", "Direct query parameter filtering (e.g., ?" + key + "=" + value
                        + ") is no longer supported. Use the 'filter' parameter instead: ?filter=" + key + " = \"" + value + "\"");
            }
        }
        int skip = integer(first(query, "skip"), "skip", 0, 0, Integer.MAX_VALUE);
        int limit = integer(first(query, "limit"), "limit", 30, 1, 100);
        String cursor = query.containsKey("cursor") ? nonNull(first(query, "cursor")) : null;
        String before = query.containsKey("cursor_before") ? nonNull(first(query, "cursor_before")) : null;
        return records.list(collection, new RecordService.ListQuery(skip, limit, sort(first(query, "sort")), first(query, "filter"),
                fields(first(query, "fields")), cursor, before, bool(first(query, "include_count"), "include_count"), first(query, "expand")), ctx);
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("collection") String collection, @PathParam("id") String id, @Context UriInfo uri,
            @Context ContainerRequestContext request) {
        return view(collection, id, uri.getQueryParameters().getFirst("fields"), uri.getQueryParameters().getFirst("expand"), request);
    }

    public Map<String, Object> view(String collection, String id, String fields, ContainerRequestContext request) {
        return view(collection, id, fields, null, request);
    }

    public Map<String, Object> view(String collection, String id, String fields, String expand, ContainerRequestContext request) {
        return records.get(collection, id, fields(fields), expand, caller(request));
    }

    /**
     * records.md §12. {@code no-store}: neither the client nor a proxy may keep the plaintext;
     * nothing on the server logs request or response bodies.
     */
    @GET
    @Path("{id}/secrets")
    public Response secrets(@PathParam("collection") String collection, @PathParam("id") String id, @QueryParam("fields") String fields,
            @Context ContainerRequestContext request) {
        RequestContext ctx = RequestAuthentication.of(request.getProperty(RequestAuthentication.PROPERTY)).requireUser();
        return Response.ok(records.secrets(collection, id, fields, ctx)).type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }

    @PUT
    @Path("{id}")
    public Map<String, Object> put(@PathParam("collection") String collection, @PathParam("id") String id, Map<String, Object> body,
            @Context ContainerRequestContext request) {
        return records.update(collection, id, body, Mode.PUT, caller(request));
    }

    @PATCH
    @Path("{id}")
    public Map<String, Object> patch(@PathParam("collection") String collection, @PathParam("id") String id, Map<String, Object> body,
            @Context ContainerRequestContext request) {
        return records.update(collection, id, body, Mode.PATCH, caller(request));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("collection") String collection, @PathParam("id") String id, @Context ContainerRequestContext request) {
        records.delete(collection, id, caller(request));
        return Response.noContent().build();
    }

    private static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static boolean bool(String text, String name) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw ApiException.validation(List.of(new FieldError(name, "Input should be a valid boolean", "invalid")));
        };
    }

    private static int integer(String text, String name, int dflt, int min, int max) {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // below
        }
        String range = max == Integer.MAX_VALUE ? "greater than or equal to " + min : "between " + min + " and " + max;
        throw ApiException.validation(List.of(new FieldError(name, "Input should be an integer " + range, "invalid")));
    }

    /** {@code +a,-b}; a bare name and a leading space (a {@code +} decoded from the URL) sort ascending. */
    static List<RecordStore.Order> sort(String text) {
        List<RecordStore.Order> order = new ArrayList<>();
        if (text == null) {
            return order;
        }
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String p = part.startsWith(" ") ? "+" + part.strip() : part.strip();
            boolean desc = p.startsWith("-");
            String name = p.startsWith("-") || p.startsWith("+") ? p.substring(1).strip() : p;
            order.add(new RecordStore.Order(name, desc));
        }
        return order;
    }

    static Set<String> fields(String text) {
        if (text == null || text.isBlank() || text.trim().equals("*")) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            if (part.strip().equals("*")) {
                return null;
            }
            if (!part.isBlank()) {
                names.add(part.strip());
            }
        }
        return names;
    }
}
