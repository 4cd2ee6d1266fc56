package io.snackbase.records.internal.rest;

import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.records.internal.RecordsServices;
import io.snackbase.records.internal.core.Problems;
import io.snackbase.records.internal.service.CollectionStore;
import io.snackbase.records.internal.service.Collections;
import io.snackbase.records.internal.service.Schemas;
import io.snackbase.records.internal.service.Transfer;
import io.snackbase.records.internal.service.Views;
import io.snackbase.request.support.Paging;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
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

/** {@code /api/v1/collections}: superadmin management of collection definitions, their tables, export and import. */
@Component(service = CollectionsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("collections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CollectionsResource {

    static final List<String> SORT_COLUMNS = List.of("created_at", "updated_at", "name", "table_name", "id");
    private static final int DEFAULT_PAGE_SIZE = 25;
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private final CollectionStore store;
    private final Collections collections;
    private final Transfer transfer;
    private final Clock clock;

    @Activate
    public CollectionsResource(@Reference RecordsServices services) {
        this(services.store, services.collections, services.transfer, Clock.systemUTC());
    }

    CollectionsResource(CollectionStore store, Collections collections, Transfer transfer, Clock clock) {
        this.store = store;
        this.collections = collections;
        this.transfer = transfer;
        this.clock = clock;
    }

    static RequestContext superadmin(ContainerRequestContext request) {
        return RequestAuthentication.of(request.getProperty(RequestAuthentication.PROPERTY)).requireSuperadmin();
    }

    @GET
    public Map<String, Object> list(@QueryParam("page") String page, @QueryParam("page_size") String pageSize,
            @QueryParam("sort_by") String sortBy, @QueryParam("sort_order") String sortOrder,
            @QueryParam("search") String search, @Context ContainerRequestContext request) {
        superadmin(request);
        Paging.Page p = Paging.page(page, pageSize, DEFAULT_PAGE_SIZE);
        String column = sortBy == null ? "created_at" : sortBy.trim();
        if (!SORT_COLUMNS.contains(column)) {
            throw Problems.shape("sort_by", "Invalid sort_by column. Must be one of: " + String.join(", ", SORT_COLUMNS));
        }
        String order = Paging.sortOrder("sort_order", sortOrder, "desc");
        String pattern = pattern(search);
        // name_key holds the lower-cased name: sorting by it orders names without regard to case
        String sqlColumn = column.equals("name") ? "name_key" : column;
        var items = store.collections.list(pattern, sqlColumn, order, p.pageSize(), p.offset()).stream()
                .map(Schemas::definition).map(c -> Views.listItem(c, collections.count(c))).toList();
        return p.body(items, store.collections.count(pattern));
    }

    @GET
    @Path("names")
    public Map<String, Object> names(@Context ContainerRequestContext request) {
        superadmin(request);
        List<String> names = store.collections.names();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("names", names);
        m.put("total", names.size());
        return m;
    }

    @GET
    @Path("export")
    public Response export(@QueryParam("collection_ids") String ids, @Context ContainerRequestContext request) {
        RequestContext caller = superadmin(request);
        List<String> wanted = ids == null || ids.isBlank() ? null
                : Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        Instant now = clock.instant();
        Map<String, Object> document = transfer.export(wanted, caller.principal().email(), now);
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=collections_export_" + FILE_STAMP.format(now) + ".json").build();
    }

    @POST
    @Path("import")
    public Map<String, Object> importAll(Map<String, Object> json, @Context ContainerRequestContext request) {
        RequestContext caller = superadmin(request);
        Body body = Body.of(json);
        String strategy = body.text("strategy");
        return transfer.importAll(body.raw("data"), strategy == null ? "error" : strategy, caller);
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id, @Context ContainerRequestContext request) {
        superadmin(request);
        CollectionDefinition c = Schemas.definition(collections.require(id));
        return Views.collection(c, collections.count(c));
    }

    @POST
    public Response create(Map<String, Object> json, @Context ContainerRequestContext request) {
        RequestContext caller = superadmin(request);
        Body body = Body.of(json);
        String name = body.text("name");
        Object fields = body.fields();
        CollectionDefinition created = collections.create(name, fields, body.all(), caller);
        return Response.status(201).entity(Views.collection(created, 0)).build();
    }

    /** The complete new field list; {@code name} is accepted and ignored, rule keys present are applied. */
    @PUT
    @Path("{id}")
    public Map<String, Object> update(@PathParam("id") String id, Map<String, Object> json, @Context ContainerRequestContext request) {
        RequestContext caller = superadmin(request);
        Body body = Body.of(json);
        collections.require(id);
        CollectionDefinition updated = collections.update(id, body.fields(), body.all(), true, caller);
        return Views.collection(updated, collections.count(updated));
    }

    @DELETE
    @Path("{id}")
    public Map<String, Object> delete(@PathParam("id") String id, @Context ContainerRequestContext request) {
        RequestContext caller = superadmin(request);
        Collections.Deleted deleted = collections.delete(id, caller);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", "Collection deleted successfully");
        m.put("collection_id", deleted.collection().id());
        m.put("collection_name", deleted.collection().name());
        m.put("table_name", deleted.collection().tableName());
        m.put("records_deleted", deleted.records());
        // the table is dropped directly; there is no migration revision
        m.put("migration_revision", null);
        return m;
    }

    private static String pattern(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        return "%" + search.trim().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
