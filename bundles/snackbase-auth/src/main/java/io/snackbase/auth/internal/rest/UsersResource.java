package io.snackbase.auth.internal.rest;

import static io.snackbase.auth.internal.rest.AuthResource.caller;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.auth.internal.AuthServices;
import io.snackbase.auth.internal.core.Problems;
import io.snackbase.auth.internal.service.AuthStore;
import io.snackbase.auth.internal.service.Inputs;
import io.snackbase.auth.internal.service.UserAdmin;
import io.snackbase.auth.internal.service.Views;
import io.snackbase.auth.internal.store.UserRow;
import io.snackbase.request.support.Paging;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/v1/users}: superadmin administration of the users of every account. */
@Component(service = UsersResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    private static final int DEFAULT_LIMIT = 30;
    private static final int UUID_LENGTH = 36;
    /** The most a TEXT column holds on MariaDB; longer profiles would fail in the database instead of with a 422. */
    private static final int MAX_PROFILE_BYTES = 65_535;

    private final AuthStore store;
    private final UserAdmin admin;

    @Activate
    public UsersResource(@Reference AuthServices auth) {
        this(auth.store, new UserAdmin(auth.store, auth.hasher, auth.email));
    }

    UsersResource(AuthStore store, UserAdmin admin) {
        this.store = store;
        this.admin = admin;
    }

    /** The reference's skip/limit/sort, with the SDK's page/page_size/sort_by/sort_order standing in when those are absent. */
    @GET
    public Map<String, Object> list(@QueryParam("account_id") String accountId, @QueryParam("role_id") String roleId,
            @QueryParam("is_active") String isActive, @QueryParam("search") String search,
            @QueryParam("skip") String skip, @QueryParam("limit") String limit, @QueryParam("sort") String sort,
            @QueryParam("page") String page, @QueryParam("page_size") String pageSize,
            @QueryParam("sort_by") String sortBy, @QueryParam("sort_order") String sortOrder,
            @Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        Integer role = Paging.optionalInteger("role_id", roleId, Integer.MIN_VALUE, Integer.MAX_VALUE);
        Boolean active = Paging.bool("is_active", isActive);
        int max = limit != null ? Paging.integer("limit", limit, 1, Paging.MAX_PAGE_SIZE, DEFAULT_LIMIT)
                : Paging.integer("page_size", pageSize, 1, Paging.MAX_PAGE_SIZE, DEFAULT_LIMIT);
        int offset = skip != null || page == null ? Paging.integer("skip", skip, 0, Integer.MAX_VALUE, 0)
                : Paging.page(page, String.valueOf(max), DEFAULT_LIMIT).offset();
        String[] order = sort(sort != null ? sort
                : sortBy == null ? null : ("ASC".equals(Paging.sortOrder("sort_order", sortOrder, "desc")) ? "+" : "-") + sortBy);
        String pattern = Inputs.containsPattern(search);
        List<Map<String, Object>> items = store.users.list(accountId, role, active, pattern, order[0], order[1], max, offset)
                .stream().map(admin::view).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", store.users.count(accountId, role, active, pattern));
        body.put("items", items);
        return body;
    }

    /** @return {column, ASC|DESC} of {@code [+|-]field}; a leading space is a {@code +} that arrived unencoded */
    static String[] sort(String sort) {
        if (sort == null || sort.isEmpty()) {
            return new String[] {"created_at", "DESC"};
        }
        String direction = sort.startsWith("-") ? "DESC" : "ASC";
        String field = sort.startsWith("-") || sort.startsWith("+") || sort.startsWith(" ") ? sort.substring(1) : sort;
        field = field.trim();
        if (!UserAdmin.SORT_FIELDS.contains(field)) {
            throw Problems.shape("sort", "Invalid sort field '" + field + "'. Must be one of: " + String.join(", ", UserAdmin.SORT_FIELDS));
        }
        return new String[] {field, direction};
    }

    @POST
    public Response create(Map<String, Object> json, @Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        Body b = Body.of(json);
        String address = b.text("email");
        Inputs.requireEmail("email", address);
        String password = b.text("password");
        String accountId = b.text("account_id");
        if (accountId == null) {
            throw Problems.required("account_id");
        }
        if (accountId.length() != UUID_LENGTH) {
            throw Problems.shape("account_id", "String should have " + (accountId.length() < UUID_LENGTH ? "at least" : "at most")
                    + " " + UUID_LENGTH + " characters");
        }
        Integer roleId = b.integer("role_id");
        if (roleId == null) {
            throw Problems.required("role_id");
        }
        positive("role_id", roleId);
        Boolean active = b.bool("is_active");
        String provider = provider(b);
        UserRow created = admin.create(new UserAdmin.NewUser(address, password, accountId.toLowerCase(Locale.ROOT), roleId,
                active == null || active, provider == null ? "password" : provider, text(b, "auth_provider_name", 100),
                text(b, "external_id", 255), text(b, "external_email", 255), profile(b)));
        return Response.status(201).entity(admin.view(created)).build();
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id, @Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        return admin.view(admin.require(id));
    }

    /** Every field is optional; the nullable ones are cleared by an explicit null. {@code role} names a role when role_id is absent. */
    @PATCH
    @Path("{id}")
    public Map<String, Object> update(@PathParam("id") String id, Map<String, Object> json, @Context ContainerRequestContext request) {
        RequestContext context = caller(request).requireSuperadmin();
        Body b = Body.of(json);
        String address = b.text("email");
        if (address != null) {
            Inputs.requireEmail("email", address);
        }
        Integer roleId = b.integer("role_id");
        if (roleId != null) {
            positive("role_id", roleId);
        }
        String roleName = b.text("role");
        Boolean active = b.bool("is_active");
        String provider = provider(b);
        Consumer<UserRow> changes = nullable(b, "auth_provider_name", 100, (row, v) -> row.authProviderName = v)
                .andThen(nullable(b, "external_id", 255, (row, v) -> row.externalId = v))
                .andThen(nullable(b, "external_email", 255, (row, v) -> row.externalEmail = v));
        if (b.has("profile_data")) {
            String profile = profile(b);
            changes = changes.andThen(row -> row.profileData = profile);
        }
        Consumer<UserRow> rest = changes;
        UserRow updated = admin.update(context.principal().userId(), id, row -> {
            if (address != null) {
                row.email = address;
            }
            if (roleId != null) {
                row.roleId = admin.role(roleId).id;
            } else if (roleName != null) {
                row.roleId = admin.roleNamed(roleName).id;
            }
            if (active != null) {
                row.isActive = active;
            }
            if (provider != null) {
                row.authProvider = provider;
            }
            rest.accept(row);
        });
        return admin.view(updated);
    }

    /** {@code send_reset_link: true} mails a link (and wins over a password sent alongside); else {@code new_password} is set. */
    @PUT
    @Path("{id}/password")
    public Map<String, Object> password(@PathParam("id") String id, Map<String, Object> json, @Context ContainerRequestContext request) {
        RequestContext context = caller(request).requireSuperadmin();
        Body b = Body.of(json);
        String newPassword = b.text("new_password");
        if (Boolean.TRUE.equals(b.bool("send_reset_link"))) {
            return Map.of("message", admin.sendResetLink(id, context));
        }
        if (newPassword == null) {
            throw Problems.shape("new_password", "Either new_password or send_reset_link must be provided");
        }
        admin.setPassword(id, newPassword);
        return Map.of("message", "Password updated successfully");
    }

    @POST
    @Path("{id}/verify")
    public Map<String, Object> verify(@PathParam("id") String id, @Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        return Map.of("message", admin.verify(id));
    }

    @POST
    @Path("{id}/resend-verification")
    public Map<String, Object> resendVerification(@PathParam("id") String id, @Context ContainerRequestContext request) {
        RequestContext context = caller(request).requireSuperadmin();
        return Map.of("message", admin.resendVerification(id, context));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context ContainerRequestContext request) {
        RequestContext context = caller(request).requireSuperadmin();
        admin.deactivate(context.principal().userId(), id);
        return Response.noContent().build();
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw Problems.shape(field, "Input should be greater than or equal to 1");
        }
    }

    private static String provider(Body b) {
        String provider = b.text("auth_provider");
        if (provider != null && !UserAdmin.PROVIDERS.contains(provider)) {
            throw Problems.shape("auth_provider", "Input should be 'password', 'oauth' or 'saml'");
        }
        return provider;
    }

    /** @return the string, or null; 422 when longer than its column */
    private static String text(Body b, String field, int max) {
        String value = b.text(field);
        if (value != null && value.length() > max) {
            throw Problems.shape(field, "String should have at most " + max + " characters");
        }
        return value;
    }

    private interface Setter {
        void set(UserRow row, String value);
    }

    /** @return a change that sets the field when it was sent (null included); nothing when it was absent */
    private static Consumer<UserRow> nullable(Body b, String field, int max, Setter setter) {
        if (!b.has(field)) {
            return row -> { };
        }
        String value = text(b, field, max);
        return row -> setter.set(row, value);
    }

    /** @return the profile as JSON text, or null; 422 when it is not an object or too large to store */
    private static String profile(Body b) {
        Object value = b.raw("profile_data");
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map)) {
            throw Problems.shape("profile_data", "Input should be a valid dictionary");
        }
        String text = Views.profileText(value);
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PROFILE_BYTES) {
            throw Problems.shape("profile_data", "profile_data must be at most " + MAX_PROFILE_BYTES + " bytes of JSON");
        }
        return text;
    }
}
