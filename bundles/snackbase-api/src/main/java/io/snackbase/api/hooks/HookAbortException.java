package io.snackbase.api.hooks;

/**
 * Thrown by a {@link LifecycleHookHandler} of a {@code before} event to stop the operation. The
 * HTTP caller receives the status and the message in the usual error body. Use a 4xx status:
 * the client SDK retries 5xx answers.
 */
public class HookAbortException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status the HTTP status for the caller, 400 to 599
     * @param message the text for the caller
     */
    public HookAbortException(int status, String message) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("Not an error status: " + status);
        }
        this.status = status;
    }

    /** @param message the text for the caller; the status is 400 */
    public HookAbortException(String message) {
        this(400, message);
    }

    /** @return the HTTP status for the caller */
    public int status() {
        return status;
    }
}
