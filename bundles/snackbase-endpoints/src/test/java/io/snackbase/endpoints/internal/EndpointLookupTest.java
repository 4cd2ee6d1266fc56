package io.snackbase.endpoints.internal;

import static io.snackbase.endpoints.internal.FakeHandlers.nameOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.endpoints.EndpointConstants;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

class EndpointLookupTest {

    private final FakeHandlers services = new FakeHandlers();
    private final EndpointHandlerRegistry registry = new EndpointHandlerRegistry(services);

    @Test
    void aLiteralSegmentBeatsAParameterWhateverTheRanking() throws Exception {
        register("byId", "/orders/{id}", Constants.SERVICE_RANKING, 100);
        register("newOrder", "/orders/new");

        assertThat(by("GET", "/orders/new")).isEqualTo("newOrder");
        assertThat(by("GET", "/orders/17")).isEqualTo("byId");
    }

    @Test
    void theFirstSegmentThatDiffersDecides() throws Exception {
        register("lines", "/{tenant}/lines");
        register("orders", "/orders/{what}");
        register("all", "/{a}/{b}");

        assertThat(by("GET", "/orders/lines")).isEqualTo("orders");
        assertThat(by("GET", "/invoices/lines")).isEqualTo("lines");
        assertThat(by("GET", "/invoices/totals")).isEqualTo("all");
    }

    @Test
    void pathParametersAreExtractedByName() {
        register("line", "/orders/{orderId}/lines/{line}");

        EndpointHandlerRegistry.Match match = registry.find("GET", "/orders/o-17/lines/3").orElseThrow();

        assertThat(match.pathParameters()).containsExactlyInAnyOrderEntriesOf(Map.of("orderId", "o-17", "line", "3"));
        assertThat(registry.find("GET", "/orders/o-17").orElse(null)).isNull();
    }

    @Test
    void aLiteralOnlyPathHasNoParameters() {
        register("orders", "/orders");

        assertThat(registry.find("GET", "/orders").orElseThrow().pathParameters()).isEmpty();
    }

    @Test
    void aMethodThatIsNotRegisteredFindsNothing() throws Exception {
        register("reader", "/orders/{id}");
        register("writer", "/orders/{id}", EndpointConstants.ENDPOINT_METHODS, new String[] {"PUT", "PATCH"});

        assertThat(registry.find("POST", "/orders/1")).isEmpty();
        assertThat(registry.find("DELETE", "/orders/1")).isEmpty();
        assertThat(registry.find("get", "/orders/1")).isEmpty();
        assertThat(by("GET", "/orders/1")).isEqualTo("reader");
        assertThat(by("PATCH", "/orders/1")).isEqualTo("writer");
    }

    @Test
    void pathsThatDoNotMatchFindNothing() {
        register("byId", "/orders/{id}");

        assertThat(registry.find("GET", "/orders")).isEmpty();
        assertThat(registry.find("GET", "/orders/")).isEmpty();
        assertThat(registry.find("GET", "/orders/1/lines")).isEmpty();
        assertThat(registry.find("GET", "/Orders/1")).isEmpty();
        assertThat(registry.find("GET", "orders/1")).isEmpty();
        assertThat(registry.find("GET", "")).isEmpty();
        assertThat(registry.find("GET", null)).isEmpty();
        assertThat(registry.find(null, "/orders/1")).isEmpty();
    }

    @Test
    void theMatchSaysWhetherCallersMustBeAuthenticated() {
        register("private", "/orders");
        register("public", "/status", EndpointConstants.ENDPOINT_AUTH, false);
        register("explicit", "/health", EndpointConstants.ENDPOINT_AUTH, true);

        assertThat(registry.find("GET", "/orders").orElseThrow().requiresAuthentication()).isTrue();
        assertThat(registry.find("GET", "/status").orElseThrow().requiresAuthentication()).isFalse();
        assertThat(registry.find("GET", "/health").orElseThrow().requiresAuthentication()).isTrue();
    }

    @Test
    void aHandlerThatCannotBeObtainedIsSkipped() throws Exception {
        var broken = services.handler("broken", "com.acme.a", "/orders", Constants.SERVICE_RANKING, 5);
        EndpointHandlerRegistry failing = new EndpointHandlerRegistry(reference -> {
            if (reference == broken) {
                throw new IllegalStateException("factory failed");
            }
            return services.locate(reference);
        });
        failing.bindEndpointHandler(broken);
        failing.bindEndpointHandler(services.handler("fallback", "com.acme.b", "/orders"));

        assertThat(nameOf(failing.find("GET", "/orders").orElseThrow().handler())).isEqualTo("fallback");
    }

    private void register(String name, String path, Object... keyValues) {
        registry.bindEndpointHandler(services.handler(name, "com.acme.plugin", path, keyValues));
    }

    private String by(String method, String path) throws Exception {
        return nameOf(registry.find(method, path).orElseThrow().handler());
    }
}
