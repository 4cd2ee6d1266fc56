package io.snackbase.records.internal.rest;

import static io.snackbase.records.internal.RecordsFixture.field;
import static io.snackbase.records.internal.RecordsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.records.internal.RecordsFixture;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** The literal {@code aggregate} segment wins over {@code {id}} in a real Jersey application. */
class RecordRoutesTest {

    @Test
    void aggregateIsMatchedBeforeTheIdRoute() throws Exception {
        try (RecordsFixture f = RecordsFixture.open(DatabaseKind.SQLITE)) {
            String acc = f.account("acme");
            Principal alice = new Principal("u-alice", "alice@acme.test", acc, "user", "jwt");
            new CollectionsResource(f.w.store, f.w.collections, f.w.transfer, Clock.systemUTC()).create(new HashMap<>(Map.of("name", "posts",
                    "fields", List.of(field("title", "text")), "list_rule", "", "view_rule", "", "create_rule", "", "update_rule", "",
                    "delete_rule", "")), request("superadmin"));
            RecordsResource records = new RecordsResource(f.w.records);
            records.create("posts", new HashMap<>(Map.of("title", "a")), RecordsResourceTest.as(alice));
            ContainerRequestFilter auth = c -> c.setProperty(RequestAuthentication.PROPERTY,
                    RequestAuthentication.authenticated(alice, "r", "127.0.0.1", "junit"));
            ContainerResponseFilter text = (req, res) -> {
                if (res.getEntity() != null && !(res.getEntity() instanceof String)) {
                    res.setEntity(req.getUriInfo().getMatchedResources().get(0).getClass().getSimpleName() + " " + res.getEntity());
                }
            };
            ExceptionMapper<ApiException> errors = new ExceptionMapper<>() {
                @Override
                public Response toResponse(ApiException e) {
                    return Response.status(e.status()).entity(e.error()).type("text/plain").build();
                }
            };
            ApplicationHandler handler = new ApplicationHandler(new ResourceConfig().register(records)
                    .register(new RecordAggregateResource(f.w.records)).register(auth).register(text).register(errors));

            assertThat(call(handler, "/records/posts/aggregate?functions=count()"))
                    .isEqualTo("200 RecordAggregateResource {results=[{count=1}], total_groups=1}");
            assertThat(call(handler, "/records/posts/aggregate?functions=nope()")).isEqualTo("400 Invalid aggregation functions");
            assertThat(call(handler, "/records/posts/aggregatex")).isEqualTo("404 Not found");
            assertThat(call(handler, "/records/posts?cursor=&limit=1")).startsWith("200 RecordsResource {items=[");
        }
    }

    private static String call(ApplicationHandler handler, String path) throws Exception {
        ContainerRequest request = new ContainerRequest(URI.create("http://localhost/"), URI.create("http://localhost" + path), "GET", null,
                new MapPropertiesDelegate(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContainerResponse response = handler.apply(request, out).get();
        return response.getStatus() + " " + out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
