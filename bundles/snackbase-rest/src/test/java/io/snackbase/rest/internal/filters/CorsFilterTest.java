package io.snackbase.rest.internal.filters;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.rest.internal.InMemoryServer;
import io.snackbase.rest.internal.InMemoryServer.Result;
import io.snackbase.rest.internal.TestResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Preflights and CORS headers for allowed origins only; production allows none unless configured. */
class CorsFilterTest {

    private Result call(CorsFilter filter, String method, Map<String, String> headers) {
        return new InMemoryServer(TestResource.class, filter).call(method, "/test/api", headers, null);
    }

    @Test
    void anAllowedOriginGetsItsHeadersAndCredentials() {
        Result result = call(new CorsFilter(List.of("https://app.example.com"), 600), "GET", Map.of("Origin", "https://app.example.com"));
        assertThat(result.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        assertThat(result.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(result.header("Access-Control-Expose-Headers")).contains("X-Correlation-ID").contains("x-function-execution-id");
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() {
        Result result = call(new CorsFilter(List.of("https://app.example.com"), 600), "GET", Map.of("Origin", "https://evil.example.com"));
        assertThat(result.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aPreflightIsAnsweredWithoutReachingTheResource() {
        Result result = call(new CorsFilter(List.of("https://app.example.com"), 60), "OPTIONS",
                Map.of("Origin", "https://app.example.com", "Access-Control-Request-Method", "POST",
                        "Access-Control-Request-Headers", "authorization, x-api-key"));
        assertThat(result.status()).isEqualTo(204);
        assertThat(result.header("Access-Control-Allow-Headers")).contains("Authorization").contains("X-API-Key").contains("X-Account-ID");
        assertThat(result.header("Access-Control-Allow-Methods")).contains("PATCH");
        assertThat(result.header("Access-Control-Max-Age")).isEqualTo("60");
        assertThat(result.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    }

    @Test
    void aWildcardAllowsAnyOriginWithoutCredentials() {
        Result result = call(new CorsFilter(List.of("*"), 600), "GET", Map.of("Origin", "https://any.example.com"));
        assertThat(result.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(result.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void originsComeFromConfigurationThenEnvironmentThenTheMode() {
        assertThat(CorsFilter.origins(new String[] {" https://a.io "}, "https://b.io", "development")).containsExactly("https://a.io");
        assertThat(CorsFilter.origins(new String[0], "https://b.io, https://c.io", "production")).containsExactly("https://b.io", "https://c.io");
        assertThat(CorsFilter.origins(new String[0], null, "production")).isEmpty();
        assertThat(CorsFilter.origins(new String[0], "", "development")).isEqualTo(CorsFilter.DEVELOPMENT_ORIGINS);
    }
}
