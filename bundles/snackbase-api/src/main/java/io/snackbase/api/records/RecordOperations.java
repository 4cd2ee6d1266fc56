package io.snackbase.api.records;

import io.snackbase.api.context.RequestContext;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The record path of {@code /api/v1/records/{collection}} for code in process: the same
 * validation, collection rules of the context's principal and account, lifecycle events, audit
 * entries and {@link RecordWriteListener}s as an HTTP call. Hook actions and workflow steps use it
 * so that what they write is governed like what a user writes.
 *
 * <p>Registered by the records bundle with {@code snackbase.impl=default}. Thread-safe. Each write
 * joins the calling thread's transaction when there is one, otherwise it runs in its own.
 * Failures are {@link io.snackbase.api.errors.ApiException}s with the status and message the HTTP
 * route would give (404 for another account's id, 403 for a rule, 422 for validation).
 */
@ProviderType
public interface RecordOperations {

    /**
     * Creates a record in the context's account.
     *
     * @return the created record as the caller may see it
     */
    Map<String, Object> create(String collection, Map<String, Object> data, RequestContext context);

    /**
     * Updates a record: {@code partial} is PATCH semantics (only the given fields), otherwise PUT.
     *
     * @return the updated record as the caller may see it
     */
    Map<String, Object> update(String collection, String id, Map<String, Object> data, boolean partial,
            RequestContext context);

    /** Deletes a record. */
    void delete(String collection, String id, RequestContext context);

    /** Reads a record the context may view; empty when it does not exist or is not visible. */
    Optional<Map<String, Object>> get(String collection, String id, RequestContext context);
}
