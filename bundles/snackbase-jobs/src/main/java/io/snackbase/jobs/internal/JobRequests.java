package io.snackbase.jobs.internal;

import io.snackbase.api.jobs.JobRequest;

/** The limits of a {@link JobRequest} that the API's record does not check and the {@code jobs} columns impose. */
final class JobRequests {

    static final int MAX_QUEUE = 100;
    static final int MAX_ORDERING_KEY = 255;
    static final int MAX_ID = 36;

    private JobRequests() {}

    /**
     * @throws IllegalArgumentException naming the field, before anything is written: a topic no
     *     handler could ever have, or a value longer than its column
     */
    static void check(JobRequest request) {
        if (request.topic().length() > JobProperties.MAX_TOPIC_LENGTH || !JobProperties.TOPIC.matcher(request.topic()).matches()) {
            throw new IllegalArgumentException("topic '" + request.topic() + "' is not a handler topic: at most "
                    + JobProperties.MAX_TOPIC_LENGTH + " characters of dot-separated segments of lowercase letters, "
                    + "digits and _, each starting with a letter");
        }
        atMost("queue", request.queue(), MAX_QUEUE);
        atMost("orderingKey", request.orderingKey(), MAX_ORDERING_KEY);
        atMost("accountId", request.accountId(), MAX_ID);
        atMost("createdBy", request.createdBy(), MAX_ID);
    }

    private static void atMost(String field, String value, int length) {
        if (value != null && value.length() > length) {
            throw new IllegalArgumentException(field + " has more than " + length + " characters");
        }
    }
}
