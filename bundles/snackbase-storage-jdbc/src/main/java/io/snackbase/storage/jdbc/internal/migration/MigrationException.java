package io.snackbase.storage.jdbc.internal.migration;

/** A module's migrations cannot be applied; the message says which script and why. */
public class MigrationException extends Exception {

    private static final long serialVersionUID = 1L;

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }

    public MigrationException(String message) {
        super(message);
    }
}
