package io.snackbase.hooks.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Owns the bounded pool of daemon threads ("snackbase-hook-N") that handlers run on. */
final class HookExecutor {

    private static final AtomicInteger THREAD_COUNT = new AtomicInteger();

    private final ThreadPoolExecutor pool;

    /** @param threads the most threads running handlers at once; further calls queue */
    HookExecutor(int threads) {
        int size = Math.max(1, threads);
        pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), HookThread::new);
        // Idle threads go away, so an idle instance holds no hook threads at all.
        pool.allowCoreThreadTimeOut(true);
    }

    <T> Future<T> submit(Callable<T> call) {
        return pool.submit(call);
    }

    /** Changes the pool size for calls submitted from now on. */
    void resize(int threads) {
        int size = Math.max(1, threads);
        if (size > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(size);
            pool.setCorePoolSize(size);
        } else {
            pool.setCorePoolSize(size);
            pool.setMaximumPoolSize(size);
        }
    }

    int size() {
        return pool.getMaximumPoolSize();
    }

    /** Interrupts running handlers and cancels queued ones, so that no caller waits in vain. */
    void shutdown() {
        for (Runnable queued : pool.shutdownNow()) {
            if (queued instanceof Future<?> call) {
                call.cancel(false);
            }
        }
    }

    /** @return true on a hook thread, where a nested dispatch must not wait for the same pool */
    static boolean onHookThread() {
        return Thread.currentThread() instanceof HookThread;
    }

    /** A pool thread, recognisable so that nested dispatches run inline. */
    private static final class HookThread extends Thread {
        HookThread(Runnable task) {
            super(task, "snackbase-hook-" + THREAD_COUNT.incrementAndGet());
            setDaemon(true);
        }
    }
}
