package io.snackbase.auth.internal;

import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.context.Principal;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Request contexts as the authentication filter leaves them, for calling resource methods directly. */
public final class FakeRequests {

    private FakeRequests() {}

    /** @return a request authenticated as the principal, with the given headers */
    public static ContainerRequestContext as(Principal principal, Map<String, String> headers) {
        return with(RequestAuthentication.authenticated(principal, "req-test", "127.0.0.1", "junit"), headers);
    }

    /** @return a request made by this user with an access token */
    public static ContainerRequestContext as(io.snackbase.auth.internal.store.UserRow user) {
        return as(new Principal(user.id, user.email, user.accountId, user.roleName, "jwt"), Map.of());
    }

    /** @return a request without credentials (and without X-Account-ID) */
    public static ContainerRequestContext anonymous() {
        return with(RequestAuthentication.anonymous(null,
                io.snackbase.api.errors.ApiException.badRequest("X-Account-ID header is required for unauthenticated requests"),
                "req-test", "127.0.0.1", "junit"), Map.of());
    }

    /** @return a request whose only behaviour is the authentication property the REST filter sets, and headers */
    public static ContainerRequestContext with(RequestAuthentication auth, Map<String, String> headers) {
        return (ContainerRequestContext) Proxy.newProxyInstance(FakeRequests.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> RequestAuthentication.PROPERTY.equals(args[0]) ? auth : null;
                    case "getHeaderString" -> headers.get((String) args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "request of " + auth;
                    default -> method.getReturnType() == boolean.class ? false : method.getReturnType() == int.class ? 0 : null;
                });
    }
}
