package io.snackbase.audit.internal.rest;

import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.context.Principal;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Request contexts as the authentication filter leaves them, for calling resource methods directly. */
final class FakeRequests {

    private FakeRequests() {}

    /** @return a request authenticated as the principal, with the given headers */
    static ContainerRequestContext as(Principal principal, Map<String, String> headers) {
        return with(RequestAuthentication.authenticated(principal, "req-test", "127.0.0.1", "junit"), headers);
    }

    /** @return a request without credentials */
    static ContainerRequestContext anonymous() {
        return with(RequestAuthentication.anonymous(null, null, "req-test", "127.0.0.1", "junit"), Map.of());
    }

    static ContainerRequestContext with(RequestAuthentication auth, Map<String, String> headers) {
        return (ContainerRequestContext) Proxy.newProxyInstance(FakeRequests.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> RequestAuthentication.PROPERTY.equals(args[0]) ? auth : null;
                    case "getHeaderString" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
