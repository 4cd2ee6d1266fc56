package io.snackbase.auth.internal.service;

import static io.snackbase.auth.internal.AuthFixture.STRONG_PASSWORD;
import static io.snackbase.auth.internal.AuthFixture.anonymous;
import static io.snackbase.auth.internal.service.RegistrationTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.context.Principal;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.auth.internal.AuthFixture;
import io.snackbase.auth.internal.store.UserRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Access tokens, refresh rotation, replay detection, expiry and revocation, checked by the request authenticator. */
class SessionsTest {

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

    private Map<String, Object> loggedIn() {
        fx.verifiedAdmin("Acme", "ann@example.com");
        return fx.auth.login.login("acme", "ann@example.com", STRONG_PASSWORD, null, anonymous());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anAccessTokenNamesTheUserItsAccountRoleAndGroups(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        Map<String, Object> session = loggedIn();
        Principal p = fx.auth.authenticator.bearer((String) session.get("token"));
        assertThat(p.email()).isEqualTo("ann@example.com");
        assertThat(p.role()).isEqualTo("admin");
        assertThat(p.authMethod()).isEqualTo("jwt");
        assertThat(p.groups()).containsExactly("pii_access");
        assertThat(p.isSuperadmin()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void refreshRotatesAndAReplayRevokesTheFamily(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        String first = (String) loggedIn().get("refresh_token");
        Map<String, Object> rotated = fx.auth.sessions.refresh(first);
        assertThat(rotated).containsKeys("token", "refresh_token").containsEntry("expires_in", 3600L);
        String second = (String) rotated.get("refresh_token");
        assertThat(second).isNotEqualTo(first);

        assertStatus(() -> fx.auth.sessions.refresh(first), 401, "Invalid or expired refresh token");
        // the replay revoked the whole family: the newest token is dead too
        assertStatus(() -> fx.auth.sessions.refresh(second), 401, "Invalid or expired refresh token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void tokensExpire(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        Map<String, Object> session = loggedIn();
        fx.clock.advanceSeconds(3601);
        assertStatus(() -> fx.auth.authenticator.bearer((String) session.get("token")), 401, "Token has expired");
        assertThat(fx.auth.sessions.refresh((String) session.get("refresh_token"))).containsKey("token");
        fx.clock.advanceSeconds(7 * 86400 + 1);
        Map<String, Object> later = fx.auth.sessions.refresh((String) fx.auth.login.login("acme", "ann@example.com",
                STRONG_PASSWORD, null, anonymous()).get("refresh_token"));
        fx.clock.advanceSeconds(7 * 86400 + 1);
        assertStatus(() -> fx.auth.sessions.refresh((String) later.get("refresh_token")), 401, "Invalid or expired refresh token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theWrongTokenKindIsRefused(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        Map<String, Object> session = loggedIn();
        assertStatus(() -> fx.auth.sessions.refresh((String) session.get("token")), 401, "Invalid or expired refresh token");
        assertStatus(() -> fx.auth.authenticator.bearer((String) session.get("refresh_token")), 401, "Invalid token");
        assertStatus(() -> fx.auth.sessions.refresh("garbage"), 401, "Invalid or expired refresh token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aDeactivatedOrMovedUserStopsAtTheNextRequest(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        Map<String, Object> session = loggedIn();
        UserRow user = fx.auth.store.users.findByEmail(fx.auth.store.accounts.findBySlug("acme").id, "ann@example.com");
        fx.auth.store.users.deactivate(user.id, fx.clock.millis());
        assertStatus(() -> fx.auth.authenticator.bearer((String) session.get("token")), 401, "User account is disabled");
        assertStatus(() -> fx.auth.sessions.refresh((String) session.get("refresh_token")), 401, "Invalid or expired refresh token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void revokingAllOfAUsersTokensEndsItsRefreshes(DatabaseKind kind) throws Exception {
        fx = AuthFixture.open(kind);
        Map<String, Object> session = loggedIn();
        Principal p = fx.auth.authenticator.bearer((String) session.get("token"));
        fx.auth.store.tokens.revokeAllOfUser(p.userId(), fx.clock.millis());
        assertStatus(() -> fx.auth.sessions.refresh((String) session.get("refresh_token")), 401, "Invalid or expired refresh token");
        var id = fx.auth.authenticator.accessTokenId((String) session.get("token")).orElseThrow();
        fx.auth.store.tokens.revokeTokenId(id.id(), fx.clock.millis(), id.expiresAt());
        assertStatus(() -> fx.auth.authenticator.bearer((String) session.get("token")), 401, "Token has been revoked");
    }
}
