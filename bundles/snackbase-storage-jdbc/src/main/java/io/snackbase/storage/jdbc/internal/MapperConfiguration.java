package io.snackbase.storage.jdbc.internal;

import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.api.storage.StorageException;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.managed.ManagedTransactionFactory;
import org.apache.ibatis.type.JdbcType;

/** The MyBatis configuration of one bundle's mappers. */
final class MapperConfiguration {

    private final ClassLoader loader;
    private final Configuration configuration;
    private final SqlSessionFactory factory;

    MapperConfiguration(ClassLoader loader, DataSource dataSource, DatabaseKind kind) {
        this.loader = loader;
        // Sessions never commit or close the connection: the transaction manager owns both.
        ManagedTransactionFactory transactions = new ManagedTransactionFactory();
        Properties props = new Properties();
        props.setProperty("closeConnection", "false");
        transactions.setProperties(props);
        configuration = new Configuration(new Environment("snackbase", transactions, dataSource));
        configuration.setDatabaseId(kind.databaseId());
        // Several bundles' sessions share one transaction; a session cache would hide the others' writes.
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.setCallSettersOnNulls(true);
        configuration.setJdbcTypeForNull(JdbcType.NULL);
        factory = new SqlSessionFactoryBuilder().build(configuration);
    }

    /** Adds the mapper on first use, with the bundle's loader as context loader (stack.md P15). */
    synchronized SqlSessionFactory factoryWith(Class<?> mapperType) {
        if (!configuration.hasMapper(mapperType)) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                configuration.addMapper(mapperType);
            } catch (RuntimeException e) {
                throw new StorageException("Cannot load mapper " + mapperType.getName() + ": " + e.getMessage(), e);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
        return factory;
    }
}
