package io.snackbase.auth.internal.core;

/** A token that cannot be accepted; the message is the 401's reason ("Token has expired", "Invalid token"). */
public final class TokenException extends Exception {

    private static final long serialVersionUID = 1L;

    public TokenException(String reason) {
        super(reason, null, false, false);
    }
}
