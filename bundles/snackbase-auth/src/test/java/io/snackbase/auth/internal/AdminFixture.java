package io.snackbase.auth.internal;

import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.context.Principal;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.mail.MailDelivery;
import io.snackbase.api.mail.MailMessage;
import io.snackbase.api.mail.MailService;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.auth.internal.core.PasswordHasher;
import io.snackbase.auth.internal.service.AuthSettings;
import io.snackbase.auth.internal.service.AuthStore;
import io.snackbase.auth.internal.service.Users;
import io.snackbase.auth.internal.store.AccountRow;
import io.snackbase.auth.internal.store.UserRow;
import io.snackbase.storage.jdbc.testing.ModuleStorage;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert;

/**
 * The auth services on the real storage stack of one database, for the administration tests:
 * one storage per database kind for the whole test run (migrating the shared servers is slow),
 * emptied of everything but the seeded system account and default roles before each use, with
 * a recording mail service that can be switched off.
 */
public final class AdminFixture {

    public static final String PASSWORD = "Correct-Horse-9";
    static final List<String> TABLES = List.of("login_throttle", "invitations", "email_tokens", "api_keys", "revoked_tokens",
            "refresh_tokens", "group_members", "user_groups", "users", "roles", "accounts");
    private static final Map<DatabaseKind, AdminFixture> OPEN = new ConcurrentHashMap<>();
    private static final byte[] KEY = "test-signing-key-0123456789-abcdefghijklmnop".getBytes(StandardCharsets.UTF_8);

    public final DatabaseKind kind;
    public final ModuleStorage storage;
    public final AuthServices.Wiring w;
    public final AuthStore store;
    public final FakeMail mail = new FakeMail();

    private AdminFixture(DatabaseKind kind) throws Exception {
        this.kind = kind;
        this.storage = ModuleStorage.open(kind, "io.snackbase.auth", "/db/auth", List.of("V1__accounts_users.sql", "V2__tokens.sql", "V3__api_key_scopes.sql", "V3__api_key_scopes.mysql.sql"), TABLES);
        this.store = new AuthStore(storage.mappers(), storage.transactions(), Clock.systemUTC());
        this.w = new AuthServices.Wiring(store, AuthSettings.defaults(), KEY, new PasswordHasher(8192, 1, 1),
                () -> mail.available ? mail : null, () -> null, Runnable::run);
    }

    /** @return the databases every test runs on */
    public static List<DatabaseKind> kinds() {
        return ModuleStorage.kinds();
    }

    /** @return the fixture of that database, emptied and with mail working */
    public static AdminFixture on(DatabaseKind kind) throws Exception {
        AdminFixture f = OPEN.computeIfAbsent(kind, k -> {
            try {
                return new AdminFixture(k);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot open " + k, e);
            }
        });
        f.clean();
        return f;
    }

    private void clean() throws Exception {
        try (Connection c = storage.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES.subList(0, TABLES.size() - 2)) {
                s.executeUpdate("DELETE FROM " + table);
            }
            s.executeUpdate("DELETE FROM roles WHERE id > 2");
            s.executeUpdate("DELETE FROM accounts WHERE id <> '" + Principal.SYSTEM_ACCOUNT_ID + "'");
        }
        mail.available = true;
        mail.working = true;
        mail.sent.clear();
    }

    /** @return a new account */
    public AccountRow account(String name, String slug) {
        return store.inTransaction(() -> w.accounts.insert(name, slug));
    }

    /** @return a new verified password user with {@link #PASSWORD} */
    public UserRow user(String accountId, String email, int roleId) {
        return w.users.insert(accountId, email, PASSWORD, roleId, true, "password");
    }

    /** @return a superadmin user (a user of the system account) */
    public UserRow superadminUser() {
        return user(Principal.SYSTEM_ACCOUNT_ID, "root@example.com", Users.ADMIN_ROLE);
    }

    /** @return a request made by this user with an access token */
    public static ContainerRequestContext as(UserRow user) {
        return FakeRequests.as(user);
    }

    /** @return a request without credentials */
    public static ContainerRequestContext anonymous() {
        return FakeRequests.anonymous();
    }

    /** @return a request whose only behaviour is the authentication property the REST filter sets */
    public static ContainerRequestContext request(RequestAuthentication auth) {
        return FakeRequests.with(auth, java.util.Map.of());
    }

    /** @return the ApiException the call throws (failing the test when it throws something else or nothing) */
    public static ApiException failure(ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = Assertions.catchThrowable(call);
        Assertions.assertThat(thrown).isInstanceOf(ApiException.class);
        return (ApiException) thrown;
    }

    /** Asserts that the call fails with that status and message (the body's {@code detail}). */
    public static void assertFails(ThrowableAssert.ThrowingCallable call, int status, String message) {
        ApiException e = failure(call);
        Assertions.assertThat(e.status()).as("status of '%s'", e.getMessage()).isEqualTo(status);
        Assertions.assertThat(e.getMessage()).isEqualTo(message);
    }

    /** A mail service that records templated sends; {@code working=false} reports failure, {@code available=false} removes it. */
    public static final class FakeMail implements MailService {
        public volatile boolean available = true;
        public volatile boolean working = true;
        public final List<Sent> sent = new CopyOnWriteArrayList<>();

        /** One templated send. */
        public record Sent(String template, String to, Map<String, String> variables) {}

        @Override
        public MailDelivery sendTemplate(String templateType, String to, Map<String, String> variables, RequestContext context) {
            if (!working) {
                return new MailDelivery(false, "fake", "transport down");
            }
            sent.add(new Sent(templateType, to, variables));
            return new MailDelivery(true, "fake", null);
        }

        @Override
        public MailDelivery send(MailMessage message, RequestContext context) {
            throw new UnsupportedOperationException();
        }
    }
}
