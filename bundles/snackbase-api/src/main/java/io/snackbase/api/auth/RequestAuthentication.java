package io.snackbase.api.auth;

import io.snackbase.api.context.Principal;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import java.util.Objects;

/**
 * How one request authenticated, attached by the REST bundle's filter as the request property
 * {@value #PROPERTY} before any resource runs. Resources never reject in the filter's place: each
 * asks for the access class it needs, as in the reference server.
 *
 * <ul>
 * <li>{@link #requireUser()}: authenticated routes; 401 without valid credentials.</li>
 * <li>{@link #requireSuperadmin()}: superadmin routes; 401, then 403
 *     {@code Superadmin access required}.</li>
 * <li>{@link #optionalUser()}: routes open to anonymous callers of an account (records); 401 when
 *     credentials were presented but are invalid, 400/404 when an anonymous caller names no or an
 *     unknown account.</li>
 * <li>{@link #anyone()}: public routes (login, register); invalid credentials are ignored.</li>
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class RequestAuthentication {

    /** The request property that holds it (value "io.snackbase.auth"). */
    public static final String PROPERTY = "io.snackbase.auth";

    private static final String MISSING = "Missing authentication credentials";

    private final Principal principal;
    private final ApiException failure;
    private final ApiException anonymousFailure;
    private final String requestId;
    private final String ipAddress;
    private final String userAgent;

    private RequestAuthentication(Principal principal, ApiException failure, ApiException anonymousFailure,
            String requestId, String ipAddress, String userAgent) {
        this.principal = principal;
        this.failure = failure;
        this.anonymousFailure = anonymousFailure;
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.ipAddress = ipAddress;
        this.userAgent = userAgent;
    }

    /**
     * @param principal the authenticated caller
     * @return an authenticated request
     */
    public static RequestAuthentication authenticated(Principal principal, String requestId, String ipAddress, String userAgent) {
        return new RequestAuthentication(Objects.requireNonNull(principal), null, null, requestId, ipAddress, userAgent);
    }

    /**
     * @param failure why the presented credentials were refused (a 401 or 403)
     * @return a request whose credentials failed
     */
    public static RequestAuthentication failed(ApiException failure, String requestId, String ipAddress, String userAgent) {
        return new RequestAuthentication(null, Objects.requireNonNull(failure), null, requestId, ipAddress, userAgent);
    }

    /**
     * @param accountId the account an anonymous caller named with {@code X-Account-ID}, or null
     * @param accountFailure why no account could be taken from {@code X-Account-ID} (400 when the
     *     header is absent, 404 when it names no account), or null when accountId is set
     * @return a request without credentials
     */
    public static RequestAuthentication anonymous(String accountId, ApiException accountFailure,
            String requestId, String ipAddress, String userAgent) {
        return new RequestAuthentication(Principal.anonymous(accountId), null, accountFailure, requestId, ipAddress, userAgent);
    }

    /**
     * @param property the value of the request property {@value #PROPERTY}, possibly null (no
     *     authentication filter ran, e.g. the auth bundle is not installed)
     * @return the outcome; an anonymous one without account when the property is absent
     */
    public static RequestAuthentication of(Object property) {
        if (property instanceof RequestAuthentication auth) {
            return auth;
        }
        return anonymous(null, ApiException.badRequest("X-Account-ID header is required for unauthenticated requests"),
                "unknown", null, null);
    }

    /** @return the context of an authenticated user; 401 otherwise */
    public RequestContext requireUser() {
        if (failure != null) {
            throw failure;
        }
        if (principal.isAnonymous()) {
            throw ApiException.unauthorized(MISSING);
        }
        return context(principal);
    }

    /** @return the context of a superadmin; 401 without valid credentials, 403 for other users */
    public RequestContext requireSuperadmin() {
        RequestContext context = requireUser();
        if (!context.principal().isSuperadmin()) {
            throw ApiException.forbidden("Superadmin access required");
        }
        return context;
    }

    /**
     * @return the caller's context: an authenticated user, or an anonymous caller with the
     *     account of {@code X-Account-ID}
     */
    public RequestContext optionalUser() {
        if (failure != null) {
            throw failure;
        }
        if (principal.isAnonymous() && anonymousFailure != null) {
            throw anonymousFailure;
        }
        return context(principal);
    }

    /** @return the caller's context when valid credentials were presented, else an anonymous one */
    public RequestContext anyone() {
        if (failure != null) {
            return context(Principal.anonymous(null));
        }
        return context(principal);
    }

    /** @return true when credentials were presented and accepted */
    public boolean isAuthenticated() {
        return failure == null && !principal.isAnonymous();
    }

    /** @return the client address, or null */
    public String ipAddress() {
        return ipAddress;
    }

    private RequestContext context(Principal caller) {
        return new RequestContext(caller, caller.accountId(), requestId, ipAddress, userAgent);
    }
}
