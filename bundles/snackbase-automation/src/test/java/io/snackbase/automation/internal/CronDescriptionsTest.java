package io.snackbase.automation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronDescriptionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "* * * * *        | Every minute",
        "*/15 * * * *     | Every 15 minutes",
        "0 * * * *        | Every hour",
        "5 * * * *        | Every hour at :05",
        "30 9 * * *       | Daily at 09:30",
        "0 9 * * 1-5      | Weekdays at 09:00",
        "0 9 * * mon-fri  | Weekdays at 09:00",
        "0 9 * * 1        | Every Monday at 09:00",
        "0 18 * * SUN     | Every Sunday at 18:00",
        "0 18 * * 7       | Every Sunday at 18:00",
        "0 0 1 * *        | Monthly on day 1 at 00:00",
        "0 0 1,15 * *     | On day 1,15 of the month at 00:00",
        "0 12 25 12 *     | Yearly on December 25 at 12:00",
        "0 12 25 DEC *    | Yearly on December 25 at 12:00",
        "0 12 1 JAN *     | Yearly on January 1 at 12:00",
        "0-10 9 * * *     | 0-10 9 * * *",
        "0 9 1 * 1        | 0 9 1 * 1"})
    void describesTheCommonShapes(String cron, String description) {
        assertThat(CronDescriptions.describe(cron.trim())).isEqualTo(description);
    }
}
