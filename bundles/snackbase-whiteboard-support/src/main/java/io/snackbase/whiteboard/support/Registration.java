package io.snackbase.whiteboard.support;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Owns what a selecting registry knows about one whiteboard service: the keys it competes for,
 * or why it is refused, and what it reports.
 *
 * @param <S> the service type
 * @param <K> the key type (an action type id, a job topic, a method and path template)
 * @param service the service and its rank
 * @param id the id reported for it (an action type id, an endpoint path, a first topic), or null
 * @param reportedKeys the further keys reported for it (methods, topics)
 * @param keys the distinct keys it competes for, in registration order; empty when it failed
 * @param failure why it is refused, or null when it is valid
 */
public record Registration<S, K>(RankedService<S> service, String id, List<String> reportedKeys, List<K> keys,
        String failure) {

    public Registration {
        Objects.requireNonNull(service, "service");
        reportedKeys = List.copyOf(reportedKeys);
        keys = List.copyOf(new LinkedHashSet<>(keys));
        if (failure == null && keys.isEmpty()) {
            throw new IllegalArgumentException("a valid registration needs at least one key");
        }
        if (failure != null && !keys.isEmpty()) {
            throw new IllegalArgumentException("a failed registration competes for no key");
        }
    }

    /** @return a registration that competes for the given keys */
    public static <S, K> Registration<S, K> valid(RankedService<S> service, String id, List<String> reportedKeys,
            List<K> keys) {
        return new Registration<>(service, id, reportedKeys, keys, null);
    }

    /** @return a registration that is never used and reported with the reason */
    public static <S, K> Registration<S, K> failed(RankedService<S> service, String id, List<String> reportedKeys,
            String failure) {
        return new Registration<>(service, id, reportedKeys, List.of(), Objects.requireNonNull(failure, "failure"));
    }

    public boolean isValid() {
        return failure == null;
    }
}
