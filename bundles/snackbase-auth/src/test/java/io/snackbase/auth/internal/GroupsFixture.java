package io.snackbase.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The auth services on one real database for the groups, invitations and API-key tests: opened
 * once per database and JVM (every test makes its own accounts and users, so tests do not see
 * each other's data), with a mail service that records what it sends and fails for addresses
 * containing {@value #UNDELIVERABLE}.
 */
public final class GroupsFixture {

    public static final String UNDELIVERABLE = "nomail";
    public static final String PASSWORD = "Correct-Horse-9-Battery";
    private static final byte[] KEY = "groups-fixture-signing-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Map<DatabaseKind, GroupsFixture> OPEN = new ConcurrentHashMap<>();

    /** One sent mail. */
    public record Sent(String template, String to, Map<String, String> variables) {}

    public final ModuleStorage storage;
    public final AuthServices.Wiring auth;
    public final List<Sent> mails = new CopyOnWriteArrayList<>();

    private GroupsFixture(DatabaseKind kind) throws Exception {
        this.storage = ModuleStorage.open(kind, "io.snackbase.auth", "/db/auth", List.of("V1__accounts_users.sql", "V2__tokens.sql", "V3__api_key_scopes.sql", "V3__api_key_scopes.mysql.sql"),
                List.of("login_throttle", "invitations", "email_tokens", "api_keys", "revoked_tokens", "refresh_tokens",
                        "group_members", "user_groups", "users", "roles", "accounts"));
        MailService mail = new MailService() {
            @Override
            public MailDelivery sendTemplate(String template, String to, Map<String, String> variables, RequestContext context) {
                if (to.contains(UNDELIVERABLE)) {
                    return new MailDelivery(false, "test", "undeliverable");
                }
                mails.add(new Sent(template, to, variables));
                return new MailDelivery(true, "test", null);
            }

            @Override
            public MailDelivery send(MailMessage message, RequestContext context) {
                return new MailDelivery(false, "test", "not used");
            }
        };
        this.auth = new AuthServices.Wiring(new AuthStore(storage.mappers(), storage.transactions(), Clock.systemUTC()),
                AuthSettings.defaults(), KEY, new PasswordHasher(8192, 1, 1), () -> mail, () -> null, Runnable::run);
    }

    /** @return the fixture of the database, opened (and its auth tables recreated) on first use */
    public static synchronized GroupsFixture on(DatabaseKind kind) throws Exception {
        GroupsFixture f = OPEN.get(kind);
        if (f == null) {
            f = new GroupsFixture(kind);
            OPEN.put(kind, f);
            GroupsFixture opened = f;
            Runtime.getRuntime().addShutdownHook(new Thread(opened.storage::close));
        }
        return f;
    }

    /** @return the databases of the parameterised tests */
    public static List<DatabaseKind> kinds() {
        return ModuleStorage.kinds();
    }

    /** @return a new account with a unique name and slug */
    public AccountRow account() {
        String tag = tag();
        return auth.store.inTransaction(() -> auth.accounts.insert("Account " + tag, "acct-" + tag));
    }

    /** @return a new verified password user of the account */
    public UserRow user(AccountRow account, int roleId) {
        return user(account.id, roleId, "u-" + tag() + "@example.com");
    }

    /** @return a new verified password user of the account with the email */
    public UserRow user(String accountId, int roleId, String email) {
        return auth.store.inTransaction(() -> auth.users.insert(accountId, email, PASSWORD, roleId, true, "password"));
    }

    /** @return a new user of the system account */
    public UserRow superadmin() {
        return user(Principal.SYSTEM_ACCOUNT_ID, Users.ADMIN_ROLE, "sa-" + tag() + "@example.com");
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

    /** @return the failure of the call, asserting it is an ApiException with the status and message */
    public static ApiException fails(int status, String message, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ApiException.class);
        ApiException e = (ApiException) thrown;
        assertThat(e.status()).as("status of: " + e.getMessage()).isEqualTo(status);
        if (message != null) {
            assertThat(e.getMessage()).isEqualTo(message);
        }
        return e;
    }

    private static String tag() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
