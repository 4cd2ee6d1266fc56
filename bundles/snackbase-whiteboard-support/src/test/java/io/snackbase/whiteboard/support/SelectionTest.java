package io.snackbase.whiteboard.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

class SelectionTest {

    private final FakeReferences references = new FakeReferences();

    @Test
    void theHighestRankingWinsThenTheLowestServiceId() {
        Registration<Runnable, String> older = valid(service("com.acme.a", 0), "x");
        Registration<Runnable, String> newer = valid(service("com.acme.b", 0), "x");
        Registration<Runnable, String> ranked = valid(service("com.acme.c", 3), "x");
        Selection<Runnable, String> selection = new Selection<>("thing", List.of(newer, older, ranked));

        assertThat(selection.candidates("x")).containsExactly(ranked, older, newer);
        assertThat(selection.winner("x")).contains(ranked);
        assertThat(selection.keys()).containsExactly("x");
        assertThat(selection.candidates("y")).isEmpty();
        assertThat(selection.candidates(null)).isEmpty();
        assertThat(selection.winner("y")).isEmpty();
    }

    @Test
    void aSingleKeyLoserIsShadowedByTheWinner() {
        Registration<Runnable, String> winner = valid(service("com.acme.a", 1), "x");
        Registration<Runnable, String> loser = new Registration<>(service("com.acme.b", 0), "x-id", List.of("k"),
                List.of("x"), null);

        List<RegistrationDTO> dtos = new Selection<>("thing", List.of(loser, winner)).toDTOs();

        assertThat(dtos).containsExactly(
                new RegistrationDTO("thing", "x", "com.acme.a", 7, id(winner), 1, List.of(), List.of(),
                        RegistrationState.ACTIVE, null),
                new RegistrationDTO("thing", "x-id", "com.acme.b", 7, id(loser), 0, List.of("k"), List.of(),
                        RegistrationState.SHADOWED, "shadowed by service " + id(winner) + " of com.acme.a"));
    }

    @Test
    void aRegistrationWinningSomeKeysIsActiveAndNamesTheKeysItLoses() {
        Registration<Runnable, String> a = valid(service("com.acme.a", 5), "x");
        Registration<Runnable, String> b = valid(service("com.acme.b", 5), "y", "z");
        Registration<Runnable, String> c = valid(service("com.acme.c", 0), "w", "x", "y", "z");

        List<RegistrationDTO> dtos = new Selection<>("thing", List.of(c, b, a)).toDTOs();

        assertThat(dtos).extracting(RegistrationDTO::bundle, RegistrationDTO::state, RegistrationDTO::reason)
                .containsExactly(
                        tuple("com.acme.a", RegistrationState.ACTIVE, null),
                        tuple("com.acme.b", RegistrationState.ACTIVE, null),
                        tuple("com.acme.c", RegistrationState.ACTIVE,
                                "shadowed on x by service " + id(a) + " of com.acme.a; on y, z by service " + id(b)
                                        + " of com.acme.b"));
    }

    @Test
    void aRegistrationLosingAllOfSeveralKeysIsShadowed() {
        Registration<Runnable, String> a = valid(service("com.acme.a", 5), "x", "y");
        Registration<Runnable, String> b = valid(service("com.acme.b", 0), "y", "x");

        RegistrationDTO dto = new Selection<>("thing", List.of(a, b)).toDTOs().get(1);

        assertThat(dto.state()).isEqualTo(RegistrationState.SHADOWED);
        assertThat(dto.reason()).isEqualTo("shadowed on y, x by service " + id(a) + " of com.acme.a");
    }

    @Test
    void aFailedRegistrationIsReportedButCompetesForNothing() {
        Registration<Runnable, String> failed = Registration.failed(service("com.acme.a", 99), "x", List.of(),
                "x is malformed");
        Registration<Runnable, String> valid = valid(service("com.acme.b", 0), "x");

        Selection<Runnable, String> selection = new Selection<>("thing", List.of(failed, valid));

        assertThat(selection.winner("x")).contains(valid);
        assertThat(selection.toDTOs()).extracting(RegistrationDTO::state, RegistrationDTO::reason).containsExactly(
                tuple(RegistrationState.FAILED, "x is malformed"),
                tuple(RegistrationState.ACTIVE, null));
    }

    @Test
    void locateFallsBackWhenTheWinnersServiceIsAlreadyGone() {
        Registration<Runnable, String> first = valid(service("com.acme.a", 5), "x");
        Registration<Runnable, String> second = valid(service("com.acme.b", 0), "x");
        Runnable secondService = () -> {};
        Map<ServiceReference<Runnable>, Runnable> alive = Map.of(second.service().reference(), secondService);
        Selection<Runnable, String> selection = new Selection<>("thing", List.of(first, second));

        assertThat(selection.locate("x", alive::get)).containsSame(secondService);
        assertThat(selection.locate("x", reference -> null)).isEmpty();
        assertThat(selection.locate("y", alive::get)).isEqualTo(Optional.empty());
    }

    @Test
    void aRegistrationKeepsItsKeysOnceAndInOrder() {
        assertThat(valid(service("b", 0), "y", "x", "y").keys()).containsExactly("y", "x");
    }

    @Test
    void aValidRegistrationNeedsAKeyAndAFailedOneHasNone() {
        RankedService<Runnable> service = service("b", 0);
        assertThatThrownBy(() -> Registration.valid(service, "x", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Registration<>(service, "x", List.of(), List.of("x"), "bad"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Registration<Runnable, String> valid(RankedService<Runnable> service, String... keys) {
        return Registration.valid(service, keys[0], List.of(), List.of(keys));
    }

    private RankedService<Runnable> service(String bundle, int ranking) {
        ServiceReference<Runnable> reference = references.reference(bundle, Constants.SERVICE_RANKING, ranking);
        return RankedService.of(reference);
    }

    private static long id(Registration<?, ?> registration) {
        return registration.service().serviceId();
    }
}
