package io.snackbase.api.storage;

import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The database this instance is configured to use.
 *
 * <p>Registered by the storage bundle once its connection pool exists, with
 * {@code snackbase.impl=default}. The service goes away and comes back when the database
 * configuration changes; hold it through a dynamic or static reference, never in a field of a
 * longer-lived object. Thread-safe.
 */
@ProviderType
public interface Database {

    /** @return which database product this is */
    DatabaseKind kind();

    /**
     * Checks that a connection can be had and answers within the timeout. Never throws.
     *
     * @param timeout how long the check may take
     * @return true when the database answered
     */
    boolean isReachable(Duration timeout);

    /** @return the JDBC URL with any password removed, for logs and the console */
    String describe();
}
