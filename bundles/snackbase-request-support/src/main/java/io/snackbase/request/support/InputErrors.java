package io.snackbase.request.support;

import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import java.util.List;

/** The 422 request-shape errors every resource bundle answers (the contract's canonical validation body). */
public final class InputErrors {

    private InputErrors() {}

    /** @return a 422 for one request-shape problem of a field */
    public static ApiException shape(String field, String message) {
        return ApiException.validation(List.of(new FieldError(field, message, "invalid")));
    }

    /** @return a 422 for a missing required field */
    public static ApiException required(String field) {
        return ApiException.validation(List.of(new FieldError(field, "Field required", "missing")));
    }
}
