package io.snackbase.rest.internal;

import io.snackbase.api.rest.RestConstants;

/** Whiteboard filters used only inside this bundle. */
public final class Whiteboard {

    /**
     * Selects both the SnackBase application and the whiteboard's default application, so that
     * JSON, error envelopes and correlation ids behave the same on {@code /api/v1} and on the
     * root paths (health probes, unknown routes).
     */
    public static final String BOTH_APPLICATIONS =
            "(|" + RestConstants.APPLICATION_SELECT + "(osgi.jakartars.name=.default))";

    private Whiteboard() {}
}
