package io.snackbase.api.hooks;

import java.util.List;
import java.util.Map;

/**
 * What a dispatch did. Immutable.
 *
 * @param data the event data after every handler ran (the input when none replaced it)
 * @param handlersRun how many handlers were called
 * @param aborted whether a before-event handler aborted (or a stop-on-error handler failed, or a
 *     handler timed out inside a transaction); the operation must not go on
 * @param abortStatus the HTTP status of the abort, or 0
 * @param abortMessage the message of the abort, or null
 * @param errors one line per handler that failed without aborting ("bundle/service id: message")
 */
public record HookDispatchResult(
        Map<String, Object> data, int handlersRun, boolean aborted, int abortStatus, String abortMessage, List<String> errors) {

    public HookDispatchResult {
        data = data == null ? Map.of() : data;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
