package io.snackbase.endpoints.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.endpoints.EndpointConstants;
import io.snackbase.api.endpoints.EndpointHandler;
import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.ServiceReference;

class EndpointValidationTest {

    private final FakeHandlers services = new FakeHandlers();
    private final EndpointHandlerRegistry registry = new EndpointHandlerRegistry(services);

    @Test
    void aMissingPathFails() {
        assertFailed(services.handler("x", "com.acme.a", null), "snackbase.endpoint.path is missing or blank");
    }

    @Test
    void aBlankPathFails() {
        assertFailed(services.handler("x", "com.acme.a", " "), "snackbase.endpoint.path is missing or blank");
    }

    @Test
    void aPathThatIsNotOneStringFails() {
        assertFailed(services.handler("x", "com.acme.a", new String[] {"/a", "/b"}),
                "snackbase.endpoint.path must be a single String, found String[]");
    }

    @Test
    void aPathMustStartWithASlash() {
        assertFailed(services.handler("x", "com.acme.a", "orders"), "endpoint path 'orders' must start with /");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/orders/", "//orders", "/orders//lines"})
    void aPathWithAnEmptySegmentFails(String path) {
        assertFailed(services.handler("x", "com.acme.a", path), "endpoint path '" + path + "' has an empty segment");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/orders/new order|new order", "/orders/50%|50%", "/orders?x=1|orders?x=1", "/ordérs|ordérs",
        "/orders/{1id}|{1id}", "/orders/{}|{}", "/orders/{order-id}|{order-id}", "/orders/x{id}|x{id}",
        "/orders/{id|{id", "/orders/{{id}}|{{id}}"})
    void aPathWithAnInvalidSegmentFails(String path, String segment) {
        assertFailed(services.handler("x", "com.acme.a", path),
                "endpoint path '" + path + "' has an invalid segment '" + segment + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/orders/./lines", "/orders/.."})
    void aPathWithARelativeSegmentFails(String path) {
        assertFailed(services.handler("x", "com.acme.a", path), "has a relative segment");
    }

    @Test
    void aParameterNamedTwiceFails() {
        assertFailed(services.handler("x", "com.acme.a", "/a/{id}/b/{id}"),
                "endpoint path '/a/{id}/b/{id}' names the parameter 'id' twice");
    }

    @Test
    void aPathLongerThan200CharactersFails() {
        assertFailed(services.handler("x", "com.acme.a", "/" + "a".repeat(200)), "is longer than 200 characters");
    }

    @Test
    void aPathOfExactly200CharactersAndEveryAllowedCharacterIsFine() {
        assertActive(services.handler("x", "com.acme.a", "/" + "a".repeat(199)));
        assertActive(services.handler("x", "com.acme.a", "/Az09._~-/{_id}/{Name2}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "HEAD", "OPTIONS", "CONNECT", "TRACE", "", "GET "})
    void anUnsupportedMethodFails(String method) {
        assertFailed(services.handler("x", "com.acme.a", "/orders", EndpointConstants.ENDPOINT_METHODS,
                new String[] {"GET", method}), "unsupported HTTP method '" + method + "' in snackbase.endpoint.methods");
    }

    @Test
    void anEmptyMethodListFails() {
        assertFailed(services.handler("x", "com.acme.a", "/orders", EndpointConstants.ENDPOINT_METHODS, new String[0]),
                "snackbase.endpoint.methods names no method");
    }

    @Test
    void methodsThatAreNotStringsFail() {
        assertFailed(services.handler("x", "com.acme.a", "/orders", EndpointConstants.ENDPOINT_METHODS, 1),
                "snackbase.endpoint.methods must be a String or String[], found Integer");
    }

    @Test
    void anAuthFlagThatIsNotABooleanFails() {
        assertFailed(services.handler("x", "com.acme.a", "/orders", EndpointConstants.ENDPOINT_AUTH, "false"),
                "snackbase.endpoint.auth must be a Boolean, found String");
    }

    @Test
    void theMethodsDefaultToGetAndAreReportedAsKeys() {
        RegistrationDTO dto = assertActive(services.handler("x", "com.acme.a", "/orders/{id}"));
        assertThat(dto.id()).isEqualTo("/orders/{id}");
        assertThat(dto.keys()).containsExactly("GET");

        dto = assertActive(services.handler("x", "com.acme.a", "/items", EndpointConstants.ENDPOINT_METHODS, "PUT"));
        assertThat(dto.keys()).containsExactly("PUT");

        dto = assertActive(services.handler("x", "com.acme.a", "/lines", EndpointConstants.ENDPOINT_METHODS,
                new String[] {"POST", "PATCH", "DELETE", "POST"}));
        assertThat(dto.keys()).containsExactly("POST", "PATCH", "DELETE");
    }

    private void assertFailed(ServiceReference<EndpointHandler> reference, String reason) {
        registry.bindEndpointHandler(reference);
        RegistrationDTO dto = registry.registrations().get(0);
        assertThat(dto.state()).isEqualTo(RegistrationState.FAILED);
        assertThat(dto.reason()).contains(reason);
        // Never used: nothing is served on the path of a failed registration.
        if (dto.id() != null) {
            for (String method : EndpointProperties.METHODS) {
                assertThat(registry.find(method, dto.id())).isEmpty();
            }
        }
    }

    private RegistrationDTO assertActive(ServiceReference<EndpointHandler> reference) {
        registry.bindEndpointHandler(reference);
        RegistrationDTO dto = registry.registrations().stream()
                .filter(r -> r.serviceId() == (Long) reference.getProperty(org.osgi.framework.Constants.SERVICE_ID))
                .findFirst()
                .orElseThrow();
        assertThat(dto.state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(dto.reason()).isNull();
        return dto;
    }
}
