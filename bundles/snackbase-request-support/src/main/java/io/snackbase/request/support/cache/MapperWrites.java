package io.snackbase.request.support.cache;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Update;

/**
 * Wraps a MyBatis mapper so that every write through it ({@code @Insert}, {@code @Update},
 * {@code @Delete} methods) calls a hook: how a cache learns that this instance changed what it
 * holds, whichever service made the change. The hook runs after the statement, inside the caller's
 * transaction; it should also act after commit (see {@link #invalidating}) so that a read that saw
 * the old committed row while the write was pending cannot be cached past the commit.
 */
public final class MapperWrites {

    private MapperWrites() {}

    /** Something to run once now and once after the current transaction commits. */
    @FunctionalInterface
    public interface AfterCommit {
        void schedule(Runnable action);
    }

    /**
     * @param mapper the mapper proxy from {@code Mappers}
     * @param type its interface
     * @param onWrite what to run after each write statement
     * @return the same mapper, with the hook
     */
    public static <M> M watch(M mapper, Class<M> type, Runnable onWrite) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "Watched[" + mapper + "]";
                };
            }
            Object result;
            try {
                result = method.invoke(mapper, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (isWrite(method)) {
                onWrite.run();
            }
            return result;
        });
        return type.cast(proxy);
    }

    /** @return a hook that invalidates the cache now and again after the transaction commits */
    public static Runnable invalidating(TtlCache<?, ?> cache, AfterCommit afterCommit) {
        return () -> {
            cache.invalidateAll();
            afterCommit.schedule(cache::invalidateAll);
        };
    }

    static boolean isWrite(Method method) {
        return method.isAnnotationPresent(Insert.class) || method.isAnnotationPresent(Update.class)
                || method.isAnnotationPresent(Delete.class);
    }
}
