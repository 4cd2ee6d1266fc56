package io.snackbase.rest.internal.errors;

import io.snackbase.api.rest.RestConstants;
import io.snackbase.rest.internal.Whiteboard;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders Jakarta REST's own errors (unknown route, wrong method, media type mismatches, and
 * those thrown by resources) as envelopes with the status they carry.
 *
 * <p>Prototype scope: the whiteboard then gives each application its own instance, so the
 * injected request proxies always belong to the application that handles the request.
 */
@Component(service = ExceptionMapper.class, scope = ServiceScope.PROTOTYPE)
@JakartarsExtension
@JakartarsApplicationSelect(Whiteboard.BOTH_APPLICATIONS)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
public class WebApplicationExceptionMapper extends RequestAwareMapper
        implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status < 400) {
            // a redirect or other non-error thrown on purpose is not an error envelope
            return original;
        }
        String label = StatusLabels.of(original.getStatusInfo());
        String message;
        if (status >= 500) {
            // a server-side message may name internals; the log keeps it
            LOG.error("Request failed with {} {} [correlation_id={}]", status, label, correlationId(), e);
            message = label;
        } else {
            LOG.debug("Request rejected with {}: {}", status, e.getMessage());
            message = hasOwnMessage(e, original) ? e.getMessage() : describe(status, label);
        }
        Response.ResponseBuilder builder = ErrorResponses.envelope(status, label, message, Map.of());
        // keep Allow (405), Retry-After (503), WWW-Authenticate (401) and the like
        original.getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name) && !"Content-Length".equalsIgnoreCase(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    /** Jakarta REST fills in "HTTP 404 Not Found" when the thrower gave no message. */
    private static boolean hasOwnMessage(WebApplicationException e, Response original) {
        String text = e.getMessage();
        return text != null && !text.isBlank() && !text.startsWith("HTTP " + original.getStatus() + " ");
    }

    private String describe(int status, String label) {
        return switch (status) {
            case 404 -> "Not found: " + requestLine();
            case 405 -> "Method not allowed: " + requestLine();
            case 406 -> "Not acceptable: no representation matches Accept " + header(HttpHeaders.ACCEPT);
            case 415 -> "Unsupported media type: " + header(HttpHeaders.CONTENT_TYPE);
            default -> label;
        };
    }

    private String requestLine() {
        try {
            return request.getMethod() + " " + uriInfo.getRequestUri().getRawPath();
        } catch (RuntimeException notInjected) {
            // fields are null or unusable when the instance was not injected by Jersey
            return "the requested resource";
        }
    }

    private String header(String name) {
        try {
            List<String> values = headers.getRequestHeader(name);
            return values == null || values.isEmpty() ? "(none)" : String.join(", ", values);
        } catch (RuntimeException notInjected) {
            return "(unknown)";
        }
    }
}
