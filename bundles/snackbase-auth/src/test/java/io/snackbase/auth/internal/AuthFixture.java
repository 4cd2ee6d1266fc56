package io.snackbase.auth.internal;

import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.context.Principal;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.mail.MailDelivery;
import io.snackbase.api.mail.MailMessage;
import io.snackbase.api.mail.MailService;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.auth.internal.core.PasswordHasher;
import io.snackbase.auth.internal.service.AuthSettings;
import io.snackbase.auth.internal.service.AuthStore;
import io.snackbase.auth.internal.store.UserRow;
import io.snackbase.storage.jdbc.testing.ModuleStorage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The auth services on a real database (SQLite file, or the shared PostgreSQL/MariaDB test servers),
 * with a clock the test moves, a mail service that records what it was asked to send, and a cheap
 * Argon2 cost so that tests stay fast.
 */
public final class AuthFixture implements AutoCloseable {

    public static final String MODULE = "io.snackbase.auth";
    public static final List<String> MIGRATIONS = List.of("V1__accounts_users.sql", "V2__tokens.sql", "V3__api_key_scopes.sql", "V3__api_key_scopes.mysql.sql");
    public static final List<String> TABLES = List.of("login_throttle", "invitations", "email_tokens", "api_keys",
            "revoked_tokens", "refresh_tokens", "group_members", "user_groups", "users", "roles", "accounts");
    public static final String STRONG_PASSWORD = "Str0ng!Passw0rd";
    static final byte[] KEY = "test-signing-key-0123456789-abcdefghijklmnop".getBytes(StandardCharsets.UTF_8);

    /** A clock the test moves forward. */
    public static final class TestClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-06-01T12:00:00Z").toEpochMilli());

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(millis.get()); }
        @Override public long millis() { return millis.get(); }

        public void advanceSeconds(long seconds) {
            millis.addAndGet(seconds * 1000);
        }
    }

    /** Records every template mail; answers "sent" unless told to fail. */
    public static final class RecordingMail implements MailService {
        public record Sent(String template, String to, Map<String, String> variables) {}
        public final List<Sent> sent = new CopyOnWriteArrayList<>();
        public volatile boolean failing;

        @Override
        public MailDelivery sendTemplate(String templateType, String to, Map<String, String> variables, RequestContext context) {
            sent.add(new Sent(templateType, to, variables));
            return new MailDelivery(!failing, "test", failing ? "down" : null);
        }

        @Override
        public MailDelivery send(MailMessage message, RequestContext context) {
            return new MailDelivery(!failing, "test", failing ? "down" : null);
        }

        /** @return the token of the last mail of a template to an address */
        public String lastToken(String template, String to) {
            for (int i = sent.size() - 1; i >= 0; i--) {
                Sent s = sent.get(i);
                if (s.template().equals(template) && s.to().equalsIgnoreCase(to)) {
                    return s.variables().get("token");
                }
            }
            throw new AssertionError("No " + template + " mail to " + to + " in " + sent);
        }
    }

    public final ModuleStorage storage;
    public final TestClock clock = new TestClock();
    public final RecordingMail mail = new RecordingMail();
    public volatile HookDispatcher hooks;
    public final AuthServices.Wiring auth;

    private AuthFixture(DatabaseKind kind, AuthSettings settings) throws Exception {
        storage = ModuleStorage.open(kind, MODULE, "/db/auth", MIGRATIONS, TABLES);
        auth = new AuthServices.Wiring(new AuthStore(storage.mappers(), storage.transactions(), clock), settings, KEY,
                new PasswordHasher(8192, 1, 1), () -> mail, () -> hooks, Runnable::run);
    }

    /** @return the services on a fresh schema of that database, with the contract's defaults */
    public static AuthFixture open(DatabaseKind kind) throws Exception {
        return new AuthFixture(kind, AuthSettings.defaults());
    }

    /** @return the services with other settings */
    public static AuthFixture open(DatabaseKind kind, AuthSettings settings) throws Exception {
        return new AuthFixture(kind, settings);
    }

    /** @return the databases to run on */
    public static List<DatabaseKind> kinds() {
        return ModuleStorage.kinds();
    }

    /** Registers an account with its admin and verifies the admin's email. */
    public UserRow verifiedAdmin(String accountName, String email) {
        auth.registration.register(email, STRONG_PASSWORD, accountName, null, anonymous());
        String slug = io.snackbase.auth.internal.core.Slugs.fromName(accountName);
        UserRow user = auth.store.users.findByEmail(auth.store.accounts.findBySlug(slug).id, email.toLowerCase());
        auth.store.users.markVerified(user.id, clock.millis());
        return auth.store.users.findById(user.id);
    }

    /** @return the context of an anonymous caller */
    public static RequestContext anonymous() {
        return RequestAuthentication.anonymous(null, null, "test", "127.0.0.1", "junit").anyone();
    }

    /** @return the principal of a user row */
    public static Principal principal(UserRow user) {
        return new Principal(user.id, user.email, user.accountId, user.roleName, "jwt");
    }

    @Override
    public void close() {
        storage.close();
    }
}
