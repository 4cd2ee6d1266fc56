package io.snackbase.api.storage;

/**
 * A database failure, or a checked exception thrown by transactional work.
 */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause the underlying exception
     */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what failed */
    public StorageException(String message) {
        super(message);
    }
}
