package io.snackbase.auth.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.auth.internal.AuthFixture;
import io.snackbase.storage.jdbc.internal.migration.MigrationRunner;
import io.snackbase.storage.jdbc.internal.migration.MigrationScripts;
import io.snackbase.storage.jdbc.testing.ModuleStorage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** V3 on a database that already holds keys: they keep working as before (no scopes, no account); the binding cascades. */
class ApiKeyScopesMigrationTest {

    static List<DatabaseKind> kinds() {
        return AuthFixture.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void existingKeysGetNoScopesAndNoAccountAndABoundKeyGoesWithItsAccount(DatabaseKind kind) throws Exception {
        try (ModuleStorage storage = ModuleStorage.open(kind, AuthFixture.MODULE, "/db/auth",
                List.of("V1__accounts_users.sql", "V2__tokens.sql"), AuthFixture.TABLES)) {
            String account = UUID.randomUUID().toString();
            String user = UUID.randomUUID().toString();
            String key = UUID.randomUUID().toString();
            update(storage, "INSERT INTO accounts (id, account_code, slug, name, created_at, updated_at) VALUES (?, 'MG0001', 'mig', 'Mig', 0, 0)",
                    account);
            update(storage, "INSERT INTO users (id, account_id, email, password_hash, role_id, is_active, email_verified, auth_provider,"
                    + " created_at, updated_at) VALUES (?, '00000000-0000-0000-0000-000000000000', 'sa@mig.test', 'x', 1, TRUE, TRUE,"
                    + " 'password', 0, 0)", user);
            update(storage, "INSERT INTO api_keys (id, name, key_hash, user_id, is_active, created_at, updated_at)"
                    + " VALUES (?, 'old', ?, ?, TRUE, 0, 0)", key, "a".repeat(64), user);

            Map<String, String> scripts = new TreeMap<>();
            for (String name : AuthFixture.MIGRATIONS) {
                scripts.put(name, read("/db/auth/" + name));
            }
            int highest = new MigrationRunner(storage.database().dataSource(), kind).apply(AuthFixture.MODULE,
                    MigrationScripts.select(scripts, kind));
            assertThat(highest).isEqualTo(3);

            ApiKeyMapper keys = storage.mappers().mapper(ApiKeyMapper.class);
            ApiKeyRow old = storage.transactions().inTransaction(() -> keys.findById(key));
            assertThat(old.scopes).isEmpty();
            assertThat(old.accountId).isNull();
            assertThat(old.name).isEqualTo("old");

            update(storage, "UPDATE api_keys SET account_id = ?, scopes = 'records:secrets:read' WHERE id = ?", account, key);
            assertThat(storage.transactions().inTransaction(() -> keys.findById(key)).accountId).isEqualTo(account);
            update(storage, "DELETE FROM accounts WHERE id = ?", account);
            // never left behind unbound, where it would act as its superadmin owner
            assertThat(storage.transactions().inTransaction(() -> keys.findById(key))).isNull();
        }
    }

    private static void update(ModuleStorage storage, String sql, Object... params) throws Exception {
        try (Connection c = storage.database().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    private static String read(String resource) throws Exception {
        try (InputStream in = ApiKeyScopesMigrationTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
