package io.snackbase.jobs.internal;

import static io.snackbase.jobs.internal.FakeJobHandlers.nameOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.jobs.JobConstants;
import io.snackbase.api.jobs.JobHandler;
import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

class JobSelectionTest {

    private final FakeJobHandlers services = new FakeJobHandlers();
    private final JobHandlerRegistry registry = new JobHandlerRegistry(services);

    @Test
    void theHighestRankingWinsATopicAndTheOthersAreShadowed() throws Exception {
        ServiceReference<JobHandler> low = services.handler("low", "com.acme.a", "acme.report");
        ServiceReference<JobHandler> high = services.handler("high", "com.acme.b", "acme.report",
                Constants.SERVICE_RANKING, 10);
        registry.bindJobHandler(low);
        registry.bindJobHandler(high);

        assertThat(by("acme.report")).isEqualTo("high");
        assertThat(registry.kind()).isEqualTo("job_handler");
        assertThat(registry.registrations()).containsExactly(
                new RegistrationDTO("job_handler", "acme.report", "com.acme.b", 7, id(high), 10, List.of("acme.report"),
                        List.of(), RegistrationState.ACTIVE, null),
                new RegistrationDTO("job_handler", "acme.report", "com.acme.a", 7, id(low), 0, List.of("acme.report"),
                        List.of(), RegistrationState.SHADOWED, "shadowed by service " + id(high) + " of com.acme.b"));
    }

    @Test
    void equalRankingsGoToTheLowerServiceId() throws Exception {
        ServiceReference<JobHandler> older = services.handler("older", "com.acme.a", "acme.report");
        ServiceReference<JobHandler> newer = services.handler("newer", "com.acme.b", "acme.report");
        registry.bindJobHandler(newer);
        registry.bindJobHandler(older);

        assertThat(by("acme.report")).isEqualTo("older");
        assertThat(dto(newer).state()).isEqualTo(RegistrationState.SHADOWED);
    }

    @Test
    void aHandlerOfSeveralTopicsCanWinSomeAndLoseOthers() throws Exception {
        ServiceReference<JobHandler> mailer = services.handler("mailer", "com.acme.mail", "acme.mail.send",
                Constants.SERVICE_RANKING, 5);
        ServiceReference<JobHandler> reports = services.handler("reports", "com.acme.reports", "acme.report.daily");
        ServiceReference<JobHandler> all = services.handler("all", "com.acme.all",
                new String[] {"acme.mail.send", "acme.cleanup", "acme.report.daily"});
        registry.bindJobHandler(mailer);
        registry.bindJobHandler(reports);
        registry.bindJobHandler(all);

        assertThat(by("acme.mail.send")).isEqualTo("mailer");
        assertThat(by("acme.cleanup")).isEqualTo("all");
        assertThat(by("acme.report.daily")).isEqualTo("reports");
        RegistrationDTO dto = dto(all);
        assertThat(dto.state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(dto.id()).isEqualTo("acme.mail.send");
        assertThat(dto.keys()).containsExactly("acme.mail.send", "acme.cleanup", "acme.report.daily");
        assertThat(dto.reason()).isEqualTo("shadowed on acme.mail.send by service " + id(mailer)
                + " of com.acme.mail; on acme.report.daily by service " + id(reports) + " of com.acme.reports");
    }

    @Test
    void aHandlerOfSeveralTopicsThatWinsNoneIsShadowed() {
        ServiceReference<JobHandler> winner = services.handler("winner", "com.acme.a",
                new String[] {"acme.a", "acme.b"}, Constants.SERVICE_RANKING, 1);
        ServiceReference<JobHandler> loser = services.handler("loser", "com.acme.b", List.of("acme.b", "acme.a"));
        registry.bindJobHandler(winner);
        registry.bindJobHandler(loser);

        RegistrationDTO dto = dto(loser);
        assertThat(dto.state()).isEqualTo(RegistrationState.SHADOWED);
        assertThat(dto.reason()).isEqualTo("shadowed on acme.b, acme.a by service " + id(winner) + " of com.acme.a");
    }

    @Test
    void theNextCandidateTakesOverWhenTheWinnerLeaves() throws Exception {
        ServiceReference<JobHandler> first = services.handler("first", "com.acme.a", "acme.report",
                Constants.SERVICE_RANKING, 5);
        ServiceReference<JobHandler> second = services.handler("second", "com.acme.b", "acme.report");
        registry.bindJobHandler(first);
        registry.bindJobHandler(second);
        assertThat(by("acme.report")).isEqualTo("first");

        services.unregister(first);
        registry.unbindJobHandler(first);

        assertThat(by("acme.report")).isEqualTo("second");
        assertThat(registry.registrations()).singleElement()
                .satisfies(dto -> assertThat(dto.state()).isEqualTo(RegistrationState.ACTIVE));

        services.unregister(second);
        registry.unbindJobHandler(second);
        assertThat(registry.handlerFor("acme.report")).isEmpty();
        assertThat(registry.registrations()).isEmpty();
    }

    @Test
    void aWinnerThatVanishedBeforeItsUnbindFallsBackToTheNextCandidate() throws Exception {
        ServiceReference<JobHandler> first = services.handler("first", "com.acme.a", "acme.report",
                Constants.SERVICE_RANKING, 5);
        registry.bindJobHandler(first);
        registry.bindJobHandler(services.handler("second", "com.acme.b", "acme.report"));

        services.unregister(first);

        assertThat(by("acme.report")).isEqualTo("second");
    }

    @Test
    void aHandlerThatCannotBeObtainedIsSkipped() throws Exception {
        ServiceReference<JobHandler> broken = services.handler("broken", "com.acme.a", "acme.report",
                Constants.SERVICE_RANKING, 5);
        JobHandlerRegistry failing = new JobHandlerRegistry(reference -> {
            if (reference == broken) {
                throw new IllegalStateException("factory failed");
            }
            return services.locate(reference);
        });
        failing.bindJobHandler(broken);
        failing.bindJobHandler(services.handler("fallback", "com.acme.b", "acme.report"));

        assertThat(nameOf(failing.handlerFor("acme.report").orElseThrow())).isEqualTo("fallback");
    }

    @Test
    void topicsMatchExactly() {
        registry.bindJobHandler(services.handler("x", "com.acme.a", "acme.report"));

        assertThat(registry.handlerFor("acme.report")).isPresent();
        assertThat(registry.handlerFor("acme")).isEmpty();
        assertThat(registry.handlerFor("acme.report.daily")).isEmpty();
        assertThat(registry.handlerFor("ACME.REPORT")).isEmpty();
        assertThat(registry.handlerFor(null)).isEmpty();
    }

    @Test
    void aFailedRegistrationNeverShadowsAValidOne() throws Exception {
        registry.bindJobHandler(services.handler("invalid", "com.acme.a", "acme.report",
                JobConstants.JOB_SCHEDULE, "61 * * * *", Constants.SERVICE_RANKING, 99));
        registry.bindJobHandler(services.handler("valid", "com.acme.b", "acme.report"));

        assertThat(by("acme.report")).isEqualTo("valid");
        assertThat(registry.registrations()).extracting(RegistrationDTO::state)
                .containsExactly(RegistrationState.FAILED, RegistrationState.ACTIVE);
    }

    @Test
    void changedPropertiesTakeEffectOnUpdate() throws Exception {
        ServiceReference<JobHandler> reference = services.handler("a", "com.acme.a", "acme.report");
        registry.bindJobHandler(reference);

        services.setProperty(reference, JobConstants.JOB_TOPICS, new String[] {"acme.cleanup"});
        registry.updatedJobHandler(reference);

        assertThat(registry.handlerFor("acme.report")).isEmpty();
        assertThat(by("acme.cleanup")).isEqualTo("a");
        assertThat(registry.registrations()).singleElement()
                .satisfies(dto -> assertThat(dto.id()).isEqualTo("acme.cleanup"));
    }

    private String by(String topic) throws Exception {
        return nameOf(registry.handlerFor(topic).orElseThrow());
    }

    private RegistrationDTO dto(ServiceReference<JobHandler> reference) {
        return registry.registrations().stream()
                .filter(dto -> dto.serviceId() == id(reference))
                .findFirst()
                .orElseThrow();
    }

    private static long id(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }
}
