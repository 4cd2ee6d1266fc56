package io.snackbase.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.jobs.JobConstants;
import io.snackbase.api.jobs.JobHandler;
import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

class JobValidationTest {

    private final FakeJobHandlers services = new FakeJobHandlers();
    private final JobHandlerRegistry registry = new JobHandlerRegistry(services);

    @Test
    void missingTopicsFail() {
        assertFailed(services.handler("x", "com.acme.a", null), "snackbase.job.topics is missing or empty");
        assertFailed(services.handler("x", "com.acme.a", new String[0]), "snackbase.job.topics is missing or empty");
    }

    @Test
    void topicsThatAreNotStringsFail() {
        assertFailed(services.handler("x", "com.acme.a", 5), "snackbase.job.topics must be a String or String[], found Integer");
    }

    @Test
    void theWildcardTopicIsRefused() {
        assertFailed(services.handler("x", "com.acme.a", new String[] {"acme.a", "*"}),
                "topic '*' is refused: a job handler names its topics exactly");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Acme.report", "acme..report", "acme.report.", ".report", "1acme", "acme.1x",
            "acme.report-daily", "acme report", "acme.*", "acme/report", "acmé"})
    void aMalformedTopicFails(String topic) {
        assertFailed(services.handler("x", "com.acme.a", new String[] {"acme.ok", topic}),
                "topic '" + topic + "' is malformed");
    }

    @Test
    void aTopicLongerThan100CharactersFails() {
        assertFailed(services.handler("x", "com.acme.a", "acme." + "a".repeat(96)), "is longer than 100 characters");
    }

    @Test
    void aTopicOfExactly100CharactersIsFine() {
        String topic = "acme." + "a".repeat(95);
        assertThat(assertActive(services.handler("x", "com.acme.a", topic)).id()).isEqualTo(topic);
    }

    @Test
    void anInvalidScheduleFailsWithTheParsersReason() {
        RegistrationDTO dto = assertFailed(services.handler("x", "com.acme.a", "acme.report",
                JobConstants.JOB_SCHEDULE, "61 * * * *"),
                "snackbase.job.schedule '61 * * * *' is not a valid cron expression: minute field '61': 61 is outside 0-59");
        assertThat(dto.keys()).containsExactly("acme.report", "schedule: 61 * * * *");
        assertFailed(services.handler("x", "com.acme.a", "acme.report", JobConstants.JOB_SCHEDULE, "* * * *"),
                "found 4");
    }

    @Test
    void aScheduleThatIsNotOneStringFails() {
        assertFailed(services.handler("x", "com.acme.a", "acme.report", JobConstants.JOB_SCHEDULE,
                new String[] {"* * * * *"}), "snackbase.job.schedule must be a single String, found String[]");
    }

    @Test
    void aScheduleIsReportedAsTheLastKey() {
        RegistrationDTO dto = assertActive(services.handler("x", "com.acme.a", new String[] {"acme.b", "acme.a"},
                JobConstants.JOB_SCHEDULE, "0 3 * * MON-FRI"));

        assertThat(dto.id()).isEqualTo("acme.b");
        assertThat(dto.keys()).containsExactly("acme.b", "acme.a", "schedule: 0 3 * * MON-FRI");
    }

    @Test
    void aBlankScheduleMeansNone() {
        RegistrationDTO dto = assertActive(services.handler("x", "com.acme.a", "acme.report",
                JobConstants.JOB_SCHEDULE, ""));

        assertThat(dto.keys()).containsExactly("acme.report");
    }

    @Test
    void aTopicNamedTwiceCountsOnce() {
        assertThat(assertActive(services.handler("x", "com.acme.a", new String[] {"acme.a", "acme.a"})).keys())
                .containsExactly("acme.a");
    }

    private RegistrationDTO assertFailed(ServiceReference<JobHandler> reference, String reason) {
        registry.bindJobHandler(reference);
        RegistrationDTO dto = dto(reference);
        assertThat(dto.state()).isEqualTo(RegistrationState.FAILED);
        assertThat(dto.reason()).contains(reason);
        // Never used: no topic of a failed registration resolves to it.
        if (dto.id() != null) {
            assertThat(registry.handlerFor(dto.id())).isEmpty();
        }
        return dto;
    }

    private RegistrationDTO assertActive(ServiceReference<JobHandler> reference) {
        registry.bindJobHandler(reference);
        RegistrationDTO dto = dto(reference);
        assertThat(dto.state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(dto.reason()).isNull();
        assertThat(registry.handlerFor(dto.id())).isPresent();
        return dto;
    }

    private RegistrationDTO dto(ServiceReference<JobHandler> reference) {
        return registry.registrations().stream()
                .filter(dto -> dto.serviceId() == (Long) reference.getProperty(Constants.SERVICE_ID))
                .findFirst()
                .orElseThrow();
    }
}
