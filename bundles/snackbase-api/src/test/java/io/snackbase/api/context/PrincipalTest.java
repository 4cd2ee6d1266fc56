package io.snackbase.api.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrincipalTest {

    @Test
    void scopesAreCopiedSortedAndImmutable() {
        Set<String> given = new HashSet<>(Set.of("z:b", ApiKeyScopes.RECORDS_SECRETS_READ));
        Principal p = new Principal("u", "e", "acc", null, "api_key", List.of(), given);
        given.clear();
        assertThat(p.scopes()).containsExactly(ApiKeyScopes.RECORDS_SECRETS_READ, "z:b");
        assertThat(p.hasScope(ApiKeyScopes.RECORDS_SECRETS_READ)).isTrue();
        assertThat(p.hasScope("records:secrets")).isFalse();
        assertThatThrownBy(() -> p.scopes().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new Principal("u", "e", "acc", null, "api_key", List.of(), null).scopes()).isEmpty();
    }

    @Test
    void olderConstructorsGiveNoScopes() {
        assertThat(new Principal("u", "e", "acc", "user", "jwt").scopes()).isEmpty();
        assertThat(new Principal("u", "e", "acc", "user", "jwt", List.of("g")).scopes()).isEmpty();
        assertThat(Principal.anonymous("acc").scopes()).isEmpty();
    }

    @Test
    void aServiceKeyIsAnApiKeyOutsideTheSystemAccount() {
        assertThat(new Principal("u", "e", "acc", null, "api_key").isServiceKey()).isTrue();
        assertThat(new Principal("u", "e", "acc", null, "api_key").isSuperadmin()).isFalse();
        assertThat(new Principal("u", "e", Principal.SYSTEM_ACCOUNT_ID, "admin", "api_key").isServiceKey()).isFalse();
        assertThat(new Principal("u", "e", "acc", "admin", "jwt").isServiceKey()).isFalse();
        assertThat(Principal.anonymous("acc").isServiceKey()).isFalse();
        assertThat(Principal.system().isServiceKey()).isFalse();
    }
}
