package io.snackbase.rest.internal.filters;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.auth.Authenticator;
import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.context.Principal;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.rest.internal.InMemoryServer;
import io.snackbase.rest.internal.InMemoryServer.Result;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bearer wins over X-API-Key, failures surface only where a route needs a user, X-Account-ID for anonymous callers. */
class AuthenticationFilterTest {

    static final String USER_ACCOUNT = "11111111-1111-1111-1111-111111111111";

    /** Accepts "good" (a tenant user), "root" (a superadmin) and the key "sb_ak.good". */
    static final class FakeAuthenticator implements Authenticator {
        @Override
        public Principal authenticateBearer(String token) {
            return switch (token) {
                case "good" -> new Principal("u1", "a@x.io", USER_ACCOUNT, "admin", "jwt");
                case "root" -> new Principal("u0", "root@x.io", Principal.SYSTEM_ACCOUNT_ID, "admin", "jwt");
                default -> throw ApiException.unauthorized("Invalid token");
            };
        }

        @Override
        public Principal authenticateApiKey(String key) {
            if (key.equals("sb_ak.good")) {
                return new Principal("u0", "root@x.io", Principal.SYSTEM_ACCOUNT_ID, "admin", "api_key");
            }
            throw ApiException.unauthorized("Invalid API key");
        }

        @Override
        public Optional<String> resolveAccount(String identifier) {
            return identifier.equalsIgnoreCase("acme") ? Optional.of(USER_ACCOUNT) : Optional.empty();
        }
    }

    /** Three routes, one per access class. */
    @Path("auth-test")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Routes {
        @GET @Path("user")
        public Map<String, Object> user(@Context ContainerRequestContext request) {
            return describe(auth(request).requireUser());
        }

        @GET @Path("admin")
        public Map<String, Object> admin(@Context ContainerRequestContext request) {
            return describe(auth(request).requireSuperadmin());
        }

        @GET @Path("optional")
        public Map<String, Object> optional(@Context ContainerRequestContext request) {
            return describe(auth(request).optionalUser());
        }

        @GET @Path("public")
        public Map<String, Object> open(@Context ContainerRequestContext request) {
            return describe(auth(request).anyone());
        }

        private static RequestAuthentication auth(ContainerRequestContext request) {
            return RequestAuthentication.of(request.getProperty(RequestAuthentication.PROPERTY));
        }

        private static Map<String, Object> describe(RequestContext context) {
            return Map.of("method", context.principal().authMethod(), "account", String.valueOf(context.accountId()),
                    "request", context.requestId());
        }
    }

    private Result call(String path, Map<String, String> headers) {
        AuthenticationFilter filter = new AuthenticationFilter();
        filter.setAuthenticator(new FakeAuthenticator());
        return new InMemoryServer(Routes.class, filter).call("GET", "/auth-test/" + path, headers, null);
    }

    @Test
    void aValidBearerTokenNamesTheUserAndItsAccount() {
        Result result = call("user", Map.of("Authorization", "Bearer good", "X-Correlation-ID", "req-9"));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("account").asText()).isEqualTo(USER_ACCOUNT);
        assertThat(result.json().get("request").asText()).isEqualTo("req-9");
    }

    @Test
    void bearerWinsOverAnApiKey() {
        Result result = call("user", Map.of("Authorization", "Bearer good", "X-API-Key", "sb_ak.bad"));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("method").asText()).isEqualTo("jwt");
    }

    @Test
    void anApiKeyIsUsedWithoutBearer() {
        Result result = call("admin", Map.of("X-API-Key", "sb_ak.good"));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("method").asText()).isEqualTo("api_key");
    }

    @Test
    void missingCredentialsAre401WithAStringDetailAndTheBearerChallenge() {
        Result result = call("user", Map.of());
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.json().get("detail").asText()).isEqualTo("Missing authentication credentials");
        assertThat(result.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void aForgedTokenIs401OnUserRoutesAndOptionalRoutes() {
        assertThat(call("user", Map.of("Authorization", "Bearer forged")).json().get("detail").asText()).isEqualTo("Invalid token");
        assertThat(call("optional", Map.of("Authorization", "Bearer forged", "X-Account-ID", "acme")).status()).isEqualTo(401);
    }

    @Test
    void publicRoutesIgnoreAStaleToken() {
        Result result = call("public", Map.of("Authorization", "Bearer forged"));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("method").asText()).isEqualTo("anonymous");
    }

    @Test
    void aTenantAdminIsNotASuperadmin() {
        Result result = call("admin", Map.of("Authorization", "Bearer good"));
        assertThat(result.status()).isEqualTo(403);
        assertThat(result.json().get("detail").asText()).isEqualTo("Superadmin access required");
        assertThat(call("admin", Map.of("Authorization", "Bearer root")).status()).isEqualTo(200);
    }

    @Test
    void anonymousCallersNameTheirAccountWithXAccountId() {
        Result known = call("optional", Map.of("X-Account-ID", "ACME"));
        assertThat(known.status()).isEqualTo(200);
        assertThat(known.json().get("account").asText()).isEqualTo(USER_ACCOUNT);
        Result unknown = call("optional", Map.of("X-Account-ID", "nope"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).isEqualTo("Account 'nope' not found");
        Result missing = call("optional", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asText()).isEqualTo("X-Account-ID header is required for unauthenticated requests");
    }

    @Test
    void withoutAnAuthenticatorCredentialsAreRefused() {
        AuthenticationFilter filter = new AuthenticationFilter();
        Result result = new InMemoryServer(Routes.class, filter).call("GET", "/auth-test/user", Map.of("Authorization", "Bearer good"), null);
        assertThat(result.status()).isEqualTo(401);
    }
}
