package io.snackbase.jobs.internal;

import io.snackbase.api.jobs.JobHandler;
import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationSource;
import io.snackbase.whiteboard.support.Registration;
import io.snackbase.whiteboard.support.RegistrationTracker;
import io.snackbase.whiteboard.support.ServiceLocator;
import io.snackbase.whiteboard.support.ServiceProperties;
import io.snackbase.api.jobs.JobConstants;
import io.snackbase.whiteboard.support.Selection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Owns the whiteboard of job handlers: validation, one winner per topic, and lookup by topic. */
@Component(service = {JobHandlerRegistry.class, RegistrationSource.class})
public class JobHandlerRegistry implements RegistrationSource {

    static final String KIND = "job_handler";
    static final String HANDLER_REFERENCE = "jobHandler";
    private static final Logger LOG = LoggerFactory.getLogger(JobHandlerRegistry.class);

    private final RegistrationTracker<JobHandler, String> topics = new RegistrationTracker<>(KIND);
    private volatile ServiceLocator<JobHandler> locator;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** For DS: completed by {@link #activate}. */
    public JobHandlerRegistry() {}

    /** For tests outside OSGi. */
    JobHandlerRegistry(ServiceLocator<JobHandler> locator) {
        this.locator = locator;
    }

    @Activate
    void activate(ComponentContext context) {
        locator = reference -> context.locateService(HANDLER_REFERENCE, reference);
    }

    @Reference(
            name = HANDLER_REFERENCE,
            service = JobHandler.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            updated = "updatedJobHandler",
            unbind = "unbindJobHandler")
    void bindJobHandler(ServiceReference<JobHandler> reference) {
        Registration<JobHandler, String> registration = JobProperties.registration(reference);
        topics.put(registration);
        // A topic may have gained its first handler: its waiting jobs can now be claimed.
        listeners.forEach(Runnable::run);
    }

    void updatedJobHandler(ServiceReference<JobHandler> reference) {
        bindJobHandler(reference);
    }

    void unbindJobHandler(ServiceReference<JobHandler> reference) {
        topics.remove(reference);
        // A schedule may have lost its handler.
        listeners.forEach(Runnable::run);
    }

    /**
     * @return the topics that have a valid handler now: the workers claim only jobs of these, so
     *     that a job whose handler is not (yet) registered waits instead of failing
     */
    Set<String> topics() {
        return topics.selection().keys();
    }

    /**
     * @return topic to cron of the handlers with a {@value JobConstants#JOB_SCHEDULE} that win their
     *     first topic (the one the schedule enqueues), sorted by topic
     */
    public Map<String, String> schedules() {
        Selection<JobHandler, String> selection = topics.selection();
        Map<String, String> schedules = new TreeMap<>();
        for (String topic : selection.keys()) {
            selection.winner(topic).filter(winner -> winner.keys().get(0).equals(topic)).ifPresent(winner -> {
                Object cron = winner.service().reference().getProperty(JobConstants.JOB_SCHEDULE);
                if (cron instanceof String text && !text.isBlank()) {
                    schedules.put(topic, text.trim());
                }
            });
        }
        return schedules;
    }

    /** Runs {@code listener} (on the registering thread, so it must be quick) whenever a handler is added, changed or removed. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /**
     * @param topic a job's topic, matched exactly
     * @return the winner of the topic, or the next candidate while the winner is being
     *     unregistered; empty when no valid handler names the topic
     */
    Optional<JobHandler> handlerFor(String topic) {
        ServiceLocator<JobHandler> current = locator;
        return topics.selection().locate(topic, reference -> {
            try {
                return current.locate(reference);
            } catch (RuntimeException e) {
                // A service factory that cannot produce the handler: behave as if it were gone.
                LOG.warn("Job handler for '{}' of {}/{} could not be obtained", topic,
                        ServiceProperties.bundleName(reference), ServiceProperties.serviceId(reference), e);
                return null;
            }
        });
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<RegistrationDTO> registrations() {
        return topics.selection().toDTOs();
    }
}
