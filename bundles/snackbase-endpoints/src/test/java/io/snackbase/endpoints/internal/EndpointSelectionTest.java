package io.snackbase.endpoints.internal;

import static io.snackbase.endpoints.internal.FakeHandlers.nameOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.endpoints.EndpointConstants;
import io.snackbase.api.endpoints.EndpointHandler;
import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

class EndpointSelectionTest {

    private final FakeHandlers services = new FakeHandlers();
    private final EndpointHandlerRegistry registry = new EndpointHandlerRegistry(services);

    @Test
    void theHighestRankingWinsAPathAndMethodAndTheOthersAreShadowed() throws Exception {
        ServiceReference<EndpointHandler> low = services.handler("low", "com.acme.a", "/orders");
        ServiceReference<EndpointHandler> high = services.handler("high", "com.acme.b", "/orders",
                Constants.SERVICE_RANKING, 10);
        registry.bindEndpointHandler(low);
        registry.bindEndpointHandler(high);

        assertThat(by("GET", "/orders")).isEqualTo("high");
        assertThat(registry.kind()).isEqualTo("endpoint_handler");
        assertThat(registry.registrations()).containsExactly(
                new RegistrationDTO("endpoint_handler", "/orders", "com.acme.b", 7, id(high), 10, List.of("GET"),
                        List.of(), RegistrationState.ACTIVE, null),
                new RegistrationDTO("endpoint_handler", "/orders", "com.acme.a", 7, id(low), 0, List.of("GET"),
                        List.of(), RegistrationState.SHADOWED, "shadowed by service " + id(high) + " of com.acme.b"));
    }

    @Test
    void equalRankingsGoToTheLowerServiceId() throws Exception {
        ServiceReference<EndpointHandler> older = services.handler("older", "com.acme.a", "/orders");
        ServiceReference<EndpointHandler> newer = services.handler("newer", "com.acme.b", "/orders");
        registry.bindEndpointHandler(newer);
        registry.bindEndpointHandler(older);

        assertThat(by("GET", "/orders")).isEqualTo("older");
        assertThat(state(newer)).isEqualTo(RegistrationState.SHADOWED);
    }

    @Test
    void parameterNamesDoNotMakeADifferentTemplate() throws Exception {
        ServiceReference<EndpointHandler> a = services.handler("a", "com.acme.a", "/orders/{id}");
        ServiceReference<EndpointHandler> b = services.handler("b", "com.acme.b", "/orders/{orderId}");
        registry.bindEndpointHandler(a);
        registry.bindEndpointHandler(b);

        assertThat(by("GET", "/orders/7")).isEqualTo("a");
        assertThat(state(b)).isEqualTo(RegistrationState.SHADOWED);
    }

    @Test
    void differentMethodsOnOnePathDoNotCompete() throws Exception {
        registry.bindEndpointHandler(services.handler("reader", "com.acme.a", "/orders"));
        registry.bindEndpointHandler(services.handler("writer", "com.acme.b", "/orders",
                EndpointConstants.ENDPOINT_METHODS, "POST"));

        assertThat(by("GET", "/orders")).isEqualTo("reader");
        assertThat(by("POST", "/orders")).isEqualTo("writer");
        assertThat(registry.registrations()).extracting(RegistrationDTO::state)
                .containsOnly(RegistrationState.ACTIVE);
    }

    @Test
    void aHandlerShadowedOnOneOfItsMethodsStaysActiveAndSaysWhere() {
        ServiceReference<EndpointHandler> reader = services.handler("reader", "com.acme.a", "/orders/{id}",
                Constants.SERVICE_RANKING, 5);
        ServiceReference<EndpointHandler> both = services.handler("both", "com.acme.b", "/orders/{key}",
                EndpointConstants.ENDPOINT_METHODS, new String[] {"GET", "DELETE"});
        registry.bindEndpointHandler(reader);
        registry.bindEndpointHandler(both);

        RegistrationDTO dto = dto(both);
        assertThat(dto.state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(dto.keys()).containsExactly("GET", "DELETE");
        assertThat(dto.reason()).isEqualTo("shadowed on GET /orders/{} by service " + id(reader) + " of com.acme.a");
    }

    @Test
    void theNextCandidateTakesOverWhenTheWinnerLeaves() throws Exception {
        ServiceReference<EndpointHandler> first = services.handler("first", "com.acme.a", "/orders",
                Constants.SERVICE_RANKING, 5);
        ServiceReference<EndpointHandler> second = services.handler("second", "com.acme.b", "/orders");
        registry.bindEndpointHandler(first);
        registry.bindEndpointHandler(second);
        assertThat(by("GET", "/orders")).isEqualTo("first");

        services.unregister(first);
        registry.unbindEndpointHandler(first);

        assertThat(by("GET", "/orders")).isEqualTo("second");
        assertThat(registry.registrations()).singleElement()
                .satisfies(dto -> assertThat(dto.state()).isEqualTo(RegistrationState.ACTIVE));

        services.unregister(second);
        registry.unbindEndpointHandler(second);
        assertThat(registry.find("GET", "/orders")).isEmpty();
        assertThat(registry.registrations()).isEmpty();
    }

    @Test
    void aWinnerThatVanishedBeforeItsUnbindFallsBackToTheNextCandidate() throws Exception {
        ServiceReference<EndpointHandler> first = services.handler("first", "com.acme.a", "/orders/{id}",
                Constants.SERVICE_RANKING, 5);
        registry.bindEndpointHandler(first);
        registry.bindEndpointHandler(services.handler("second", "com.acme.b", "/orders/{number}"));

        services.unregister(first);

        EndpointHandlerRegistry.Match match = registry.find("GET", "/orders/9").orElseThrow();
        assertThat(nameOf(match.handler())).isEqualTo("second");
        // The parameters are named as the serving handler names them.
        assertThat(match.pathParameters()).containsExactlyEntriesOf(java.util.Map.of("number", "9"));
    }

    @Test
    void aFailedRegistrationNeverShadowsAValidOne() throws Exception {
        registry.bindEndpointHandler(services.handler("invalid", "com.acme.a", "/orders",
                EndpointConstants.ENDPOINT_METHODS, "HEAD", Constants.SERVICE_RANKING, 99));
        registry.bindEndpointHandler(services.handler("valid", "com.acme.b", "/orders"));

        assertThat(by("GET", "/orders")).isEqualTo("valid");
        assertThat(registry.registrations()).extracting(RegistrationDTO::state)
                .containsExactly(RegistrationState.FAILED, RegistrationState.ACTIVE);
    }

    @Test
    void changedPropertiesTakeEffectOnUpdate() throws Exception {
        ServiceReference<EndpointHandler> reference = services.handler("a", "com.acme.a", "/orders");
        registry.bindEndpointHandler(reference);

        services.setProperty(reference, EndpointConstants.ENDPOINT_PATH, "/items");
        registry.updatedEndpointHandler(reference);

        assertThat(registry.find("GET", "/orders")).isEmpty();
        assertThat(by("GET", "/items")).isEqualTo("a");
        assertThat(registry.registrations()).singleElement()
                .satisfies(dto -> assertThat(dto.id()).isEqualTo("/items"));
    }

    private String by(String method, String path) throws Exception {
        return nameOf(registry.find(method, path).orElseThrow().handler());
    }

    private RegistrationState state(ServiceReference<EndpointHandler> reference) {
        return dto(reference).state();
    }

    private RegistrationDTO dto(ServiceReference<EndpointHandler> reference) {
        return registry.registrations().stream()
                .filter(dto -> dto.serviceId() == id(reference))
                .findFirst()
                .orElseThrow();
    }

    private static long id(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }
}
