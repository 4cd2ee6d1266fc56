package io.snackbase.outbound.support;

import java.io.IOException;

/**
 * An outbound target the {@link OutboundPolicy} refuses: a bad or non-https URL, or a host that is (or resolves
 * to) a blocked address. The message is the reason, fit for a 422 {@code detail} or a delivery's error text.
 */
public final class OutboundDeniedException extends IOException {

    private static final long serialVersionUID = 1L;

    public OutboundDeniedException(String reason) {
        super(reason);
    }
}
