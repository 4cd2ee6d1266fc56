package io.snackbase.auth.internal.service;

import static io.snackbase.auth.internal.AuthFixture.STRONG_PASSWORD;
import static io.snackbase.auth.internal.AuthFixture.anonymous;
import static io.snackbase.auth.internal.service.RegistrationTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.auth.internal.AuthFixture;
import io.snackbase.auth.internal.store.GroupRow;
import io.snackbase.auth.internal.store.UserRow;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cache of resolved principals: repeat requests are served from it, this instance's
 * revocations and user and group changes take effect on the next request, another instance's
 * within the time to live, and expiry still applies to a cached token.
 */
class PrincipalCacheTest {

    private AuthFixture fx;

    static List<DatabaseKind> kinds() {
        return AuthFixture.kinds();
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private String accessToken(UserRow user) {
        return (String) fx.auth.login.login(user.accountId, user.email, STRONG_PASSWORD, null, anonymous()).get("token");
    }

    /** Another instance on the same database: its own mappers and its own (empty) cache. */
    private AuthStore otherInstance() {
        return new AuthStore(fx.storage.mappers(), fx.storage.transactions(), fx.clock);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anotherInstancesDeactivationIsSeenWithinTheTimeToLive(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        UserRow ann = fx.verifiedAdmin("Acme", "ann@example.com");
        String token = accessToken(ann);
        assertThat(fx.auth.authenticator.bearer(token).userId()).isEqualTo(ann.id);

        otherInstance().users.deactivate(ann.id, fx.clock.millis());
        // this instance did not see the write: the principal comes from the cache, without a query
        assertThat(fx.auth.authenticator.bearer(token).userId()).isEqualTo(ann.id);
        Thread.sleep(AuthStore.DEFAULT_PRINCIPAL_CACHE_MS + 100);
        assertStatus(() -> fx.auth.authenticator.bearer(token), 401, "User account is disabled");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aLogoutHereRevokesACachedTokenAtOnce(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        UserRow ann = fx.verifiedAdmin("Acme", "ann@example.com");
        String token = accessToken(ann);
        fx.auth.authenticator.bearer(token);
        RequestAuthenticator.TokenId id = fx.auth.authenticator.accessTokenId(token).orElseThrow();
        fx.auth.store.tokens.revokeTokenId(id.id(), fx.clock.millis(), id.expiresAt());
        assertStatus(() -> fx.auth.authenticator.bearer(token), 401, "Token has been revoked");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void userAndGroupChangesHereTakeEffectAtOnce(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        UserRow ann = fx.verifiedAdmin("Acme", "ann@example.com");
        String token = accessToken(ann);
        assertThat(fx.auth.authenticator.bearer(token).groups()).doesNotContain("auditors");

        GroupRow group = new GroupRow();
        group.id = UUID.randomUUID().toString();
        group.accountId = ann.accountId;
        group.name = "auditors";
        group.isSystem = false;
        group.createdAt = fx.clock.millis();
        group.updatedAt = group.createdAt;
        fx.auth.store.groups.insert(group);
        fx.auth.store.groups.addMember(group.id, ann.id, fx.clock.millis());
        assertThat(fx.auth.authenticator.bearer(token).groups()).contains("auditors");

        fx.auth.store.users.deactivate(ann.id, fx.clock.millis());
        assertStatus(() -> fx.auth.authenticator.bearer(token), 401, "User account is disabled");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aCachedTokenStillExpires(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        UserRow ann = fx.verifiedAdmin("Acme", "ann@example.com");
        String token = accessToken(ann);
        fx.auth.authenticator.bearer(token);
        fx.clock.advanceSeconds(fx.auth.settings.accessTokenSeconds() + 1);
        assertStatus(() -> fx.auth.authenticator.bearer(token), 401, "Token has expired");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void zeroTimeToLiveReadsEveryTime(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        UserRow ann = fx.verifiedAdmin("Acme", "ann@example.com");
        String token = accessToken(ann);
        AuthStore uncached = new AuthStore(fx.storage.mappers(), fx.storage.transactions(), fx.clock, 0);
        RequestAuthenticator strict = new RequestAuthenticator(uncached, fx.auth.jwt, fx.auth.snackbaseTokens);
        strict.bearer(token);
        otherInstance().users.deactivate(ann.id, fx.clock.millis());
        assertStatus(() -> strict.bearer(token), 401, "User account is disabled");
    }
}
