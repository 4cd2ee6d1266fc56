package io.snackbase.actions.internal;

import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Owns one immutable view of the registered action types: per id the candidates in selection
 * order (the first wins), and the invalid registrations.
 */
final class ActionTypes {

    static final ActionTypes EMPTY = new ActionTypes(List.of());

    private final List<ActionRegistration> all;
    private final Map<String, List<ActionRegistration>> candidates;

    /** @param registrations every tracked registration, valid or not */
    ActionTypes(Collection<ActionRegistration> registrations) {
        List<ActionRegistration> sorted = new ArrayList<>(registrations);
        sorted.sort(ActionRegistration.ORDER);
        Map<String, List<ActionRegistration>> byId = new HashMap<>();
        for (ActionRegistration registration : sorted) {
            if (registration.valid()) {
                byId.computeIfAbsent(registration.id(), id -> new ArrayList<>()).add(registration);
            }
        }
        byId.replaceAll((id, list) -> List.copyOf(list));
        this.all = List.copyOf(sorted);
        this.candidates = Map.copyOf(byId);
    }

    /** @return the valid registrations of an id, winner first; empty when none */
    List<ActionRegistration> candidates(String id) {
        List<ActionRegistration> list = id == null ? null : candidates.get(id);
        return list == null ? List.of() : list;
    }

    /** @return the winning registration of an id, or null */
    ActionRegistration winner(String id) {
        List<ActionRegistration> list = candidates(id);
        return list.isEmpty() ? null : list.get(0);
    }

    /** @return every registration: winners active, the others shadowed by their winner, invalid ones failed */
    List<RegistrationDTO> toDTOs() {
        List<RegistrationDTO> dtos = new ArrayList<>();
        for (ActionRegistration registration : all) {
            if (!registration.valid()) {
                dtos.add(registration.toDTO(RegistrationState.FAILED, registration.failure()));
                continue;
            }
            ActionRegistration winner = winner(registration.id());
            if (winner == registration) {
                dtos.add(registration.toDTO(RegistrationState.ACTIVE, null));
            } else {
                dtos.add(registration.toDTO(RegistrationState.SHADOWED,
                        "shadowed by service " + winner.serviceId() + " of " + winner.bundle()));
            }
        }
        return dtos;
    }
}
