package io.snackbase.auth.internal.service;

/**
 * The auth bundle's tunables, from its configuration (see {@code AuthConfig}).
 *
 * @param accessTokenSeconds access-token lifetime
 * @param refreshTokenSeconds refresh-token lifetime
 * @param apiKeysPerUser most active API keys one user may hold
 * @param maxFailuresPerAccountEmail failed logins of one account+email in a window before it is locked
 * @param maxFailuresPerIp failed logins from one address in a window before it is locked
 * @param windowSeconds the counting window
 * @param lockoutSeconds how long a locked key stays locked
 * @param appUrl the base of links in mails (verification, reset, invitation)
 */
public record AuthSettings(long accessTokenSeconds, long refreshTokenSeconds, int apiKeysPerUser,
        int maxFailuresPerAccountEmail, int maxFailuresPerIp, long windowSeconds, long lockoutSeconds, String appUrl) {

    /** Email verification and password reset tokens live one hour. */
    public static final long EMAIL_TOKEN_SECONDS = 3600;
    /** Invitations live 48 hours. */
    public static final long INVITATION_SECONDS = 48 * 3600;

    /** @return the contract's defaults */
    public static AuthSettings defaults() {
        return new AuthSettings(3600, 7 * 24 * 3600, 10, 5, 50, 900, 900, "http://localhost:8090");
    }
}
