package io.snackbase.actions.internal.builtin;

import io.snackbase.api.actions.ActionConstants;
import io.snackbase.api.actions.ActionContext;
import io.snackbase.api.actions.ActionResult;
import io.snackbase.api.actions.ActionType;
import io.snackbase.api.actions.SnackbaseActionType;
import io.snackbase.api.config.ConfigProperty;
import io.snackbase.api.config.ConfigPropertyType;
import io.snackbase.api.jobs.JobQueue;
import io.snackbase.api.jobs.JobRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.propertytypes.ServiceRanking;

/**
 * The built-in {@code enqueue_job}: a job of topic {@code handler} on the default queue, for the
 * hook's account, with the rendered {@code payload}. The handler name is checked when the hook is
 * saved, not rendered: it names code, never data.
 */
@Component(service = ActionType.class)
@SnackbaseActionType(type = "enqueue_job", label = "Enqueue a background job")
@ServiceRanking(ActionConstants.BUILTIN_RANKING)
public class EnqueueJobAction implements ActionType {

    /** The job topic rule of {@code snackbase.job.topics}. */
    static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    private final JobQueue jobs;

    @Activate
    public EnqueueJobAction(@Reference JobQueue jobs) {
        this.jobs = jobs;
    }

    @Override
    public List<ConfigProperty> configProperties() {
        return List.of(
                ConfigProperty.requiredString("handler", "Handler", "The job topic, e.g. acme.reports.nightly."),
                new ConfigProperty("payload", "Payload", "The job's payload; strings may use {{variables}}.",
                        ConfigPropertyType.MAP, false, false, null, List.of()));
    }

    @Override
    public List<String> validate(Map<String, Object> config) {
        List<String> problems = new ArrayList<>(ActionType.super.validate(config));
        if (config.get("handler") instanceof String handler && (handler.length() > 100 || !TOPIC.matcher(handler).matches())) {
            problems.add("'handler' must be a job topic: dot-separated lowercase segments of letters, digits and _ "
                    + "(at most 100 characters)");
        }
        return problems;
    }

    @Override
    public ActionResult execute(ActionContext context, Map<String, Object> config) {
        String handler = String.valueOf(config.get("handler"));
        JobRequest request = JobRequest.of(handler, Rendering.map(context, config, "payload"))
                .withAccount(context.accountId(), context.request().principal().userId());
        return ActionResult.ok(Map.of("job_id", jobs.enqueue(request), "handler", handler));
    }
}
