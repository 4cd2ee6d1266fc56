package io.snackbase.automation.internal.run;

/**
 * The result of one run, as the manual trigger answers it.
 *
 * @param status success, partial or failed; null when the run was skipped (condition false, or a
 *     job already executed)
 * @param actionsExecuted actions that succeeded
 * @param error the first failure, or null
 */
public record RunOutcome(String status, int actionsExecuted, String error) {

    static final RunOutcome SKIPPED = new RunOutcome(null, 0, null);

    /** @return true when no execution was recorded */
    public boolean skipped() {
        return status == null;
    }
}
