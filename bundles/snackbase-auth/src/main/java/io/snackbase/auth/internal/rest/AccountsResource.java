package io.snackbase.auth.internal.rest;

import static io.snackbase.auth.internal.rest.AuthResource.caller;

import io.snackbase.api.rest.RestConstants;
import io.snackbase.auth.internal.AuthServices;
import io.snackbase.auth.internal.service.AccountAdmin;
import io.snackbase.auth.internal.service.Accounts;
import io.snackbase.auth.internal.service.AuthStore;
import io.snackbase.auth.internal.service.Inputs;
import io.snackbase.auth.internal.service.Views;
import io.snackbase.auth.internal.store.AccountRow;
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
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/v1/accounts}: superadmin administration of accounts (tenants) and their user lists. */
@Component(service = AccountsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {

    private static final int DEFAULT_PAGE_SIZE = 25;

    private final AuthStore store;
    private final Accounts accounts;
    private final AccountAdmin admin;

    @Activate
    public AccountsResource(@Reference AuthServices auth) {
        this(auth.store, auth.accounts);
    }

    AccountsResource(AuthStore store, Accounts accounts) {
        this.store = store;
        this.accounts = accounts;
        this.admin = new AccountAdmin(store, accounts);
    }

    @GET
    public Map<String, Object> list(@QueryParam("page") String page, @QueryParam("page_size") String pageSize,
            @QueryParam("sort_by") String sortBy, @QueryParam("sort_order") String sortOrder,
            @QueryParam("search") String search, @Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        Paging.Page p = Paging.page(page, pageSize, DEFAULT_PAGE_SIZE);
        String column = sortBy == null ? "created_at" : sortBy.trim();
        if (!AccountAdmin.SORT_COLUMNS.contains(column)) {
            throw AccountAdmin.unprocessable("Invalid sort_by column. Must be one of: " + String.join(", ", AccountAdmin.SORT_COLUMNS));
        }
        String order = Paging.sortOrder("sort_order", sortOrder, "desc");
        String pattern = Inputs.containsPattern(search);
        var items = store.accounts.list(pattern, column, order, p.pageSize(), p.offset()).stream().map(Views::accountListItem).toList();
        return p.body(items, store.accounts.count(pattern));
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id, @Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        return Views.accountDetail(accounts.require(id));
    }

    @POST
    public Response create(Map<String, Object> json, @Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        Body body = Body.of(json);
        String name = AccountAdmin.checkName(body.text("name"));
        AccountRow created = admin.create(name, body.text("slug"));
        return Response.status(201).entity(Views.accountDetail(created)).build();
    }

    @PUT
    @Path("{id}")
    public Map<String, Object> update(@PathParam("id") String id, Map<String, Object> json, @Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        String name = AccountAdmin.checkName(Body.of(json).text("name"));
        return Views.accountDetail(admin.rename(id, name));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        admin.delete(id);
        return Response.noContent().build();
    }

    /** Newest users first; the page shape is that of the account list, with AccountUser items. */
    @GET
    @Path("{id}/users")
    public Map<String, Object> users(@PathParam("id") String id, @QueryParam("page") String page,
            @QueryParam("page_size") String pageSize, @Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        Paging.Page p = Paging.page(page, pageSize, DEFAULT_PAGE_SIZE);
        accounts.require(id);
        var items = store.users.list(id, null, null, null, "created_at", "DESC", p.pageSize(), p.offset())
                .stream().map(Views::accountUser).toList();
        return p.body(items, store.users.count(id, null, null, null));
    }
}
