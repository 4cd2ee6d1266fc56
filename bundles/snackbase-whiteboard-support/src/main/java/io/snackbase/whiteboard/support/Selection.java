package io.snackbase.whiteboard.support;

import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Owns one immutable view of a whiteboard: per key the valid registrations in selection order
 * (the first wins, the others are shadowed), and how every registration is reported.
 *
 * @param <S> the service type
 * @param <K> the key type
 */
public final class Selection<S, K> {

    private final String kind;
    private final List<Registration<S, K>> all;
    private final Map<K, List<Registration<S, K>>> candidates;

    /**
     * @param kind the {@link RegistrationDTO#kind()} reported, e.g. {@code action_type}
     * @param registrations every tracked registration, valid or not
     */
    public Selection(String kind, Collection<Registration<S, K>> registrations) {
        List<Registration<S, K>> sorted = new ArrayList<>(registrations);
        sorted.sort(Comparator.comparing(Registration::service, RankedService.ORDER));
        Map<K, List<Registration<S, K>>> byKey = new HashMap<>();
        for (Registration<S, K> registration : sorted) {
            for (K key : registration.keys()) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(registration);
            }
        }
        byKey.replaceAll((key, list) -> List.copyOf(list));
        this.kind = kind;
        this.all = List.copyOf(sorted);
        this.candidates = Map.copyOf(byKey);
    }

    /** @return the keys that have at least one valid registration */
    public Set<K> keys() {
        return candidates.keySet();
    }

    /** @return the valid registrations of a key, winner first; empty when none (or the key is null) */
    public List<Registration<S, K>> candidates(K key) {
        List<Registration<S, K>> list = key == null ? null : candidates.get(key);
        return list == null ? List.of() : list;
    }

    /** @return the winning registration of a key */
    public Optional<Registration<S, K>> winner(K key) {
        return candidates(key).stream().findFirst();
    }

    /**
     * Obtains the service of a key: the winner's, or, when the winner is already gone but not yet
     * unbound (unregistration in progress), the next candidate's.
     */
    public Optional<S> locate(K key, ServiceLocator<S> locator) {
        for (Registration<S, K> candidate : candidates(key)) {
            S service = locator.locate(candidate.service().reference());
            if (service != null) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }

    /**
     * @return every registration in selection order: failed ones with their reason; valid ones
     *     active when they win at least one of their keys, else shadowed, with a reason naming the
     *     winners of the keys they lose
     */
    public List<RegistrationDTO> toDTOs() {
        List<RegistrationDTO> dtos = new ArrayList<>(all.size());
        for (Registration<S, K> registration : all) {
            if (!registration.isValid()) {
                dtos.add(dto(registration, RegistrationState.FAILED, registration.failure()));
                continue;
            }
            Map<RankedService<S>, List<K>> lostTo = new LinkedHashMap<>();
            for (K key : registration.keys()) {
                Registration<S, K> winner = candidates.get(key).get(0);
                if (winner != registration) {
                    lostTo.computeIfAbsent(winner.service(), w -> new ArrayList<>()).add(key);
                }
            }
            if (lostTo.isEmpty()) {
                dtos.add(dto(registration, RegistrationState.ACTIVE, null));
            } else {
                boolean winsSome = registration.keys().size() > lostTo.values().stream().mapToInt(List::size).sum();
                dtos.add(dto(registration, winsSome ? RegistrationState.ACTIVE : RegistrationState.SHADOWED,
                        shadowReason(registration, lostTo)));
            }
        }
        return dtos;
    }

    // With one key the key is evident from the registration; with several, name the keys lost.
    private String shadowReason(Registration<S, K> registration, Map<RankedService<S>, List<K>> lostTo) {
        if (registration.keys().size() == 1) {
            RankedService<S> winner = lostTo.keySet().iterator().next();
            return "shadowed by service " + winner.serviceId() + " of " + winner.bundle();
        }
        return lostTo.entrySet().stream()
                .map(entry -> "on " + entry.getValue().stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + " by service " + entry.getKey().serviceId() + " of " + entry.getKey().bundle())
                .collect(Collectors.joining("; ", "shadowed ", ""));
    }

    private RegistrationDTO dto(Registration<S, K> registration, RegistrationState state, String reason) {
        RankedService<S> service = registration.service();
        return new RegistrationDTO(kind, registration.id(), service.bundle(), service.bundleId(), service.serviceId(),
                service.ranking(), registration.reportedKeys(), List.of(), state, reason);
    }
}
