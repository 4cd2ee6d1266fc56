package io.snackbase.rest.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.snackbase.rest.internal.InMemoryServer;
import io.snackbase.rest.internal.TestResource;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The API mapper's settings, directly and as Jersey uses it through the extension. */
class ObjectMappersTest {

    private final ObjectMapper mapper = ObjectMappers.create();

    /** A DTO with a date, a null and a camelCase name. */
    record Sample(Instant at, String note, String camelCase) {}

    @Test
    void datesAreIsoStringsNullsAreKeptNamesAreUntouched() throws Exception {
        String json = mapper.writeValueAsString(new Sample(Instant.parse("2026-01-02T03:04:05.123456Z"), null, "x"));
        assertThat(json).isEqualTo("{\"at\":\"2026-01-02T03:04:05.123456Z\",\"note\":null,\"camelCase\":\"x\"}");
    }

    @Test
    void unknownPropertiesAreIgnored() throws Exception {
        assertThat(mapper.readValue("{\"note\":\"n\",\"other\":1}", Sample.class).note()).isEqualTo("n");
    }

    @Test
    void jerseyUsesTheApiMapper() {
        var result = new InMemoryServer(TestResource.class).get("/test/stamped");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body())
                .isEqualTo("{\"at\":\"2026-11-22T14:22:23.876604Z\",\"note\":null,\"camelCase\":\"kept\"}");
    }

    @Test
    void resolverReturnsTheSameMapperForEveryType() {
        ObjectMapperResolver resolver = new ObjectMapperResolver(mapper);
        assertThat(resolver.getContext(String.class)).isSameAs(mapper).isSameAs(resolver.getContext(Sample.class));
    }
}
