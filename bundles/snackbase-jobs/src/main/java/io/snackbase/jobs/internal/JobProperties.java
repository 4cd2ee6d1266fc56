package io.snackbase.jobs.internal;

import io.snackbase.api.jobs.JobConstants;
import io.snackbase.api.jobs.JobHandler;
import io.snackbase.whiteboard.support.RankedService;
import io.snackbase.whiteboard.support.Registration;
import io.snackbase.whiteboard.support.ServiceProperties;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.osgi.framework.ServiceReference;

/** Owns the rules of a job handler's service properties and turns a handler service into a registration. */
final class JobProperties {

    static final int MAX_TOPIC_LENGTH = 100;
    /** Prefix of the reported key that shows a handler's schedule. */
    static final String SCHEDULE_KEY_PREFIX = "schedule: ";

    static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    private JobProperties() {}

    /**
     * Reads and validates a handler's topics and schedule; it competes for each topic. Reported
     * with its first topic as id and its topics (then {@code schedule: <cron>}) as keys.
     */
    static Registration<JobHandler, String> registration(ServiceReference<JobHandler> reference) {
        RankedService<JobHandler> service = RankedService.of(reference);
        Object topicsValue = reference.getProperty(JobConstants.JOB_TOPICS);
        Object schedule = reference.getProperty(JobConstants.JOB_SCHEDULE);
        List<String> topics = ServiceProperties.strings(topicsValue);
        topics = topics == null ? null : List.copyOf(new LinkedHashSet<>(topics));
        String id = topics == null || topics.isEmpty() ? null : topics.get(0);

        List<String> reported = new ArrayList<>(topics == null ? List.of() : topics);
        // @SnackbaseJob(schedule = "") means no schedule.
        boolean scheduled = schedule != null && !(schedule instanceof String text && text.isBlank());
        if (schedule instanceof String cron && scheduled) {
            reported.add(SCHEDULE_KEY_PREFIX + cron);
        }
        String problem = topicsProblem(topicsValue, topics);
        if (problem == null && scheduled) {
            problem = scheduleProblem(schedule);
        }
        return problem == null
                ? Registration.valid(service, id, reported, topics)
                : Registration.failed(service, id, reported, problem);
    }

    private static String topicsProblem(Object value, List<String> topics) {
        if (topics == null) {
            return JobConstants.JOB_TOPICS + " must be a String or String[], found " + value.getClass().getSimpleName();
        }
        if (topics.isEmpty()) {
            return JobConstants.JOB_TOPICS + " is missing or empty";
        }
        for (String topic : topics) {
            if (topic.equals("*")) {
                return "topic '*' is refused: a job handler names its topics exactly";
            }
            if (topic.length() > MAX_TOPIC_LENGTH) {
                return "topic '" + topic.substring(0, 20) + "...' is longer than " + MAX_TOPIC_LENGTH + " characters";
            }
            if (!TOPIC.matcher(topic).matches()) {
                return "topic '" + topic + "' is malformed: use dot-separated segments of lowercase letters, "
                        + "digits and _, each starting with a letter";
            }
        }
        return null;
    }

    private static String scheduleProblem(Object value) {
        if (!(value instanceof String cron)) {
            return JobConstants.JOB_SCHEDULE + " must be a single String, found " + value.getClass().getSimpleName();
        }
        String problem = CronExpressions.problem(cron);
        return problem == null ? null : JobConstants.JOB_SCHEDULE + " '" + cron + "' is not a valid cron expression: "
                + problem;
    }
}
