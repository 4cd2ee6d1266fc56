package io.snackbase.hooks.internal;

import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.hooks.HookEvents;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the semantics of one dispatch, as the LifecycleHookHandler contract states them: data
 * replacement and aborts for before events, errors recorded, stop-on-error and time limits.
 */
final class HookChain {

    static final int FAILED_STATUS = 500;
    static final String FAILED_MESSAGE = "Hook handler failed";
    static final int TIMEOUT_STATUS = 503;
    static final String TIMEOUT_MESSAGE = "A hook handler did not finish in time";
    static final String INTERRUPTED_MESSAGE = "Hook dispatch was interrupted";

    private static final Logger LOG = LoggerFactory.getLogger(HookChain.class);

    private HookChain() {}

    /**
     * @param event the event as fired
     * @param context the tenant and caller
     * @param handlers the active registrations in dispatch order (non-matching ones are skipped)
     * @param caller calls one handler
     */
    static HookDispatchResult run(HookEvent event, HookContext context, List<HookRegistration> handlers, HandlerCaller caller) {
        boolean before = HookEvents.isBefore(event.name());
        HookEvent current = event;
        int run = 0;
        List<String> errors = new ArrayList<>();
        for (HookRegistration registration : handlers) {
            if (!registration.matches(event.name(), event.collection())) {
                continue;
            }
            CallOutcome outcome = caller.call(registration, current, context);
            if (outcome instanceof CallOutcome.Skipped) {
                LOG.debug("Hook handler {} left before {} reached it", registration.label(), event.name());
                continue;
            }
            run++;
            if (outcome instanceof CallOutcome.Returned returned) {
                if (before && returned.data() != null) {
                    current = current.withData(returned.data());
                }
            } else if (outcome instanceof CallOutcome.Aborted aborted) {
                String message = aborted.abort().getMessage();
                if (before) {
                    LOG.debug("Hook handler {} aborted {} with {}: {}", registration.label(), event.name(),
                            aborted.abort().status(), message);
                    return new HookDispatchResult(current.data(), run, true, aborted.abort().status(), message, errors);
                }
                LOG.warn("Hook handler {} aborted the after event {}, which cannot be aborted: {}",
                        registration.label(), event.name(), message);
                errors.add(registration.label() + ": abort ignored in an after event: " + message);
            } else if (outcome instanceof CallOutcome.Failed failed) {
                LOG.warn("Hook handler {} failed on {}", registration.label(), event.name(), failed.failure());
                errors.add(registration.label() + ": " + describe(failed.failure()));
                if (registration.stopOnError()) {
                    if (before) {
                        // The handler crashed: a genuine server fault, not the client's.
                        return new HookDispatchResult(current.data(), run, true, FAILED_STATUS, FAILED_MESSAGE, errors);
                    }
                    break;
                }
            } else if (outcome instanceof CallOutcome.Abandoned abandoned) {
                LOG.warn("Hook handler {} on {}: {}", registration.label(), event.name(), abandoned.reason());
                errors.add(registration.label() + ": " + abandoned.reason());
                // In a transaction the abandoned handler may still write: the caller must roll back.
                if (before && (abandoned.inTransaction() || abandoned.interrupted() || registration.stopOnError())) {
                    String message = abandoned.interrupted() ? INTERRUPTED_MESSAGE : TIMEOUT_MESSAGE;
                    return new HookDispatchResult(current.data(), run, true, TIMEOUT_STATUS, message, errors);
                }
                if (abandoned.interrupted() || registration.stopOnError()) {
                    break;
                }
            }
        }
        return new HookDispatchResult(before ? current.data() : event.data(), run, false, 0, null, errors);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getName() : message;
    }
}
