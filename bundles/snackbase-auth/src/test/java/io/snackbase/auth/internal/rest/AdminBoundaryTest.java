package io.snackbase.auth.internal.rest;

import static io.snackbase.auth.internal.AdminFixture.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.auth.internal.AdminFixture;
import io.snackbase.auth.internal.service.UserAdmin;
import io.snackbase.auth.internal.service.Users;
import io.snackbase.auth.internal.store.AccountRow;
import io.snackbase.auth.internal.store.UserRow;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tenant boundary of the administration resources: every route (found by its JAX-RS
 * annotation, so that a route added later is covered too) refuses an account's own admin with
 * 403 and a caller without credentials with 401, before it reads anything; a superadmin gets past.
 */
class AdminBoundaryTest {

    private AdminFixture f;
    private List<Object> resources;
    private UserRow tenantAdmin;
    private AccountRow tenant;

    @BeforeEach
    void setUp() throws Exception {
        f = AdminFixture.on(DatabaseKind.SQLITE);
        tenant = f.account("Tenant", "tenant");
        tenantAdmin = f.user(tenant.id, "admin@tenant.example", Users.ADMIN_ROLE);
        resources = List.of(new AccountsResource(f.store, f.w.accounts),
                new UsersResource(f.store, new UserAdmin(f.store, f.w.hasher, f.w.email)), new RolesResource(f.store));
    }

    private static List<Method> routes(Object resource) {
        return Arrays.stream(resource.getClass().getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(GET.class) || m.isAnnotationPresent(POST.class) || m.isAnnotationPresent(PUT.class)
                        || m.isAnnotationPresent(PATCH.class) || m.isAnnotationPresent(DELETE.class))
                .toList();
    }

    /** Calls the route with ids of real rows, so that only the caller check can refuse it. */
    private Object call(Object resource, Method route, ContainerRequestContext request) throws Throwable {
        String id = resource instanceof AccountsResource ? tenant.id : resource instanceof UsersResource ? tenantAdmin.id : "2";
        Object[] args = new Object[route.getParameterCount()];
        Class<?>[] types = route.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            if (types[i] == ContainerRequestContext.class) {
                args[i] = request;
            } else if (types[i] == Map.class) {
                args[i] = Map.of();
            } else if (route.getParameters()[i].isAnnotationPresent(jakarta.ws.rs.PathParam.class)) {
                args[i] = id;
            }
        }
        try {
            return route.invoke(resource, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String name(Object resource, Method route) {
        Path path = route.getAnnotation(Path.class);
        return resource.getClass().getSimpleName() + "." + route.getName() + (path == null ? "" : " " + path.value());
    }

    @Test
    void everyRouteIsCounted() {
        assertThat(routes(resources.get(0))).hasSize(6);
        assertThat(routes(resources.get(1))).hasSize(8);
        assertThat(routes(resources.get(2))).hasSize(10);
    }

    @Test
    void aTenantAdminGets403OnEveryRoute() throws Throwable {
        List<String> checked = new ArrayList<>();
        for (Object resource : resources) {
            for (Method route : routes(resource)) {
                Throwable thrown = catchAll(() -> call(resource, route, as(tenantAdmin)));
                assertThat(thrown).as(name(resource, route)).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).isEqualTo("Superadmin access required");
                });
                checked.add(name(resource, route));
            }
        }
        assertThat(checked).hasSize(24);
        // nothing was changed on the way
        assertThat(f.store.accounts.findById(tenant.id)).isNotNull();
        assertThat(f.store.users.findById(tenantAdmin.id).isActive).isTrue();
    }

    @Test
    void aCallerWithoutCredentialsGets401OnEveryRoute() {
        for (Object resource : resources) {
            for (Method route : routes(resource)) {
                Throwable thrown = catchAll(() -> call(resource, route, AdminFixture.anonymous()));
                assertThat(thrown).as(name(resource, route)).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(401));
            }
        }
    }

    @Test
    void aSuperadminGetsPastTheCheckOnEveryRoute() {
        UserRow root = f.superadminUser();
        assertThat(root.accountId).isEqualTo(Principal.SYSTEM_ACCOUNT_ID);
        for (Object resource : resources) {
            for (Method route : routes(resource)) {
                Throwable thrown = catchAll(() -> call(resource, route, as(root)));
                if (thrown instanceof ApiException e) {
                    // the empty bodies are refused on their merits, never for who is calling
                    assertThat(e.status()).as(name(resource, route)).isNotIn(401, 403);
                } else {
                    assertThat(thrown).as(name(resource, route)).isNull();
                }
            }
        }
    }

    private interface Call {
        Object run() throws Throwable;
    }

    private static Throwable catchAll(Call call) {
        try {
            call.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
