package io.snackbase.api.runtime;

import java.util.List;

/**
 * One extension registration as a registry sees it. Immutable; serialised as JSON by
 * {@code GET /api/v1/admin/runtime} with these component names.
 *
 * @param kind the extension point: {@code action_type}, {@code hook_handler},
 *     {@code endpoint_handler} or {@code job_handler}
 * @param id the registration's key (action type id, endpoint path, first job topic), or null
 *     when missing
 * @param bundle the symbolic name of the registering bundle
 * @param bundleId the id of the registering bundle
 * @param serviceId the {@code service.id}
 * @param ranking the {@code service.ranking}
 * @param keys further keys (hook events, job topics, endpoint methods)
 * @param collections the collections a hook handler is limited to; empty for all
 * @param state active, shadowed or failed
 * @param reason why it is shadowed (by which service id) or failed; null when active
 */
public record RegistrationDTO(
        String kind,
        String id,
        String bundle,
        long bundleId,
        long serviceId,
        int ranking,
        List<String> keys,
        List<String> collections,
        RegistrationState state,
        String reason) {

    public RegistrationDTO {
        keys = keys == null ? List.of() : List.copyOf(keys);
        collections = collections == null ? List.of() : List.copyOf(collections);
    }
}
