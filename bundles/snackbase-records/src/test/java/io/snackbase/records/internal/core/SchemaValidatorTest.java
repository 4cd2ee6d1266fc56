package io.snackbase.records.internal.core;

import static io.snackbase.records.internal.RecordsFixture.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.collections.FieldDefinition;
import io.snackbase.api.collections.FieldType;
import io.snackbase.api.collections.ReferenceAction;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule and error code of a collection name and a field list. */
class SchemaValidatorTest {

    private static List<FieldError> problems(Object fields) {
        return SchemaValidator.fields(fields, n -> n.equalsIgnoreCase("users"), "posts").problems();
    }

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of(null, "name_required"),
                Arguments.of("", "name_required"),
                Arguments.of("ab", "name_too_short"),
                Arguments.of("a".repeat(65), "name_too_long"),
                Arguments.of("1posts", "name_invalid_format"),
                Arguments.of("x; DROP TABLE accounts", "name_invalid_format"),
                Arguments.of("pöst", "name_invalid_format"),
                Arguments.of("my-posts", "name_invalid_format"),
                Arguments.of("_posts", "name_invalid_format"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("names")
    void refusesBadCollectionNames(String name, String code) {
        assertThat(SchemaValidator.checkName(name)).extracting(FieldError::code).containsExactly(code);
        assertThat(SchemaValidator.checkName(name)).extracting(FieldError::field).containsExactly("name");
    }

    @Test
    void acceptsNamesOfThreeToSixtyFourCharacters() {
        assertThat(SchemaValidator.checkName("abc")).isEmpty();
        assertThat(SchemaValidator.checkName("A" + "b_1".repeat(21))).isEmpty();
    }

    static Stream<Arguments> fieldProblems() {
        return Stream.of(
                Arguments.of(field(null, "text"), "schema[0].name", "field_name_required"),
                Arguments.of(field("", "text"), "schema[0].name", "field_name_required"),
                Arguments.of(field("a".repeat(65), "text"), "schema[0].name", "field_name_too_long"),
                Arguments.of(field("9lives", "text"), "schema[0].name", "field_name_invalid_format"),
                Arguments.of(field("x; DROP TABLE y", "text"), "schema[0].name", "field_name_invalid_format"),
                Arguments.of(field("tïtle", "text"), "schema[0].name", "field_name_invalid_format"),
                Arguments.of(field("ID", "text"), "schema[0].name", "field_name_reserved"),
                Arguments.of(field("Account_Id", "text"), "schema[0].name", "field_name_reserved"),
                Arguments.of(field("created_by", "text"), "schema[0].name", "field_name_reserved"),
                Arguments.of(field("title", null), "schema[0].type", "field_type_required"),
                Arguments.of(field("title", "select"), "schema[0].type", "field_type_invalid"),
                Arguments.of(field("author", "reference", "on_delete", "cascade"), "schema[0].collection", "reference_collection_required"),
                Arguments.of(field("author", "reference", "collection", "nope", "on_delete", "cascade"), "schema[0].collection",
                        "reference_collection_not_found"),
                Arguments.of(field("author", "reference", "collection", "users"), "schema[0].on_delete", "reference_on_delete_required"),
                Arguments.of(field("author", "reference", "collection", "users", "on_delete", "nullify"), "schema[0].on_delete",
                        "reference_on_delete_invalid"),
                Arguments.of(field("ssn", "text", "mask_type", "ssn"), "schema[0].mask_type", "mask_type_requires_pii"),
                Arguments.of(field("ssn", "text", "pii", true, "mask_type", "blur"), "schema[0].mask_type", "mask_type_invalid"),
                Arguments.of(field("total", "computed", "expression", "a + b", "return_type", "number", "required", true),
                        "schema[0].required", "computed_field_no_required"),
                Arguments.of(field("total", "computed", "expression", "a + b", "return_type", "number", "default", 1),
                        "schema[0].default", "computed_field_no_default"),
                Arguments.of(field("total", "computed", "expression", "a + b", "return_type", "number", "unique", true),
                        "schema[0].unique", "computed_field_no_unique"),
                Arguments.of(field("total", "computed", "return_type", "number"), "schema[0].expression", "computed_field_expression_required"),
                Arguments.of(field("total", "computed", "expression", " ", "return_type", "number"), "schema[0].expression",
                        "computed_field_expression_required"),
                Arguments.of(field("total", "computed", "expression", "a + b"), "schema[0].return_type", "computed_field_return_type_required"),
                Arguments.of(field("total", "computed", "expression", "a + b", "return_type", "json"), "schema[0].return_type",
                        "computed_field_return_type_invalid"),
                Arguments.of(field("n", "number", "encrypted", true), "schema[0].encrypted", "encrypted_type_invalid"),
                Arguments.of(field("secret", "text", "encrypted", true, "unique", true), "schema[0].unique", "encrypted_field_no_unique"),
                Arguments.of(field("secret", "text", "encrypted", true, "default", "x"), "schema[0].default", "encrypted_field_no_default"),
                Arguments.of(field("n", "number", "default", "ten"), "schema[0].default", "default_invalid"),
                Arguments.of(field("d", "date", "default", "2024-13-01"), "schema[0].default", "default_invalid"),
                Arguments.of(field("t", "datetime", "default", "yesterday"), "schema[0].default", "default_invalid"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("fieldProblems")
    void reportsEachFieldProblemWithItsPathAndCode(Map<String, Object> f, String path, String code) {
        assertThat(problems(List.of(f))).extracting(FieldError::field, FieldError::code).containsExactly(org.assertj.core.groups.Tuple.tuple(path, code));
    }

    @Test
    void emptySchemaAndTooManyComputedFields() {
        assertThat(problems(List.of())).extracting(FieldError::code).containsExactly("schema_empty");
        List<Object> fields = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            fields.add(field("c" + i, "computed", "expression", "1", "return_type", "number"));
        }
        assertThat(problems(fields)).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("schema", "too_many_computed_fields"));
        assertThat(problems(fields.subList(0, 10))).isEmpty();
    }

    @Test
    void duplicatesAreFoundWithoutRegardToCaseAndAllProblemsAtOnce() {
        List<FieldError> found = problems(List.of(field("Title", "text"), field("title", "TEXT"), field("id", "bogus")));
        assertThat(found).extracting(FieldError::field, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("schema[1].name", "field_name_duplicate"),
                org.assertj.core.groups.Tuple.tuple("schema[2].name", "field_name_reserved"),
                org.assertj.core.groups.Tuple.tuple("schema[2].type", "field_type_invalid"));
        // names that agree on PostgreSQL's first 63 characters would be one column there
        assertThat(problems(List.of(field("a".repeat(63) + "x", "text"), field("a".repeat(63) + "y", "text"))))
                .extracting(FieldError::code).containsExactly("field_name_duplicate");
    }

    @Test
    void typesAreLowerCasedAndPropertiesKeptPerType() {
        var result = SchemaValidator.fields(List.of(
                field("Title", "TEXT", "required", true, "default", "x", "unique", true, "pii", true, "mask_type", "name",
                        "expression", "ignored", "collection", "ignored"),
                field("author", "Reference", "collection", "USERS", "on_delete", "SET_NULL"),
                field("self", "reference", "collection", "Posts", "on_delete", "restrict"),
                field("total", "computed", "expression", "a + b", "return_type", "Number"),
                field("secret", "json", "encrypted", true, "options", Map.of("k", List.of(1)))), n -> n.equalsIgnoreCase("users"), "posts");
        assertThat(result.problems()).isEmpty();
        List<FieldDefinition> f = result.fields();
        assertThat(f.get(0)).isEqualTo(new FieldDefinition("Title", FieldType.TEXT, true, "x", true, null, null, null, true, "name", null, null, false));
        assertThat(f.get(1).onDelete()).isEqualTo(ReferenceAction.SET_NULL);
        assertThat(f.get(1).collection()).isEqualTo("USERS");
        assertThat(f.get(2).collection()).isEqualTo("Posts");
        assertThat(f.get(3).returnType()).isEqualTo(FieldType.NUMBER);
        assertThat(f.get(3).isVirtual()).isTrue();
        assertThat(f.get(4).encrypted()).isTrue();
        assertThatThrownBy(() -> ((Map<String, Object>) f.get(4).options()).put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void wrongJsonTypesAre422() {
        assertThatThrownBy(() -> problems("title")).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThatThrownBy(() -> problems(List.of("title"))).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThatThrownBy(() -> problems(List.of(field("t", "text", "required", "yes"))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.extras()).containsEntry("field", "schema[0].required"));
        assertThatThrownBy(() -> problems(List.of(Map.of("name", 7, "type", "text"))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
    }

    private static List<FieldDefinition> valid(Object... fields) {
        return SchemaValidator.fields(List.of(fields), n -> true, "posts").fields();
    }

    @Test
    void updatesRefuseRemovalTypeChangeAndPhysicalChanges() {
        List<FieldDefinition> old = valid(field("title", "text"), field("author", "reference", "collection", "users", "on_delete", "cascade"),
                field("secret", "text", "encrypted", true));
        assertThat(SchemaValidator.changes(old, valid(field("title", "text"), field("secret", "text", "encrypted", true),
                field("author", "reference", "collection", "users", "on_delete", "cascade"))).problems()).isEmpty();

        assertThat(SchemaValidator.changes(old, valid(field("title", "text"), field("secret", "text", "encrypted", true))).problems())
                .extracting(FieldError::field, FieldError::message, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("author", "Field deletion is not allowed for data safety", "field_deletion_not_allowed"));
        assertThat(SchemaValidator.changes(old, valid(field("title", "number"), field("secret", "text", "encrypted", true),
                field("author", "reference", "collection", "users", "on_delete", "cascade"))).problems())
                .extracting(FieldError::field, FieldError::message, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("schema[0].type", "Type change from 'text' to 'number' is not allowed for data safety",
                        "type_change_not_allowed"));
        assertThat(SchemaValidator.changes(old, valid(field("title", "text"), field("secret", "text"),
                field("author", "reference", "collection", "users", "on_delete", "restrict"))).problems())
                .extracting(FieldError::code).containsExactly("encryption_change_not_allowed", "reference_change_not_allowed");
    }

    @Test
    void updatesMatchFieldsWithoutRegardToCaseAndKeepTheStoredSpelling() {
        List<FieldDefinition> old = valid(field("Title", "text"));
        var next = SchemaValidator.changes(old, valid(field("TITLE", "text", "required", true), field("body", "text")));
        assertThat(next.problems()).isEmpty();
        assertThat(next.fields()).extracting(FieldDefinition::name).containsExactly("Title", "body");
        assertThat(next.fields().get(0).required()).isTrue();
    }
}
