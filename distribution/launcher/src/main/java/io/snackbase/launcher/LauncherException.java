package io.snackbase.launcher;

/** A mistake in the command line or the environment, reported as one clear line and exit code 2. */
final class LauncherException extends Exception {

    private static final long serialVersionUID = 1L;

    LauncherException(String message) {
        super(message);
    }
}
