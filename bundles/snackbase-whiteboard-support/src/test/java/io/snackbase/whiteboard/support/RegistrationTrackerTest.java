package io.snackbase.whiteboard.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

class RegistrationTrackerTest {

    private final FakeReferences references = new FakeReferences();
    private final RegistrationTracker<Runnable, String> tracker = new RegistrationTracker<>("thing");

    @Test
    void startsEmpty() {
        assertThat(tracker.selection().keys()).isEmpty();
        assertThat(tracker.selection().toDTOs()).isEmpty();
    }

    @Test
    void theNextCandidateTakesOverWhenTheWinnerIsRemoved() {
        ServiceReference<Runnable> first = references.reference("com.acme.a", Constants.SERVICE_RANKING, 1);
        ServiceReference<Runnable> second = references.reference("com.acme.b");
        tracker.put(registration(first, "x"));
        tracker.put(registration(second, "x"));
        Selection<Runnable, String> before = tracker.selection();

        assertThat(tracker.remove(first)).isTrue();

        assertThat(tracker.selection().winner("x").orElseThrow().service().reference()).isSameAs(second);
        assertThat(tracker.selection().toDTOs()).extracting(RegistrationDTO::state)
                .containsExactly(RegistrationState.ACTIVE);
        // A published view never changes: a reader holding it keeps a consistent picture.
        assertThat(before.winner("x").orElseThrow().service().reference()).isSameAs(first);
        assertThat(before.toDTOs()).hasSize(2);
    }

    @Test
    void putReplacesTheRegistrationOfTheSameService() {
        ServiceReference<Runnable> reference = references.reference("com.acme.a");
        tracker.put(registration(reference, "x"));

        tracker.put(registration(reference, "y"));

        assertThat(tracker.selection().keys()).containsExactly("y");
        assertThat(tracker.selection().toDTOs()).hasSize(1);
    }

    @Test
    void removingAnUntrackedServiceChangesNothing() {
        tracker.put(registration(references.reference("com.acme.a"), "x"));
        Selection<Runnable, String> before = tracker.selection();

        assertThat(tracker.remove(references.reference("com.acme.b"))).isFalse();
        assertThat(tracker.selection()).isSameAs(before);
    }

    private static Registration<Runnable, String> registration(ServiceReference<Runnable> reference, String key) {
        return Registration.valid(RankedService.of(reference), key, List.of(), List.of(key));
    }
}
