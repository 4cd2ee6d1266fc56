package io.snackbase.api.actions;

import io.snackbase.api.errors.ApiException;

/** No action type is registered under the id: a 400 for an HTTP caller, never a 5xx. */
public class UnknownActionTypeException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** @param type the id that was asked for */
    public UnknownActionTypeException(String type) {
        super(400, "Bad Request", "Unknown action type '" + type + "'");
    }
}
