package io.snackbase.rest.internal.filters;

import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.context.Principal;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.hooks.HookEvents;
import io.snackbase.rest.internal.errors.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * Fires {@code on_before_request} (whose handlers may abort the request with their status and
 * message) and {@code on_after_request} (with the response status) for every API request.
 *
 * <p>Pre-matching and after the correlation filter, so unknown routes fire the events too and
 * the request id is already known. Nothing is dispatched when no handler listens.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JakartarsExtension
@JakartarsName("snackbase.request-hooks")
@JakartarsApplicationSelect(io.snackbase.api.rest.RestConstants.APPLICATION_SELECT)
@PreMatching
@Priority(Priorities.USER + 100)
public class RequestHooksFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile HookDispatcher dispatcher;

    /** For tests. */
    void setDispatcher(HookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        HookDispatcher hooks = dispatcher;
        if (hooks == null || !hooks.hasHandlers(HookEvents.ON_BEFORE_REQUEST, null)) {
            return;
        }
        HookDispatchResult result = hooks.dispatch(
                new HookEvent(HookEvents.ON_BEFORE_REQUEST, null, describe(request)), context(request));
        if (result.aborted()) {
            int status = result.abortStatus();
            request.abortWith(ErrorResponses.envelope(status, statusLabel(status), result.abortMessage(), Map.of()).build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        HookDispatcher hooks = dispatcher;
        if (hooks == null || !hooks.hasHandlers(HookEvents.ON_AFTER_REQUEST, null)) {
            return;
        }
        Map<String, Object> data = describe(request);
        data.put("status", response.getStatus());
        hooks.dispatch(new HookEvent(HookEvents.ON_AFTER_REQUEST, null, data), context(request));
    }

    private static Map<String, Object> describe(ContainerRequestContext request) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("method", request.getMethod());
        data.put("path", "/" + request.getUriInfo().getPath());
        return data;
    }

    private static HookContext context(ContainerRequestContext request) {
        Object auth = request.getProperty(RequestAuthentication.PROPERTY);
        if (auth != null) {
            return new HookContext(RequestAuthentication.of(auth).anyone());
        }
        Object id = request.getProperty(CorrelationIdFilter.PROPERTY);
        String requestId = id == null ? CorrelationIds.generate() : id.toString();
        Principal principal = Principal.anonymous(null);
        return new HookContext(new RequestContext(principal, principal.accountId(), requestId, null,
                request.getHeaderString("User-Agent")));
    }

    private static String statusLabel(int status) {
        jakarta.ws.rs.core.Response.Status known = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
