package io.snackbase.rest.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.snackbase.api.storage.Database;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.rest.internal.json.ObjectMappers;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The probe answers, serialised with the API mapper, for each state of the database. */
class HealthReportsTest {

    private final ObjectMapper mapper = ObjectMappers.create();
    private final HealthReports reports = new HealthReports("0.1.0");

    /** A database whose reachability is fixed, remembering the timeout it was given. */
    private static class FakeDatabase implements Database {
        private final boolean reachable;
        private Duration askedTimeout;

        FakeDatabase(boolean reachable) {
            this.reachable = reachable;
        }

        @Override
        public DatabaseKind kind() {
            return DatabaseKind.SQLITE;
        }

        @Override
        public boolean isReachable(Duration timeout) {
            askedTimeout = timeout;
            return reachable;
        }

        @Override
        public String describe() {
            return "jdbc:sqlite:data/test.db";
        }
    }

    @Test
    void health() throws Exception {
        assertJson(reports.health(false), 200,
                "{\"status\":\"healthy\",\"service\":\"SnackBase\",\"version\":\"0.1.0\",\"audit_logging_enabled\":false}");
        assertJson(reports.health(true), 200,
                "{\"status\":\"healthy\",\"service\":\"SnackBase\",\"version\":\"0.1.0\",\"audit_logging_enabled\":true}");
    }

    @Test
    void live() throws Exception {
        assertJson(reports.live(), 200, "{\"status\":\"alive\",\"service\":\"SnackBase\",\"version\":\"0.1.0\"}");
    }

    @Test
    void readyWhenTheDatabaseAnswersWithinTwoSeconds() throws Exception {
        FakeDatabase database = new FakeDatabase(true);
        assertJson(reports.ready(database, true), 200, "{\"status\":\"ready\",\"service\":\"SnackBase\","
                + "\"version\":\"0.1.0\",\"database\":\"connected\",\"audit_logging_enabled\":true}");
        assertThat(database.askedTimeout).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void notReadyWhenTheDatabaseDoesNotAnswer() throws Exception {
        assertJson(reports.ready(new FakeDatabase(false), true), 503,
                "{\"status\":\"not_ready\",\"service\":\"SnackBase\",\"database\":\"disconnected\"}");
    }

    @Test
    void notReadyWithoutADatabaseService() throws Exception {
        assertJson(reports.ready(null, true), 503,
                "{\"status\":\"not_ready\",\"service\":\"SnackBase\",\"database\":\"disconnected\"}");
    }

    @Test
    void notReadyWhenTheCheckThrows() throws Exception {
        Database failing = new FakeDatabase(true) {
            @Override
            public boolean isReachable(Duration timeout) {
                throw new IllegalStateException("service unregistered");
            }
        };
        assertThat(reports.ready(failing, true).getStatus()).isEqualTo(503);
    }

    private void assertJson(Response response, int status, String json) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        assertThat(mapper.readTree(mapper.writeValueAsString(response.getEntity())))
                .isEqualTo(mapper.readTree(json));
    }
}
