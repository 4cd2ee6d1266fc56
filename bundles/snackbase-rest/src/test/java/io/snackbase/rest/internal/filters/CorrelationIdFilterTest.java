package io.snackbase.rest.internal.filters;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.rest.internal.InMemoryServer;
import io.snackbase.rest.internal.InMemoryServer.Result;
import io.snackbase.rest.internal.TestResource;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The correlation id and security headers on real Jersey responses, errors included. */
class CorrelationIdFilterTest {

    private static final String GENERATED = "cid_[0-9a-f]{12}";
    private static InMemoryServer server;

    @BeforeAll
    static void start() {
        server = new InMemoryServer(TestResource.class);
    }

    @Test
    void echoesAValidIncomingId() {
        Result result = withId("/test/mdc", "req-42.a:b_C");
        assertThat(result.header(CorrelationIds.HEADER)).isEqualTo("req-42.a:b_C");
    }

    @Test
    void generatesAnIdWhenNoneIsSent() {
        assertThat(server.get("/test/mdc").header(CorrelationIds.HEADER)).matches(GENERATED);
    }

    @Test
    void replacesAnInvalidIncomingId() {
        assertThat(withId("/test/mdc", "has space").header(CorrelationIds.HEADER)).matches(GENERATED);
        assertThat(withId("/test/mdc", "x".repeat(129)).header(CorrelationIds.HEADER)).matches(GENERATED);
        assertThat(withId("/test/mdc", "line\r\nbreak").header(CorrelationIds.HEADER)).matches(GENERATED);
        assertThat(withId("/test/mdc", "x".repeat(128)).header(CorrelationIds.HEADER)).isEqualTo("x".repeat(128));
    }

    @Test
    void idIsInTheMdcDuringTheRequestAndRemovedAfterwards() {
        Result result = withId("/test/mdc", "trace-1");
        assertThat(result.json().get("mdc").asText()).isEqualTo("trace-1");
        assertThat(MDC.get(CorrelationIds.MDC_KEY)).isNull();
    }

    @Test
    void unknownRoutesAndMappedErrorsCarryIdAndSecurityHeaders() {
        for (String path : new String[] {"/no/such/route", "/test/boom", "/test/api", "/test/mdc"}) {
            Result result = withId(path, "abc");
            assertThat(result.header(CorrelationIds.HEADER)).as(path).isEqualTo("abc");
            assertThat(result.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(result.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(result.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
        }
        assertThat(MDC.get(CorrelationIds.MDC_KEY)).isNull();
    }

    @Test
    void generatedIdsDiffer() {
        assertThat(CorrelationIds.generate()).matches(GENERATED).isNotEqualTo(CorrelationIds.generate());
    }

    private static Result withId(String path, String id) {
        return server.call("GET", path, Map.of(CorrelationIds.HEADER, id), null);
    }
}
