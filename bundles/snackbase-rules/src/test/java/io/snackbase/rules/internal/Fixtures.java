package io.snackbase.rules.internal;

import io.snackbase.api.context.Principal;
import io.snackbase.api.rules.FieldSchema;
import io.snackbase.api.rules.FieldType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** The schema, callers and clock the rule tests share. */
final class Fixtures {

    static final Clock NOON = Clock.fixed(Instant.parse("2024-05-01T12:30:00Z"), ZoneOffset.UTC);
    static final Principal ALICE = new Principal("u-alice", "alice@example.com", "acc-1", "admin", "jwt",
            java.util.List.of("editors"));
    static final Principal NO_EMAIL = new Principal("u-bob", null, "acc-1", "user", "jwt");

    private Fixtures() {}

    static FieldSchema schema() {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        fields.put("title", FieldType.TEXT);
        fields.put("price", FieldType.NUMBER);
        fields.put("qty", FieldType.INTEGER);
        fields.put("is_active", FieldType.BOOLEAN);
        fields.put("published", FieldType.DATE);
        fields.put("due", FieldType.DATETIME);
        fields.put("meta", FieldType.JSON);
        fields.put("author", FieldType.REFERENCE);
        fields.put("contact", FieldType.EMAIL);
        fields.put("public", FieldType.BOOLEAN);
        fields.put("owner", FieldType.TEXT);
        return FieldSchema.of(fields);
    }

    static RuleEngineImpl engine() {
        return new RuleEngineImpl(10_000, 64, NOON);
    }
}
