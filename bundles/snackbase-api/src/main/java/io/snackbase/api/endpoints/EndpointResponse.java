package io.snackbase.api.endpoints;

import java.util.Map;

/**
 * What a custom endpoint answers. Immutable.
 *
 * @param status the HTTP status
 * @param headers extra response headers
 * @param body a JSON-serialisable value (maps, lists, scalars, records), or null for no body
 */
public record EndpointResponse(int status, Map<String, String> headers, Object body) {

    public EndpointResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** @return a 200 with a JSON body */
    public static EndpointResponse ok(Object body) {
        return new EndpointResponse(200, Map.of(), body);
    }
}
