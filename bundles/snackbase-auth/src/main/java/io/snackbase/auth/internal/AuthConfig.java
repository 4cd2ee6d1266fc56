package io.snackbase.auth.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of PID {@code io.snackbase.auth}. */
@ObjectClassDefinition(name = "SnackBase authentication",
        description = "Tokens, API keys, login throttling and the links sent by mail.")
public @interface AuthConfig {

    @AttributeDefinition(type = AttributeType.PASSWORD, name = "Token signing secret",
            description = "HMAC-SHA256 key of every access, refresh and API-key token (at least 32 random characters; well-known "
                    + "defaults are refused). Empty: SNACKBASE_SECRET_KEY, else a secret generated on first start and kept in "
                    + "data/token-secret. Instances sharing a database need the same secret.")
    String tokenSecret() default "";

    @AttributeDefinition(name = "Access token lifetime (minutes)", min = "1", description = "Lifetime of access tokens (expires_in).")
    int accessTokenMinutes() default 60;

    @AttributeDefinition(name = "Refresh token lifetime (days)", min = "1", description = "Lifetime of refresh tokens; each refresh rotates the token.")
    int refreshTokenDays() default 7;

    @AttributeDefinition(name = "API keys per user", min = "1", description = "Most active API keys one superadmin may hold.")
    int apiKeysPerUser() default 10;

    @AttributeDefinition(name = "Failed logins per account and email", min = "1",
            description = "Failed logins for one account+email within the window before that pair is locked (429).")
    int maxFailuresPerAccountEmail() default 5;

    @AttributeDefinition(name = "Failed logins per client address", min = "1",
            description = "Failed logins from one client address within the window before that address is locked (429).")
    int maxFailuresPerIp() default 50;

    @AttributeDefinition(name = "Failure window (seconds)", min = "1", description = "Length of the window in which failed logins are counted.")
    int failureWindowSeconds() default 900;

    @AttributeDefinition(name = "Lock-out (seconds)", min = "1", description = "How long a locked account+email or address answers 429.")
    int lockoutSeconds() default 900;

    @AttributeDefinition(name = "Application URL", description = "Base of the links in verification, reset and invitation mails, "
            + "e.g. https://app.example.com (links are <url>/verify-email?token=..). Empty: SNACKBASE_APP_URL, else http://localhost:8090.")
    String appUrl() default "";

    @AttributeDefinition(name = "Argon2id memory (KiB)", min = "8192",
            description = "Memory cost of password hashes (OWASP minimum 19456 with 2 iterations). Existing hashes keep their own cost.")
    int argon2MemoryKib() default 19456;

    @AttributeDefinition(name = "Argon2id iterations", min = "1", description = "Time cost of password hashes.")
    int argon2Iterations() default 2;

    @AttributeDefinition(name = "Principal cache (ms)", min = "0",
            description = "How long a verified token's user, role and groups are reused without reading the database again "
                    + "(0: read on every request). Logouts, revocations and user, role or group changes made through this "
                    + "instance take effect at once; those made through another instance sharing the database take effect "
                    + "within this time.")
    long principalCacheMs() default 1000;
}
