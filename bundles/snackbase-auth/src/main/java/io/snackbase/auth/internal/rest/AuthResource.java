package io.snackbase.auth.internal.rest;

import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.context.Principal;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.hooks.HookEvents;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.auth.internal.AuthServices;
import io.snackbase.auth.internal.core.Problems;
import io.snackbase.auth.internal.service.Inputs;
import io.snackbase.auth.internal.service.Views;
import io.snackbase.auth.internal.store.AccountRow;
import io.snackbase.auth.internal.store.UserRow;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/v1/auth/...}: register, login, refresh, logout, me, email verification and password reset. */
@Component(service = AuthResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AuthServices auth;

    @Activate
    public AuthResource(@Reference AuthServices auth) {
        this.auth = auth;
    }

    static RequestAuthentication caller(ContainerRequestContext request) {
        return RequestAuthentication.of(request.getProperty(RequestAuthentication.PROPERTY));
    }

    @POST
    @Path("register")
    public Response register(Map<String, Object> json, @Context ContainerRequestContext request) {
        Body body = Body.of(json);
        Map<String, Object> created = auth.registration.register(body.text("email"), body.text("password"),
                body.text("account_name"), body.text("account_slug"), caller(request).anyone());
        return Response.status(201).entity(created).build();
    }

    @POST
    @Path("login")
    public Map<String, Object> login(Map<String, Object> json, @Context ContainerRequestContext request) {
        Body body = Body.of(json);
        RequestAuthentication caller = caller(request);
        return auth.login.login(body.text("account"), body.text("email"), body.text("password"), caller.ipAddress(), caller.anyone());
    }

    @POST
    @Path("refresh")
    public Map<String, Object> refresh(Map<String, Object> json) {
        String token = Body.of(json).text("refresh_token");
        if (token == null || token.isBlank()) {
            throw Problems.required("refresh_token");
        }
        return auth.sessions.refresh(token);
    }

    /** Never fails for a well-formed call: the SDK ignores the answer and clears its session anyway. */
    @POST
    @Path("logout")
    public Map<String, Object> logout(Map<String, Object> json, @Context ContainerRequestContext request) {
        RequestAuthentication caller = caller(request);
        String refreshToken = Body.of(json).text("refresh_token");
        if (caller.isAuthenticated()) {
            RequestContext context = caller.requireUser();
            String userId = context.principal().userId();
            auth.hooks.before(HookEvents.ON_AUTH_BEFORE_LOGOUT, Map.of("user_id", userId), context);
            if (refreshToken != null && !refreshToken.isBlank()) {
                auth.sessions.revoke(refreshToken, userId);
            } else {
                auth.store.tokens.revokeAllOfUser(userId, auth.store.now());
            }
            revokeAccessToken(request);
            auth.hooks.after(HookEvents.ON_AUTH_AFTER_LOGOUT, Map.of("user_id", userId), context);
        }
        return Map.of("message", "Logged out successfully");
    }

    private void revokeAccessToken(ContainerRequestContext request) {
        String header = request.getHeaderString("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return;
        }
        auth.authenticator.accessTokenId(header.substring(7).trim()).ifPresent(id -> {
            try {
                auth.store.tokens.revokeTokenId(id.id(), auth.store.now(), id.expiresAt());
            } catch (RuntimeException e) {
                if (!Problems.isConstraintViolation(e)) {
                    throw e;
                }
            }
        });
    }

    @GET
    @Path("me")
    public Map<String, Object> me(@Context ContainerRequestContext request) {
        RequestContext context = caller(request).requireUser();
        Principal principal = context.principal();
        UserRow user = auth.store.users.findById(principal.userId());
        // an account-bound key acts in its account with no role: say so, not where its owner lives
        String accountId = principal.isServiceKey() ? principal.accountId() : user.accountId;
        String role = principal.isServiceKey() ? null : user.roleName;
        AccountRow account = auth.store.accounts.findById(accountId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user_id", user.id);
        out.put("account_id", accountId);
        out.put("email", user.email);
        out.put("role", role);
        Map<String, Object> userView = Views.authUser(user, principal.groups());
        userView.put("account_id", accountId);
        userView.put("role", role);
        out.put("user", userView);
        out.put("account", Views.authAccount(account));
        if (!principal.scopes().isEmpty()) {
            out.put("scopes", java.util.List.copyOf(principal.scopes()));
        }
        return out;
    }

    @POST
    @Path("send-verification")
    public Map<String, Object> sendVerification(Map<String, Object> json, @Context ContainerRequestContext request) {
        RequestContext context = caller(request).requireUser();
        String address = Body.of(json).text("email");
        if (address == null || address.isBlank()) {
            address = context.principal().email();
        }
        Inputs.requireEmail("email", address);
        UserRow user = auth.store.users.findById(context.principal().userId());
        if (!auth.email.sendVerification(user, address.trim(), context)) {
            throw new ApiException(500, "Internal server error", "Failed to send verification email");
        }
        return Map.of("message", "Verification email sent to " + address.trim());
    }

    @POST
    @Path("resend-verification")
    public Map<String, Object> resendVerification(Map<String, Object> json, @Context ContainerRequestContext request) {
        RequestContext context = caller(request).requireUser();
        String address = Body.of(json).text("email");
        UserRow user = auth.store.users.findById(context.principal().userId());
        if (!auth.email.sendVerification(user, address == null || address.isBlank() ? user.email : address.trim(), context)) {
            throw new ApiException(500, "Internal server error", "Failed to send verification email");
        }
        return Map.of("message", "Verification email resent successfully");
    }

    @POST
    @Path("verify-email")
    public Map<String, Object> verifyEmail(Map<String, Object> json) {
        return auth.email.verifyEmail(Inputs.requireText("token", Body.of(json).text("token")));
    }

    @POST
    @Path("forgot-password")
    public Map<String, Object> forgotPassword(Map<String, Object> json, @Context ContainerRequestContext request) {
        Body body = Body.of(json);
        String account = body.text("account");
        if (account == null || account.isBlank()) {
            throw Problems.domain(java.util.List.of(new io.snackbase.api.errors.FieldError("account",
                    "Account is required in multi-tenant mode", "required")));
        }
        String address = body.text("email");
        Inputs.requireEmail("email", address);
        auth.email.forgotPassword(account, address, caller(request).anyone());
        return Map.of("message", "If an account with that email exists, a password reset link has been sent.");
    }

    @POST
    @Path("reset-password")
    public Map<String, Object> resetPassword(Map<String, Object> json, @Context ContainerRequestContext request) {
        Body body = Body.of(json);
        String token = Inputs.requireText("token", body.text("token"));
        String password = Inputs.requireText("new_password", body.text("new_password"));
        if (password.length() < 8) {
            throw Problems.shape("new_password", "String should have at least 8 characters");
        }
        auth.email.resetPassword(token, password, caller(request).anyone());
        return Map.of("message", "Password reset successfully. You can now log in with your new password.");
    }

    @GET
    @Path("verify-reset-token/{token}")
    public Map<String, Object> verifyResetToken(@PathParam("token") String token) {
        return auth.email.checkResetToken(token);
    }
}
