package io.snackbase.storage.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.snackbase.api.storage.Database;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.api.storage.StorageConstants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Owns the connection pool of the configured database. */
@Component(
        configurationPid = DatabaseImpl.PID,
        service = {Database.class, DatabaseImpl.class},
        property = StorageConstants.IMPL + "=default")
@Designate(ocd = DatabaseImpl.Config.class)
public class DatabaseImpl implements Database {

    static final String PID = "io.snackbase.storage.jdbc";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseImpl.class);

    @ObjectClassDefinition(
            name = "SnackBase database",
            description = "The database every SnackBase bundle stores its data in. SQLite is the embedded "
                    + "default; PostgreSQL and MySQL/MariaDB are for production.")
    public @interface Config {
        @AttributeDefinition(
                name = "JDBC URL",
                description = "jdbc:sqlite:<file>, jdbc:postgresql://host:port/db or jdbc:mariadb://host:port/db "
                        + "(jdbc:mysql: is accepted). Empty: the SNACKBASE_DB_URL environment variable, and "
                        + "when that is unset too, SQLite at <home>/data/snackbase.db.")
        String url() default "";

        @AttributeDefinition(name = "User", description = "Database user; empty to use the one in the URL, if any.")
        String username() default "";

        @AttributeDefinition(
                name = "Password",
                type = AttributeType.PASSWORD,
                description = "Database password; empty to use the one in the URL, if any. Prefer "
                        + "$[env:SNACKBASE_DB_PASSWORD] over a literal value in conf/.")
        String password() default "";

        @AttributeDefinition(name = "Maximum pool size", description = "Most connections the pool opens.", min = "1")
        int maximumPoolSize() default 10;

        @AttributeDefinition(
                name = "Connection timeout (ms)",
                description = "How long a caller waits for a free connection before the request fails.",
                min = "250")
        long connectionTimeoutMs() default 10_000;

        @AttributeDefinition(
                name = "SQLite busy timeout (ms)",
                description = "How long an SQLite writer waits for the write lock before giving up.",
                min = "0")
        int sqliteBusyTimeoutMs() default 10_000;
    }

    private final JdbcUrl url;
    private final HikariDataSource pool;
    // Probes get their own threads: a probe blocked on a dead database must not hold a thread of
    // the JVM's common pool, which has a single worker on a 2-core machine.
    private final ExecutorService probes = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "snackbase-db-probe");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public DatabaseImpl(BundleContext context, Config config) throws SQLException {
        this(JdbcUrl.resolve(config.url(), System.getenv(JdbcUrl.ENV_URL), homeOf(context)), config);
    }

    /** Builds the pool directly; used by the component and by tests outside OSGi. */
    public DatabaseImpl(JdbcUrl url, Config config) throws SQLException {
        this.url = url;
        if (url.kind() == DatabaseKind.SQLITE) {
            createParentFolder(url.url().substring("jdbc:sqlite:".length()));
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("snackbase");
        hikari.setDataSource(VendorDataSources.create(url, config.username(), config.password(), config.sqliteBusyTimeoutMs()));
        hikari.setMaximumPoolSize(config.maximumPoolSize());
        hikari.setConnectionTimeout(config.connectionTimeoutMs());
        // Start even when the database is down: /ready reports it and the migrations retry.
        hikari.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(hikari);
        LOG.info("Database: {} ({})", url, url.kind().databaseId());
    }

    @Deactivate
    public void close() {
        probes.shutdownNow();
        pool.close();
    }

    /** @return the pooled DataSource, for the other components of this bundle */
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public DatabaseKind kind() {
        return url.kind();
    }

    @Override
    public boolean isReachable(Duration timeout) {
        // getConnection() may block for the whole pool timeout; the caller's timeout wins.
        CompletableFuture<Boolean> probe = CompletableFuture.supplyAsync(() -> {
            try (Connection c = pool.getConnection()) {
                return c.isValid((int) Math.max(1, timeout.toSeconds()));
            } catch (SQLException e) {
                return false;
            }
        }, probes);
        try {
            return probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            probe.cancel(true);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    @Override
    public String describe() {
        return url.toString();
    }

    private static Path homeOf(BundleContext context) {
        String home = context.getProperty("snackbase.home");
        return Path.of(home == null ? "." : home);
    }

    private static void createParentFolder(String file) {
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file.split("\\?", 2)[0]).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the folder of the SQLite database " + parent, e);
        }
    }
}
