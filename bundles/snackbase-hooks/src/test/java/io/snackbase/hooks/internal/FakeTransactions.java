package io.snackbase.hooks.internal;

import io.snackbase.api.storage.StorageException;
import io.snackbase.api.storage.TransactionBinding;
import io.snackbase.api.storage.TransactionManager;
import io.snackbase.api.storage.TransactionalWork;
import java.util.concurrent.atomic.AtomicInteger;

/** A transaction manager whose captured bindings can be observed: calls, releases, the bound thread. */
final class FakeTransactions implements TransactionManager {

    /** Set while work runs inside a binding, as the storage bundle binds its transaction state. */
    static final ThreadLocal<Boolean> BOUND = ThreadLocal.withInitial(() -> false);

    final AtomicInteger captures = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger releases = new AtomicInteger();
    private final boolean active;

    FakeTransactions(boolean active) {
        this.active = active;
    }

    @Override
    public <T> T inTransaction(TransactionalWork<T> work) {
        throw new UnsupportedOperationException("not used by the dispatcher");
    }

    @Override
    public void afterCommit(Runnable action) {
        throw new UnsupportedOperationException("not used by the dispatcher");
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public TransactionBinding capture() {
        captures.incrementAndGet();
        return new TransactionBinding() {
            private volatile boolean released;

            @Override
            public <T> T call(TransactionalWork<T> work) {
                if (released) {
                    throw new IllegalStateException("The transaction binding was released");
                }
                calls.incrementAndGet();
                BOUND.set(active);
                try {
                    return work.run();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new StorageException("Bound work failed: " + e.getMessage(), e);
                } finally {
                    BOUND.remove();
                }
            }

            @Override
            public void release() {
                released = true;
                releases.incrementAndGet();
            }
        };
    }
}
