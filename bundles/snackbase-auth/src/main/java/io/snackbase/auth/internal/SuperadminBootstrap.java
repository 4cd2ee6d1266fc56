package io.snackbase.auth.internal;

import io.snackbase.api.errors.ApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the superadmin named at start: the framework properties {@code snackbase.superadmin.email}
 * and {@code .password} (set by {@code bin/snackbase create-superadmin}), else the environment's
 * {@code SNACKBASE_SUPERADMIN_EMAIL} and {@code SNACKBASE_SUPERADMIN_PASSWORD}. An existing
 * superadmin with that email is left as it is. When {@code snackbase.command.result} names a file,
 * the outcome is written there for the command to print.
 */
@Component(immediate = true, service = {})
public class SuperadminBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(SuperadminBootstrap.class);

    @Activate
    public SuperadminBootstrap(@Reference AuthServices auth, BundleContext context) {
        String email = setting(context, "snackbase.superadmin.email", "SNACKBASE_SUPERADMIN_EMAIL");
        String password = setting(context, "snackbase.superadmin.password", "SNACKBASE_SUPERADMIN_PASSWORD");
        String result = context.getProperty("snackbase.command.result");
        if (email == null && password == null) {
            return;
        }
        String outcome;
        try {
            if (email == null || password == null) {
                throw ApiException.badRequest("Both the superadmin email and password are needed");
            }
            outcome = switch (Superadmins.create(auth.store, auth.users, email, password)) {
                case CREATED -> "created: superadmin " + email.trim().toLowerCase(java.util.Locale.ROOT);
                case EXISTS -> "exists: superadmin " + email.trim().toLowerCase(java.util.Locale.ROOT) + " already exists; left unchanged";
            };
            LOG.info("Superadmin bootstrap: {}", outcome);
        } catch (ApiException e) {
            outcome = "error: " + e.getMessage() + detail(e);
            LOG.error("Superadmin bootstrap refused: {}", outcome);
        } catch (RuntimeException e) {
            outcome = "error: " + e.getMessage();
            LOG.error("Superadmin bootstrap failed", e);
        }
        if (result != null && !result.isBlank()) {
            try {
                Files.writeString(Path.of(result), outcome + System.lineSeparator(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                LOG.error("Cannot write the command result to {}", result, e);
            }
        }
    }

    private static String detail(ApiException e) {
        Object details = e.extras().get("details");
        return details instanceof java.util.List<?> list && list.size() > 1 ? " (and " + (list.size() - 1) + " more problems)" : "";
    }

    private static String setting(BundleContext context, String property, String env) {
        String value = context.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
