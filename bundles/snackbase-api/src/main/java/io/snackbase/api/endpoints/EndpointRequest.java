package io.snackbase.api.endpoints;

import io.snackbase.api.context.RequestContext;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** One call of a custom endpoint, as its handler sees it. Thread-confined to the call. */
@ProviderType
public interface EndpointRequest {

    /** @return the tenant and the authenticated caller */
    RequestContext context();

    /** @return the HTTP method, upper case */
    String method();

    /** @return the path below the account segment, starting with {@code /} */
    String path();

    /** @return the values of the {@code {name}} segments of the registered path */
    Map<String, String> pathParameters();

    /** @return the query parameters */
    Map<String, List<String>> queryParameters();

    /** @return the request headers, names in lower case */
    Map<String, List<String>> headers();

    /** @return the JSON body parsed into maps, lists and scalars, or null when there is none */
    Object body();
}
