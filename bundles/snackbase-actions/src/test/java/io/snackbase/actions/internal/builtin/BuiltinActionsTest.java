package io.snackbase.actions.internal.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.actions.ActionResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltinActionsTest {

    private final BuiltinFakes.Context context = new BuiltinFakes.Context(Map.of("id", "r1", "email", "ann@example.com", "title", "Hi"));

    @Test
    void sendEmailRendersAndSendsAPlainMessage() {
        BuiltinFakes.Mail mail = new BuiltinFakes.Mail();
        ActionResult result = new SendEmailAction(mail).execute(context,
                Map.of("to", "{{record.email}}", "body", "Title: {{record.title}}"));
        assertThat(result.success()).isTrue();
        assertThat(mail.sent).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("ann@example.com");
            assertThat(m.subject()).isEqualTo("Hook notification");
            assertThat(m.textBody()).isEqualTo("Title: Hi");
            assertThat(m.accountId()).isEqualTo(BuiltinFakes.ACCOUNT);
        });
    }

    @Test
    void sendEmailWithATemplateAndItsFailures() {
        BuiltinFakes.Mail mail = new BuiltinFakes.Mail();
        SendEmailAction action = new SendEmailAction(mail);
        assertThat(action.execute(context, Map.of("to", "a@b.c", "template_id", "invitation",
                "variables", Map.of("name", "{{record.title}}"))).success()).isTrue();
        assertThat(mail.templates).containsExactly("invitation:a@b.c:{name=Hi}");
        assertThat(action.execute(context, Map.of("to", "a@b.c", "template_id", "nope")).error()).contains("Unknown mail template 'nope'");
        mail.accept = false;
        assertThat(action.execute(context, Map.of("to", "a@b.c")).error()).isEqualTo("Mail not sent: refused");
        assertThat(action.execute(context, Map.of("to", "{{record.missing}}")).success()).isFalse();
    }

    @Test
    void sendEmailValidation() {
        SendEmailAction action = new SendEmailAction(new BuiltinFakes.Mail());
        assertThat(action.validate(Map.of())).containsExactly("'to' is required");
        assertThat(action.validate(Map.of("to", 5))).containsExactly("'to' must be a string");
        assertThat(action.validate(Map.of("to", " "))).containsExactly("'to' must not be blank");
        assertThat(action.validate(Map.of("to", "x", "variables", "no"))).containsExactly("'variables' must be a map");
        assertThat(action.validate(Map.of("to", "{{record.email}}"))).isEmpty();
    }

    @Test
    void recordActionsCreateUpdateAndDeleteInTheContextsAccount() {
        BuiltinFakes.Records records = new BuiltinFakes.Records();
        ActionResult created = new CreateRecordAction(records).execute(context,
                Map.of("collection", "notes", "data", Map.of("title", "copy of {{record.title}}", "tags", List.of("{{record.id}}"), "n", 3)));
        assertThat(created.success()).isTrue();
        String id = (String) created.data().get("record_id");
        assertThat(records.rows.get("notes").get(id)).containsEntry("title", "copy of Hi").containsEntry("tags", List.of("r1"))
                .containsEntry("n", 3).containsEntry("account_id", BuiltinFakes.ACCOUNT);
        assertThat(records.contexts).allSatisfy(c -> assertThat(c.accountId()).isEqualTo(BuiltinFakes.ACCOUNT));

        BuiltinFakes.Context ofCreated = new BuiltinFakes.Context(Map.of("id", id));
        assertThat(new UpdateRecordAction(records).execute(ofCreated,
                Map.of("collection", "notes", "record_id", "{{record.id}}", "data", Map.of("title", "changed"))).success()).isTrue();
        assertThat(records.rows.get("notes").get(id)).containsEntry("title", "changed").containsEntry("n", 3);
        assertThat(new DeleteRecordAction(records).execute(ofCreated, Map.of("collection", "notes", "record_id", "{{record.id}}")).success()).isTrue();
        assertThat(records.rows.get("notes")).isEmpty();
    }

    @Test
    void recordActionsReportTheRecordPathsErrors() {
        BuiltinFakes.Records records = new BuiltinFakes.Records();
        Map<String, Object> other = new LinkedHashMap<>(Map.of("id", "x1", "account_id", "acc-2"));
        records.rows.put("notes", new LinkedHashMap<>(Map.of("x1", other)));
        assertThat(new UpdateRecordAction(records).execute(context, Map.of("collection", "notes", "record_id", "x1", "data", Map.of())).error())
                .isEqualTo("404 Record not found");
        assertThat(new DeleteRecordAction(records).execute(context, Map.of("collection", "notes", "record_id", "x1")).error())
                .isEqualTo("404 Record not found");
        assertThat(records.rows.get("notes")).containsKey("x1");
        assertThat(new DeleteRecordAction(records).execute(new BuiltinFakes.Context(Map.of("blank", "")),
                Map.of("collection", "notes", "record_id", "{{record.blank}}")).error())
                .contains("rendered empty");
    }

    @Test
    void recordActionValidation() {
        BuiltinFakes.Records records = new BuiltinFakes.Records();
        assertThat(new CreateRecordAction(records).validate(Map.of("collection", "notes"))).containsExactly("'data' is required");
        assertThat(new CreateRecordAction(records).validate(Map.of("collection", "", "data", Map.of()))).containsExactly("'collection' must not be blank");
        assertThat(new UpdateRecordAction(records).validate(Map.of("collection", "notes", "data", Map.of())))
                .containsExactly("'record_id' is required");
        assertThat(new DeleteRecordAction(records).validate(Map.of("record_id", 1))).containsExactly("'collection' is required",
                "'record_id' must be a string");
    }

    @Test
    void enqueueJobUsesTheTopicAndTheRenderedPayloadForTheAccount() {
        BuiltinFakes.Jobs jobs = new BuiltinFakes.Jobs();
        EnqueueJobAction action = new EnqueueJobAction(jobs);
        ActionResult result = action.execute(context, Map.of("handler", "acme.reports", "payload", Map.of("note", "{{record.id}}")));
        assertThat(result.data()).containsEntry("job_id", "job-1");
        assertThat(jobs.enqueued).singleElement().satisfies(j -> {
            assertThat(j.topic()).isEqualTo("acme.reports");
            assertThat(j.payload()).isEqualTo(Map.of("note", "r1"));
            assertThat(j.accountId()).isEqualTo(BuiltinFakes.ACCOUNT);
            assertThat(j.createdBy()).isEqualTo("user-1");
        });
        assertThat(action.validate(Map.of("handler", "Bad Topic!"))).singleElement().asString().contains("must be a job topic");
        assertThat(action.validate(Map.of())).containsExactly("'handler' is required");
        assertThat(action.validate(Map.of("handler", "send_email", "payload", List.of()))).containsExactly("'payload' must be a map");
    }
}
