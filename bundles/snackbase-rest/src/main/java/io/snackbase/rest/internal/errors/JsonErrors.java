package io.snackbase.rest.internal.errors;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamWriteException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import java.util.List;

/** Tells a client's malformed JSON body apart from a server-side Jackson failure, and words it. */
public final class JsonErrors {

    private static final int MAX_REASON = 200;

    private JsonErrors() {}

    /**
     * A Jackson exception is the client's fault when it arose while reading input. Writing a
     * response and a broken DTO definition are server faults and must stay 5xx.
     *
     * @param e a Jackson exception
     * @return true when the request body was at fault
     */
    public static boolean isClientInput(JsonProcessingException e) {
        if (e instanceof InvalidDefinitionException || e instanceof StreamWriteException) {
            return false;
        }
        if (e instanceof JsonMappingException mapping) {
            return !(mapping.getProcessor() instanceof JsonGenerator);
        }
        return true;
    }

    /**
     * @param e a client input error
     * @return the 422 validation error for it, with field "body" and code "invalid_json"
     */
    public static ApiException malformedBody(JsonProcessingException e) {
        String message = "Malformed JSON body: " + reason(e);
        return ApiException.validation(List.of(new FieldError("body", message, "invalid_json")));
    }

    /**
     * Jackson's own text without the source excerpt it appends, on one line and bounded, plus
     * the position, so that the client learns what is wrong but sees no internals.
     */
    static String reason(JsonProcessingException e) {
        String text = e.getOriginalMessage();
        if (text == null || text.isBlank()) {
            text = "invalid JSON";
        }
        int newline = text.indexOf('\n');
        if (newline >= 0) {
            text = text.substring(0, newline);
        }
        if (text.length() > MAX_REASON) {
            text = text.substring(0, MAX_REASON) + "...";
        }
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            text += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return text;
    }
}
