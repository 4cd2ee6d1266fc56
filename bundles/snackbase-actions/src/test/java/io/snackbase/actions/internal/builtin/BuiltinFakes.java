package io.snackbase.actions.internal.builtin;

import io.snackbase.api.actions.ActionContext;
import io.snackbase.api.context.Principal;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.jobs.JobQueue;
import io.snackbase.api.jobs.JobRequest;
import io.snackbase.api.mail.MailDelivery;
import io.snackbase.api.mail.MailMessage;
import io.snackbase.api.mail.MailService;
import io.snackbase.api.records.RecordOperations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** In-memory stand-ins for the services the built-in actions call, and a context that renders {{record.x}}. */
final class BuiltinFakes {

    private BuiltinFakes() {}

    static final String ACCOUNT = "acc-1";

    /** A context of account {@link #ACCOUNT} whose render replaces {{record.<field>}} from the record. */
    record Context(Map<String, Object> record) implements ActionContext {
        @Override
        public RequestContext request() {
            return new RequestContext(new Principal("user-1", "u@example.com", ACCOUNT, null, "system"), ACCOUNT, "req", null, null);
        }

        @Override
        public String event() {
            return "manual";
        }

        @Override
        public Map<String, Object> variables() {
            return Map.of("record", record);
        }

        @Override
        public int depth() {
            return 0;
        }

        @Override
        public String render(String template) {
            String out = template;
            for (Map.Entry<String, Object> e : record.entrySet()) {
                out = out.replace("{{record." + e.getKey() + "}}", String.valueOf(e.getValue()));
            }
            return out;
        }
    }

    /** Keeps what was sent; {@code accept} decides whether the transport takes it. */
    static final class Mail implements MailService {
        final List<MailMessage> sent = new ArrayList<>();
        final List<String> templates = new ArrayList<>();
        boolean accept = true;

        @Override
        public MailDelivery sendTemplate(String templateType, String to, Map<String, String> variables, RequestContext context) {
            if (!"invitation".equals(templateType)) {
                throw new IllegalArgumentException("unknown template");
            }
            templates.add(templateType + ":" + to + ":" + variables);
            return new MailDelivery(accept, "log", accept ? null : "refused");
        }

        @Override
        public MailDelivery send(MailMessage message, RequestContext context) {
            sent.add(message);
            return new MailDelivery(accept, "log", accept ? null : "refused");
        }
    }

    /** Records of one account, keyed by collection then id; other accounts' ids are 404 as on the record path. */
    static final class Records implements RecordOperations {
        final Map<String, Map<String, Map<String, Object>>> rows = new LinkedHashMap<>();
        final List<RequestContext> contexts = new ArrayList<>();

        @Override
        public Map<String, Object> create(String collection, Map<String, Object> data, RequestContext context) {
            contexts.add(context);
            Map<String, Object> row = new LinkedHashMap<>(data);
            row.put("id", UUID.randomUUID().toString());
            row.put("account_id", context.accountId());
            rows.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put((String) row.get("id"), row);
            return row;
        }

        @Override
        public Map<String, Object> update(String collection, String id, Map<String, Object> data, boolean partial, RequestContext context) {
            contexts.add(context);
            Map<String, Object> row = find(collection, id, context);
            row.putAll(data);
            return row;
        }

        @Override
        public void delete(String collection, String id, RequestContext context) {
            contexts.add(context);
            find(collection, id, context);
            rows.get(collection).remove(id);
        }

        @Override
        public Optional<Map<String, Object>> get(String collection, String id, RequestContext context) {
            try {
                return Optional.of(find(collection, id, context));
            } catch (ApiException e) {
                return Optional.empty();
            }
        }

        private Map<String, Object> find(String collection, String id, RequestContext context) {
            Map<String, Object> row = rows.getOrDefault(collection, Map.of()).get(id);
            if (row == null || !context.accountId().equals(row.get("account_id"))) {
                throw ApiException.notFound("Record not found");
            }
            return row;
        }
    }

    /** Keeps the requests. */
    static final class Jobs implements JobQueue {
        final List<JobRequest> enqueued = new ArrayList<>();

        @Override
        public String enqueue(JobRequest request) {
            enqueued.add(request);
            return "job-" + enqueued.size();
        }
    }
}
