package io.snackbase.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.snackbase.rest.internal.errors.ApiExceptionMapper;
import io.snackbase.rest.internal.errors.JsonMappingExceptionMapper;
import io.snackbase.rest.internal.errors.JsonParseExceptionMapper;
import io.snackbase.rest.internal.errors.JsonProcessingExceptionMapper;
import io.snackbase.rest.internal.errors.StorageExceptionMapper;
import io.snackbase.rest.internal.errors.UnexpectedExceptionMapper;
import io.snackbase.rest.internal.errors.WebApplicationExceptionMapper;
import io.snackbase.rest.internal.filters.CorrelationIdFilter;
import io.snackbase.rest.internal.json.JacksonExtension;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Runs the bundle's extensions and the given resources in a real Jersey server without HTTP
 * or OSGi, wired as the whiteboard wires them into one application. Jersey's auto-discovery
 * stays on, as under the whiteboard, so its own Jackson mappers compete with ours here too.
 */
public final class InMemoryServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApplicationHandler handler;

    /** @param resources resource classes or instances to serve next to the extensions */
    public InMemoryServer(Object... resources) {
        ResourceConfig config = new ResourceConfig()
                .register(new JacksonExtension())
                .register(new CorrelationIdFilter())
                .register(new ApiExceptionMapper())
                .register(new WebApplicationExceptionMapper())
                .register(new JsonProcessingExceptionMapper())
                .register(new JsonParseExceptionMapper())
                .register(new JsonMappingExceptionMapper())
                .register(new StorageExceptionMapper())
                .register(new UnexpectedExceptionMapper());
        config.addProperties(new SnackbaseApplication().getProperties());
        for (Object resource : resources) {
            if (resource instanceof Class<?> type) {
                config.register(type);
            } else {
                config.register(resource);
            }
        }
        handler = new ApplicationHandler(config);
    }

    /** One answer: status, headers and the body as text and (when it is JSON) as a tree. */
    public record Result(int status, MultivaluedMap<String, Object> headers, String body) {

        /** @return the first value of a header as text, or null */
        public String header(String name) {
            Object value = headers.getFirst(name);
            return value == null ? null : value.toString();
        }

        /** @return the body parsed as JSON */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("Body is not JSON: " + body, e);
            }
        }
    }

    /**
     * @param method the HTTP method
     * @param path the path below the root, with a leading slash
     * @param headers request headers
     * @param body the request body, or null
     * @return the answer
     */
    public Result call(String method, String path, Map<String, String> headers, String body) {
        ContainerRequest request = new ContainerRequest(URI.create("http://localhost/"),
                URI.create("http://localhost" + path), method, null, new MapPropertiesDelegate(), null);
        headers.forEach(request::header);
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ContainerResponse response = handler.apply(request, out).get();
            return new Result(response.getStatus(), response.getHeaders(), out.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("Jersey did not answer " + method + " " + path, e);
        }
    }

    /** @return the answer to a GET without headers */
    public Result get(String path) {
        return call("GET", path, Map.of(), null);
    }
}
