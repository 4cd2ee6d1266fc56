package io.snackbase.rest.internal.filters;

import io.snackbase.api.auth.Authenticator;
import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.rest.RestConstants;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * Authenticates every API request and attaches the outcome as {@link RequestAuthentication}.
 *
 * <p>It never rejects: each resource asks for the access class it needs (public routes such as
 * login must work while the client still sends a stale token). {@code Authorization: Bearer}
 * wins over {@code X-API-Key}; {@code X-Account-ID} is read only when neither is present.
 */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName("snackbase.authentication")
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    static final String BEARER = "bearer ";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authenticator authenticator;

    @Context
    private HttpServletRequest servletRequest;

    /** For tests. */
    void setAuthenticator(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Object id = request.getProperty(CorrelationIdFilter.PROPERTY);
        String requestId = id == null ? CorrelationIds.generate() : id.toString();
        String ip = remoteAddress();
        String userAgent = request.getHeaderString("User-Agent");
        request.setProperty(RequestAuthentication.PROPERTY, authenticate(request, requestId, ip, userAgent));
    }

    private RequestAuthentication authenticate(ContainerRequestContext request, String requestId, String ip, String userAgent) {
        String authorization = request.getHeaderString("Authorization");
        String apiKey = request.getHeaderString("X-API-Key");
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        Authenticator auth = authenticator;
        if (bearer || (apiKey != null && !apiKey.isBlank())) {
            if (auth == null) {
                return RequestAuthentication.failed(ApiException.unauthorized("Authentication is not available"), requestId, ip, userAgent);
            }
            try {
                return RequestAuthentication.authenticated(bearer
                        ? auth.authenticateBearer(authorization.substring(BEARER.length()).trim())
                        : auth.authenticateApiKey(apiKey.trim()), requestId, ip, userAgent);
            } catch (ApiException e) {
                return RequestAuthentication.failed(e, requestId, ip, userAgent);
            }
        }
        String account = request.getHeaderString("X-Account-ID");
        if (account == null || account.isBlank()) {
            return RequestAuthentication.anonymous(null,
                    ApiException.badRequest("X-Account-ID header is required for unauthenticated requests"), requestId, ip, userAgent);
        }
        Optional<String> accountId = auth == null ? Optional.empty() : auth.resolveAccount(account.trim());
        return accountId.isPresent()
                ? RequestAuthentication.anonymous(accountId.get(), null, requestId, ip, userAgent)
                : RequestAuthentication.anonymous(null, ApiException.notFound("Account '" + account.trim() + "' not found"), requestId, ip, userAgent);
    }

    private String remoteAddress() {
        try {
            return servletRequest == null ? null : servletRequest.getRemoteAddr();
        } catch (IllegalStateException e) {
            // no servlet request behind this call (the in-memory test server)
            return null;
        }
    }
}
