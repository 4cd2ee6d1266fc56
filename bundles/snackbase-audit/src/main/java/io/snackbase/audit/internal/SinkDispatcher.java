package io.snackbase.audit.internal;

import io.snackbase.api.audit.AuditEntry;
import io.snackbase.api.audit.AuditSink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the {@link AuditSink} whiteboard: each sink gets its own thread and a bounded queue of
 * committed batches, so a slow or failing sink delays only itself and never the writer.
 */
public final class SinkDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(SinkDispatcher.class);

    private final Map<AuditSink, ThreadPoolExecutor> sinks = new ConcurrentHashMap<>();
    private final int queueCapacity;

    /** @param queueCapacity batches one sink may have waiting before further ones are dropped */
    public SinkDispatcher(int queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    public void add(AuditSink sink) {
        sinks.computeIfAbsent(sink, s -> {
            ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(queueCapacity), r -> {
                        Thread t = new Thread(r, "snackbase-audit-sink-" + s.getClass().getSimpleName());
                        t.setDaemon(true);
                        return t;
                    });
            return executor;
        });
    }

    public void remove(AuditSink sink) {
        ThreadPoolExecutor executor = sinks.remove(sink);
        if (executor != null) {
            executor.shutdown();
        }
    }

    /** Hands committed entries to every sink; returns at once. */
    public void deliver(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<AuditEntry> batch = List.copyOf(entries);
        sinks.forEach((sink, executor) -> {
            try {
                executor.execute(() -> {
                    try {
                        sink.accept(batch);
                    } catch (RuntimeException e) {
                        LOG.error("Audit sink {} failed on entries {} to {}", sink, first(batch), last(batch), e);
                    }
                });
            } catch (RejectedExecutionException e) {
                LOG.warn("Audit sink {} is behind (or going away): entries {} to {} not delivered to it; they are in the audit log",
                        sink, first(batch), last(batch));
            }
        });
    }

    public void close() {
        sinks.values().forEach(ThreadPoolExecutor::shutdown);
        sinks.clear();
    }

    private static long first(List<AuditEntry> batch) {
        return batch.get(0).id();
    }

    private static long last(List<AuditEntry> batch) {
        return batch.get(batch.size() - 1).id();
    }
}
