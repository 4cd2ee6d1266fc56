package io.snackbase.storage.jdbc.internal;

import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.api.storage.Mappers;
import io.snackbase.api.storage.StorageConstants;
import io.snackbase.api.storage.StorageException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Hands out mapper proxies that run on the calling thread's transaction. */
@Component(service = Mappers.class, property = StorageConstants.IMPL + "=default")
public class MappersImpl implements Mappers {

    private final TransactionManagerImpl transactions;
    private final DatabaseKind kind;
    // One MyBatis configuration per bundle class loader: type names in a bundle's mapper XML
    // resolve only through that bundle's loader (stack.md P15). Weak, so a refreshed bundle's old
    // loader can be collected.
    private final Map<ClassLoader, MapperConfiguration> configurations = new WeakHashMap<>();

    @Activate
    public MappersImpl(@Reference TransactionManagerImpl transactions, @Reference DatabaseImpl database) {
        this(transactions, database.kind());
    }

    /** For tests outside OSGi. */
    public MappersImpl(TransactionManagerImpl transactions, DatabaseKind kind) {
        this.transactions = transactions;
        this.kind = kind;
    }

    @Override
    public <M> M mapper(Class<M> type) {
        if (!type.isInterface()) {
            throw new IllegalArgumentException(type + " is not a mapper interface");
        }
        SqlSessionFactory factory = configurationFor(type.getClassLoader()).factoryWith(type);
        Object proxy = Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> call(factory, type, self, method, args));
        return type.cast(proxy);
    }

    private synchronized MapperConfiguration configurationFor(ClassLoader loader) {
        return configurations.computeIfAbsent(loader, l -> new MapperConfiguration(l, transactions.dataSource(), kind));
    }

    private Object call(SqlSessionFactory factory, Class<?> type, Object self, Method method, Object[] args)
            throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(type, self, method, args);
        }
        TransactionState tx = transactions.currentState();
        if (tx != null) {
            SqlSession session = tx.session(factory, f -> f.openSession(tx.connection));
            return invoke(session.getMapper(type), method, args);
        }
        try (Connection connection = transactions.dataSource().getConnection();
                SqlSession session = factory.openSession(connection)) {
            return invoke(session.getMapper(type), method, args);
        } catch (java.sql.SQLException e) {
            throw new StorageException("No database connection: " + e.getMessage(), e);
        }
    }

    private static Object invoke(Object mapper, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(mapper, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object objectMethod(Class<?> type, Object self, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> self == args[0];
            case "hashCode" -> System.identityHashCode(self);
            case "toString" -> "Mapper[" + type.getName() + "]";
            default -> throw new UnsupportedOperationException(method.getName());
        };
    }
}
