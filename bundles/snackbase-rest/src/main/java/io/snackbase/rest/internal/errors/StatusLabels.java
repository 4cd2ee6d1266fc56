package io.snackbase.rest.internal.errors;

import jakarta.ws.rs.core.Response;

/** Short labels ("Not Found") for HTTP statuses, including those Jakarta REST 3.1 lacks. */
final class StatusLabels {

    private StatusLabels() {}

    /**
     * @param status a status as carried by a response
     * @return its standard reason phrase, never blank
     */
    static String of(Response.StatusType status) {
        Response.Status known = Response.Status.fromStatusCode(status.getStatusCode());
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status.getStatusCode()) {
            case 422 -> "Unprocessable Entity";
            default -> {
                String phrase = status.getReasonPhrase();
                yield phrase == null || phrase.isBlank() ? "Error" : phrase;
            }
        };
    }
}
