package io.snackbase.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronExpressionsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "* * * * *",
        "*/5 * * * *",
        "0 0 * * *",
        "59 23 31 12 7",
        "0 0 1 1 0",
        "  0   3 * * *  ",
        "0\t3 * * *",
        "0,15,30,45 * * * *",
        "0-29/10,45 9-17 * * 1-5",
        "30 2 1-15/2 * *",
        "0 12 * JAN-MAR,dec MON-FRI",
        "0 12 * jan sun",
        "0 0 * * SAT,SUN",
        "*/59 */23 */30 */11 */7",
        "00 05 01 01 00"})
    void validExpressionsPass(String expression) {
        assertThat(CronExpressions.problem(expression)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "61 * * * *        | minute field '61': 61 is outside 0-59",
        "* 24 * * *        | hour field '24': 24 is outside 0-23",
        "* * 0 * *         | day-of-month field '0': 0 is outside 1-31",
        "* * 32 * *        | day-of-month field '32': 32 is outside 1-31",
        "* * * 13 *        | month field '13': 13 is outside 1-12",
        "* * * 0 *         | month field '0': 0 is outside 1-12",
        "* * * * 8         | day-of-week field '8': 8 is outside 0-7",
        "99999999999 * * * * | minute field '99999999999': 99999999999 is outside 0-59",
        "* * * *           | expected 5 fields (minute hour day-of-month month day-of-week), found 4",
        "* * * * * *       | expected 5 fields (minute hour day-of-month month day-of-week), found 6",
        "''                | expected 5 fields (minute hour day-of-month month day-of-week), found 0",
        "a b c d e         | minute field 'a': 'a' is not a number",
        "* * * FOO *       | month field 'FOO': 'FOO' is not a number or a month name (JAN-DEC)",
        "* * * * MONDAY    | day-of-week field 'MONDAY': 'MONDAY' is not a number or a day name (SUN-SAT)",
        "MON * * * *       | minute field 'MON': 'MON' is not a number",
        "* * * MON *       | month field 'MON': 'MON' is not a number or a month name (JAN-DEC)",
        "30-10 * * * *     | minute field '30-10': range '30-10' goes backwards",
        "* * * * FRI-MON   | day-of-week field 'FRI-MON': range 'FRI-MON' goes backwards",
        "*/0 * * * *       | minute field '*/0': step '0' must be a number from 1 to 59",
        "*/60 * * * *      | minute field '*/60': step '60' must be a number from 1 to 59",
        "*/x * * * *       | minute field '*/x': step 'x' must be a number from 1 to 59",
        "*/ * * * *        | minute field '*/': step '' must be a number from 1 to 59",
        "5/10 * * * *      | minute field '5/10': a step needs * or a range before it, as in */10 or 0-30/10",
        "*/5/2 * * * *     | minute field '*/5/2': '*/5/2' has more than one /",
        "1,,2 * * * *      | minute field '1,,2': empty list item",
        "1, * * * *        | minute field '1,': empty list item",
        "1-2-3 * * * *     | minute field '1-2-3': '1-2-3' is not a value or a range a-b",
        "-5 * * * *        | minute field '-5': '-5' is not a value or a range a-b",
        "5- * * * *        | minute field '5-': '5-' is not a value or a range a-b",
        "? * * * *         | minute field '?': '?' is not a number",
        "* * L * *         | day-of-month field 'L': 'L' is not a number",
        "* * * * 5#3       | day-of-week field '5#3': '5#3' is not a number or a day name (SUN-SAT)",
        "@daily            | expected 5 fields (minute hour day-of-month month day-of-week), found 1",
        "0 0 * * ٣         | day-of-week field '٣': '٣' is not a number or a day name (SUN-SAT)"})
    void invalidExpressionsAreRefusedWithTheReason(String expression, String problem) {
        assertThat(CronExpressions.problem(expression)).isEqualTo(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\t"})
    void aBlankExpressionHasNoFields(String expression) {
        assertThat(CronExpressions.problem(expression)).endsWith("found 0");
    }
}
