package io.snackbase.records.internal.rest;

import static io.snackbase.records.internal.RecordsFixture.field;
import static io.snackbase.records.internal.RecordsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.context.ApiKeyScopes;
import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.records.internal.RecordsFixture;
import io.snackbase.records.internal.records.FieldCipher;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code GET /records/{c}/{id}/secrets} on every database: only an account-bound key with the
 * scope, only its own account's rows, the view rule and view_fields, the field choice, no-store.
 */
@SuppressWarnings("unchecked")
class RecordSecretsTest {

    static List<DatabaseKind> kinds() {
        return RecordsFixture.kinds();
    }

    private RecordsFixture f;
    private RecordsResource records;
    private CollectionsResource collections;
    private String acme;
    private String beta;
    private ContainerRequestContext alice;
    private ContainerRequestContext acmeKey;
    private final ContainerRequestContext root = request("superadmin");

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private void setUp(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        f.w.records.cipher(FieldCipher.of(EncryptedFieldsTest.KEY));
        records = new RecordsResource(f.w.records);
        collections = new CollectionsResource(f.w.store, f.w.collections, f.w.transfer, Clock.systemUTC());
        acme = f.account("acme");
        beta = f.account("beta");
        alice = RecordsResourceTest.as(new Principal("u-alice", "alice@acme.test", acme, "user", "jwt"));
        acmeKey = key(acme, ApiKeyScopes.RECORDS_SECRETS_READ);
        vault("vault", "", "*", List.of(field("token", "text", "encrypted", true), field("doc", "json", "encrypted", true),
                field("label", "text")));
    }

    /** A request of an API key: bound to an account (not the system one), with those scopes. */
    private static ContainerRequestContext key(String account, String... scopes) {
        return RecordsResourceTest.as(new Principal("sa-owner", "owner@example.com", account,
                Principal.SYSTEM_ACCOUNT_ID.equals(account) ? "admin" : null, "api_key", List.of(), Set.of(scopes)));
    }

    private void vault(String name, String viewRule, String viewFields, List<Map<String, Object>> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "fields", fields));
        body.putAll(Map.of("list_rule", "", "create_rule", "", "update_rule", "", "delete_rule", "", "view_fields", viewFields));
        body.put("view_rule", viewRule);
        collections.create(body, root);
    }

    private String create(String collection, ContainerRequestContext who, Object... kv) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            body.put((String) kv[i], kv[i + 1]);
        }
        return (String) ((Map<String, Object>) records.create(collection, body, who).getEntity()).get("id");
    }

    private Map<String, Object> data(String collection, String id, String fields, ContainerRequestContext who) {
        Response r = records.secrets(collection, id, fields, who);
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getHeaderString("Cache-Control")).isEqualTo("no-store");
        return (Map<String, Object>) ((Map<String, Object>) r.getEntity()).get("data");
    }

    private static ApiException fails(int status, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        ApiException e = org.assertj.core.api.Assertions.catchThrowableOfType(call, ApiException.class);
        assertThat(e).as("an ApiException").isNotNull();
        assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aBoundKeyWithTheScopeReadsThePlaintextOfItsAccountsRecords(DatabaseKind kind) throws Exception {
        setUp(kind);
        String id = create("vault", alice, "token", "s3cret", "doc", Map.of("pin", 1234, "tags", List.of("a")), "label", "x");
        String empty = create("vault", alice, "label", "y");

        assertThat(data("vault", id, null, acmeKey)).containsExactly(Map.entry("token", "s3cret"),
                Map.entry("doc", Map.of("pin", 1234, "tags", List.of("a"))));
        assertThat(data("vault", id, "token", acmeKey)).containsOnlyKeys("token").containsEntry("token", "s3cret");
        assertThat(data("vault", id, " doc , token,doc", acmeKey).keySet()).containsExactly("doc", "token");
        assertThat(data("vault", empty, null, acmeKey)).containsEntry("token", null).containsEntry("doc", null);
        // a record's normal answers still show the mask to that same key
        assertThat(records.view("vault", id, null, acmeKey)).containsEntry("token", FieldCipher.MASK);
        // reading secrets leaves no trace of the plaintext in the audit log
        assertThat(f.column("SELECT COUNT(*) FROM audit_log WHERE new_value LIKE ? OR old_value LIKE ?", "%s3cret%", "%s3cret%")
                .get(0).toString()).isEqualTo("0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyOtherCallerIsRefused(DatabaseKind kind) throws Exception {
        setUp(kind);
        String id = create("vault", alice, "token", "s3cret");
        String forbidden = "Revealing encrypted fields needs an account-bound API key with scope records:secrets:read";
        // user JWTs, the superadmin's included
        assertThat(fails(403, () -> records.secrets("vault", id, null, alice)).getMessage()).isEqualTo(forbidden);
        fails(403, () -> records.secrets("vault", id, null, root));
        fails(403, () -> records.secrets("vault", id, null, RecordsResourceTest.as(
                new Principal("u-alice", "alice@acme.test", acme, "admin", "jwt", List.of(), Set.of(ApiKeyScopes.RECORDS_SECRETS_READ)))));
        // a bound key without the scope; a key acting as its superadmin owner, even with the scope
        fails(403, () -> records.secrets("vault", id, null, key(acme)));
        fails(403, () -> records.secrets("vault", id, null, key(Principal.SYSTEM_ACCOUNT_ID, ApiKeyScopes.RECORDS_SECRETS_READ)));
        // no credentials at all
        fails(401, () -> records.secrets("vault", id, null, RecordsResourceTest.anonymous(acme)));
        // the 403 comes before anything is looked up
        fails(403, () -> records.secrets("no_such_collection", id, null, alice));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anotherAccountsRecordIsNotFound(DatabaseKind kind) throws Exception {
        setUp(kind);
        String acmeRecord = create("vault", alice, "token", "acme-secret");
        ContainerRequestContext betaKey = key(beta, ApiKeyScopes.RECORDS_SECRETS_READ);
        ApiException e = fails(404, () -> records.secrets("vault", acmeRecord, null, betaKey));
        assertThat(e.getMessage()).isEqualTo("Record not found").doesNotContain("acme-secret");
        fails(404, () -> records.secrets("vault", acmeRecord, "token", betaKey));
        // beta's own record is readable by beta's key and not by acme's
        String betaRecord = create("vault", RecordsResourceTest.as(new Principal("u-bob", "bob@beta.test", beta, "user", "jwt")),
                "token", "beta-secret");
        assertThat(data("vault", betaRecord, null, betaKey)).containsEntry("token", "beta-secret");
        fails(404, () -> records.secrets("vault", betaRecord, null, acmeKey));
        fails(404, () -> records.secrets("vault", "00000000-0000-0000-0000-00000000abcd", null, acmeKey));
        assertThat(fails(404, () -> records.secrets("no_such_collection", acmeRecord, null, acmeKey)).getMessage())
                .isEqualTo("Collection 'no_such_collection' not found");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theFieldsParameterNamesEncryptedFieldsOnly(DatabaseKind kind) throws Exception {
        setUp(kind);
        String id = create("vault", alice, "token", "s3cret", "label", "x");
        for (String bad : List.of("label", "nope", "id", "token,label", "Token", " , ")) {
            assertThat(fails(400, () -> records.secrets("vault", id, bad, acmeKey)).error()).as(bad).isEqualTo("Invalid fields");
        }
        String many = IntStream.rangeClosed(1, 21).mapToObj(i -> "token" + i).collect(Collectors.joining(","));
        assertThat(fails(400, () -> records.secrets("vault", id, many, acmeKey)).getMessage()).contains("at most 20");

        // more than 20 encrypted fields: all of them only when named, 20 at a time
        List<Map<String, Object>> fields = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            fields.add(field("s" + i, "text", "encrypted", true));
        }
        vault("wide", "", "*", fields);
        Object[] values = new Object[42];
        for (int i = 1; i <= 21; i++) {
            values[2 * i - 2] = "s" + i;
            values[2 * i - 1] = "v" + i;
        }
        String wide = create("wide", alice, values);
        assertThat(fails(400, () -> records.secrets("wide", wide, null, acmeKey)).getMessage()).contains("21 encrypted fields");
        String twenty = IntStream.rangeClosed(2, 21).mapToObj(i -> "s" + i).collect(Collectors.joining(","));
        Map<String, Object> revealed = data("wide", wide, twenty, acmeKey);
        assertThat(revealed).hasSize(20).containsEntry("s21", "v21").doesNotContainKey("s1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theViewRuleAndViewFieldsStillApply(DatabaseKind kind) throws Exception {
        setUp(kind);
        vault("ruled", "label = 'open'", "[\"label\", \"doc\"]", List.of(field("token", "text", "encrypted", true),
                field("doc", "json", "encrypted", true), field("label", "text")));
        String open = create("ruled", alice, "token", "t1", "doc", List.of(1, 2), "label", "open");
        String closed = create("ruled", alice, "token", "t2", "doc", List.of(3), "label", "closed");
        // token is outside view_fields: left out when all are asked for, refused when named
        assertThat(data("ruled", open, null, acmeKey)).containsOnlyKeys("doc").containsEntry("doc", List.of(1, 2));
        fails(403, () -> records.secrets("ruled", open, "token", acmeKey));
        // a row the view rule hides is not found
        fails(404, () -> records.secrets("ruled", closed, null, acmeKey));
        // a locked view rule refuses everyone
        Map<String, Object> locked = new HashMap<>(Map.of("name", "locked", "fields", List.of(field("token", "text", "encrypted", true)),
                "list_rule", "", "create_rule", "", "update_rule", "", "delete_rule", ""));
        locked.put("view_rule", null);
        collections.create(locked, root);
        String hidden = create("locked", alice, "token", "t3");
        assertThat(fails(403, () -> records.secrets("locked", hidden, null, acmeKey)).getMessage()).contains("locked");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aValueThatDoesNotDecryptIsAConflictWithoutTheValue(DatabaseKind kind) throws Exception {
        setUp(kind);
        String id = create("vault", alice, "token", "s3cret");
        f.w.records.cipher(FieldCipher.of("ab".repeat(32)));
        ApiException wrongKey = fails(409, () -> records.secrets("vault", id, null, acmeKey));
        assertThat(wrongKey.getMessage()).contains("token").doesNotContain("s3cret").doesNotContain("enc:v1:");
        f.w.records.cipher(FieldCipher.none());
        assertThat(fails(409, () -> records.secrets("vault", id, null, acmeKey)).getMessage()).contains("no usable encryption key");
    }
}
