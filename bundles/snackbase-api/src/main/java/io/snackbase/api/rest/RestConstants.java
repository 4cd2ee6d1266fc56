package io.snackbase.api.rest;

/**
 * Whiteboard names and filters of the SnackBase REST application, for use in the
 * {@code org.osgi.service.jakartars.whiteboard.propertytypes} annotations of other bundles.
 *
 * <p>The REST bundle registers one {@code jakarta.ws.rs.core.Application} service named
 * {@value #APPLICATION_NAME} with the base {@value #APPLICATION_BASE}, and one JSON extension
 * (a {@code jakarta.ws.rs.core.Feature}) named {@value #JSON_EXTENSION_NAME} that is applied to
 * that application and to the whiteboard's default application. Both stay registered for the
 * life of the REST bundle; the whiteboard serves a resource that selects them only while both
 * exist, so a resource never answers without its JSON provider.
 */
public final class RestConstants {

    /** Value of {@code osgi.jakartars.name} of the SnackBase application: "snackbase". */
    public static final String APPLICATION_NAME = "snackbase";

    /**
     * Value of {@code osgi.jakartars.application.base} of the SnackBase application: "api/v1".
     * With the whiteboard's context path "/", its resources are served under {@code /api/v1}.
     */
    public static final String APPLICATION_BASE = "api/v1";

    /**
     * Filter for {@code @JakartarsApplicationSelect} that places a resource or extension in the
     * SnackBase application: "(osgi.jakartars.name=snackbase)".
     */
    public static final String APPLICATION_SELECT = "(osgi.jakartars.name=" + APPLICATION_NAME + ")";

    /** Value of {@code osgi.jakartars.name} of the JSON (Jackson) extension: "jackson". */
    public static final String JSON_EXTENSION_NAME = "jackson";

    /**
     * Filter for {@code @JakartarsExtensionSelect} that binds a resource or extension to the
     * JSON extension, so that it is served only once JSON can be read and written:
     * "(osgi.jakartars.name=jackson)".
     */
    public static final String JSON_EXTENSION_SELECT = "(osgi.jakartars.name=" + JSON_EXTENSION_NAME + ")";

    private RestConstants() {}
}
