package io.snackbase.jobs.internal;

/** The retry delay of a failed attempt: {@code retryDelaySeconds * 2^(attempt-1)}, saturating instead of overflowing. */
final class Backoff {

    /** Beyond 2^40 the delay is longer than any job would sensibly wait; it also keeps the product in a long. */
    private static final int MAX_DOUBLINGS = 40;

    private Backoff() {}

    /**
     * @param retryDelaySeconds the base delay
     * @param attempt the attempt that failed, 1 for the first
     * @return the delay in milliseconds before the next attempt
     */
    static long delayMillis(int retryDelaySeconds, int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), MAX_DOUBLINGS);
        long seconds = (long) retryDelaySeconds << doublings;
        return seconds > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE / 2 : seconds * 1000;
    }
}
