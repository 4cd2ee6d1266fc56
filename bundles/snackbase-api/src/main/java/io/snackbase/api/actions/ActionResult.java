package io.snackbase.api.actions;

import java.util.Map;

/**
 * The outcome of one action execution. Immutable.
 *
 * @param success whether the action did what it was configured to do
 * @param data what it produced (a created record's id, a response status), recorded with the
 *     execution; never secrets
 * @param error why it failed, or null on success
 */
public record ActionResult(boolean success, Map<String, Object> data, String error) {

    public ActionResult {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** @return a success without data */
    public static ActionResult ok() {
        return new ActionResult(true, Map.of(), null);
    }

    /** @return a success with data */
    public static ActionResult ok(Map<String, Object> data) {
        return new ActionResult(true, data, null);
    }

    /** @return a failure with its reason */
    public static ActionResult failed(String error) {
        return new ActionResult(false, Map.of(), error);
    }
}
