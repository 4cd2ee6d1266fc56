package io.snackbase.records.internal.rest;

import static io.snackbase.records.internal.RecordsFixture.field;
import static io.snackbase.records.internal.RecordsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.records.internal.RecordsFixture;
import io.snackbase.records.internal.records.FieldCipher;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Encrypted fields on every database: ciphertext at rest, the mask in every answer, never filtered, sorted or aggregated. */
@SuppressWarnings("unchecked")
class EncryptedFieldsTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
        19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

    static List<DatabaseKind> kinds() {
        return RecordsFixture.kinds();
    }

    private RecordsFixture f;
    private RecordsResource records;
    private RecordAggregateResource aggregates;
    private ContainerRequestContext alice;
    private final ContainerRequestContext root = request("superadmin");

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private void setUp(DatabaseKind kind, FieldCipher cipher) throws Exception {
        f = RecordsFixture.open(kind);
        f.w.records.cipher(cipher);
        records = new RecordsResource(f.w.records);
        aggregates = new RecordAggregateResource(f.w.records);
        alice = RecordsResourceTest.as(new Principal("u-alice", "alice@acme.test", f.account("acme"), "user", "jwt"));
        Map<String, Object> body = new HashMap<>(Map.of("name", "vault", "fields", List.of(field("token", "text", "encrypted", true),
                field("doc", "json", "encrypted", true), field("label", "text"))));
        body.putAll(Map.of("list_rule", "", "view_rule", "", "create_rule", "", "update_rule", "", "delete_rule", ""));
        new CollectionsResource(f.w.store, f.w.collections, f.w.transfer, Clock.systemUTC()).create(body, root);
    }

    private Object stored(String column, String id) throws Exception {
        return f.column("SELECT " + column + " FROM col_vault WHERE id = ?", id).get(0);
    }

    private static ApiException failure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(call, ApiException.class);
    }

    private Map<String, Object> create(Map<String, Object> body, ContainerRequestContext who) {
        return (Map<String, Object>) records.create("vault", new LinkedHashMap<>(body), who).getEntity();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void ciphertextAtRestAndTheMaskInEveryAnswer(DatabaseKind kind) throws Exception {
        FieldCipher cipher = FieldCipher.of(KEY);
        setUp(kind, cipher);
        Map<String, Object> created = create(Map.of("token", "s3cret", "doc", Map.of("pin", 1234), "label", "a"), alice);
        assertThat(created).containsEntry("token", FieldCipher.MASK).containsEntry("doc", FieldCipher.MASK).containsEntry("label", "a");
        String id = (String) created.get("id");
        String token = stored("token", id).toString();
        assertThat(token).startsWith("enc:v1:").doesNotContain("s3cret");
        assertThat(cipher.decrypt(token, "vault.token")).isEqualTo("s3cret");
        assertThat(cipher.decrypt(stored("doc", id).toString(), "vault.doc")).isEqualTo("{\"pin\":1234}");
        // bound to its field and key: not readable as another field, nor with another key
        assertThatThrownBy(() -> cipher.decrypt(token, "vault.label")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldCipher.of("00".repeat(32)).decrypt(token, "vault.token")).isInstanceOf(IllegalArgumentException.class);
        // the same plaintext twice is two ciphertexts
        String again = (String) create(Map.of("token", "s3cret"), alice).get("id");
        assertThat(stored("token", again)).isNotEqualTo(token);

        // masked for everyone, the superadmin too; null stays null
        assertThat(records.view("vault", id, null, alice)).containsEntry("token", FieldCipher.MASK);
        assertThat(records.view("vault", id, null, root)).containsEntry("token", FieldCipher.MASK).containsEntry("doc", FieldCipher.MASK);
        assertThat(records.view("vault", again, null, alice)).containsEntry("doc", null);
        Map<String, Object> page = records.list("vault", Map.of(), alice);
        assertThat((List<Map<String, Object>>) page.get("items")).allSatisfy(m -> assertThat(m).containsEntry("token", FieldCipher.MASK));
        assertThat(records.patch("vault", id, new HashMap<>(Map.of("token", "n3w")), alice))
                .containsEntry("token", FieldCipher.MASK);
        assertThat(cipher.decrypt(stored("token", id).toString(), "vault.token")).isEqualTo("n3w");
        // the audit log never holds the plaintext
        assertThat(f.column("SELECT new_value FROM audit_log WHERE column_name = 'token'")).isNotEmpty()
                .allSatisfy(v -> assertThat(v).isEqualTo(FieldCipher.MASK));

        // not filterable, sortable or aggregatable: 400, whoever asks
        for (ContainerRequestContext who : List.of(alice, root)) {
            assertThat(failure(() -> records.list("vault", Map.of("filter", List.of("token = 's3cret'")), who)).error())
                    .isEqualTo("Invalid filter expression");
            assertThat(failure(() -> records.list("vault", Map.of("sort", List.of("-token")), who)).error()).isEqualTo("Invalid sort field");
            assertThat(failure(() -> records.list("vault", Map.of("sort", List.of("label,doc"), "cursor", List.of("")), who)).error())
                    .isEqualTo("Invalid sort field");
            assertThat(failure(() -> aggregates.aggregate("vault", "min(token)", null, null, null, who)).error())
                    .isEqualTo("Invalid aggregation functions");
            assertThat(failure(() -> aggregates.aggregate("vault", "count()", "doc", null, null, who)).error()).isEqualTo("Invalid group_by");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void withoutAKeyNothingIsStoredInClear(DatabaseKind kind) throws Exception {
        setUp(kind, FieldCipher.none());
        ApiException e = failure(() -> create(Map.of("token", "s3cret", "label", "a"), alice));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.extras().get("details").toString()).contains("encryption_unavailable");
        assertThat(f.column("SELECT COUNT(*) FROM col_vault").get(0).toString()).isEqualTo("0");
        Map<String, Object> nulls = new LinkedHashMap<>();
        nulls.put("token", null);
        nulls.put("label", "b");
        assertThat(create(nulls, alice)).containsEntry("token", null);
        // a malformed key is refused when read
        assertThatThrownBy(() -> FieldCipher.of("too-short")).isInstanceOf(IllegalArgumentException.class);
        assertThat(FieldCipher.of("ab".repeat(32)).available()).isTrue();
        assertThat(FieldCipher.of("").available()).isFalse();
    }
}
