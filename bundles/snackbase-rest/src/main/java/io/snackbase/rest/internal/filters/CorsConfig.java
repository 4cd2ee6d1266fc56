package io.snackbase.rest.internal.filters;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of PID {@code io.snackbase.rest.cors}. */
@ObjectClassDefinition(name = "SnackBase CORS", description = "Which browser origins may call the API (Cross-Origin Resource Sharing).")
public @interface CorsConfig {

    @AttributeDefinition(name = "Allowed origins", description = "Exact origins (scheme://host[:port]) allowed to call the API from a "
            + "browser, or * for any origin (credentials are then not allowed). Empty: SNACKBASE_CORS_ORIGINS (comma-separated); "
            + "when that is unset too, none in production and http://localhost:3000, http://localhost:5173 and "
            + "http://localhost:8000 in development.")
    String[] allowedOrigins() default {};

    @AttributeDefinition(name = "Preflight cache (seconds)", min = "0", description = "Access-Control-Max-Age of preflight answers.")
    int maxAgeSeconds() default 600;
}
