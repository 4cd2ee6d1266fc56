package io.snackbase.storage.jdbc.internal;

import io.snackbase.api.storage.StorageException;
import io.snackbase.api.storage.TransactionBinding;
import io.snackbase.api.storage.TransactionalWork;

/** Lends one thread's transaction state to another thread while the first one waits. */
final class TransactionBindingImpl implements TransactionBinding {

    private final ThreadLocal<TransactionState> current;
    private final TransactionState state;
    private volatile boolean released;

    TransactionBindingImpl(ThreadLocal<TransactionState> current, TransactionState state) {
        this.current = current;
        this.state = state;
    }

    @Override
    public <T> T call(TransactionalWork<T> work) {
        if (released) {
            throw new IllegalStateException("The transaction binding was released");
        }
        TransactionState previous = current.get();
        if (state != null) {
            current.set(state);
        }
        try {
            return work.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StorageException("Bound work failed: " + e.getMessage(), e);
        } finally {
            if (previous == null) {
                current.remove();
            } else {
                current.set(previous);
            }
        }
    }

    @Override
    public void release() {
        released = true;
    }
}
