package io.snackbase.audit.internal;

import io.snackbase.api.audit.AuditEntry;
import io.snackbase.api.audit.AuditService;
import io.snackbase.api.audit.AuditSink;
import io.snackbase.api.audit.RecordChange;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.storage.Mappers;
import io.snackbase.api.storage.SchemaModule;
import io.snackbase.api.storage.StorageConstants;
import io.snackbase.api.storage.TransactionManager;
import io.snackbase.audit.internal.chain.ChainSealer;
import io.snackbase.audit.internal.chain.Verification;
import io.snackbase.audit.internal.chain.Verifier;
import io.snackbase.audit.internal.store.AuditInserts;
import io.snackbase.audit.internal.store.AuditMapper;
import io.snackbase.audit.internal.store.AuditRow;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The default {@link AuditService}: stores a write's entries in the outbox {@code audit_pending}
 * within the caller's transaction (no global lock), and seals them into the chain right after
 * commit on the instance's sealing thread ({@link SealingLoop}, {@link ChainSealer}), which then
 * hands them to the {@link AuditSink} whiteboard. Also the bundle-private entry point of the
 * resources and the verify command (the mapper, the settings, {@link #sealPending()}).
 */
@Component(service = {AuditService.class, AuditServiceImpl.class}, configurationPid = "io.snackbase.audit",
        property = StorageConstants.IMPL + "=default")
@Designate(ocd = AuditConfig.class)
public class AuditServiceImpl implements AuditService {

    /** Batches one sink may have queued before further ones are dropped for it. */
    static final int SINK_QUEUE = 10_000;

    public final AuditMapper mapper;
    public final AuditSettings settings;
    private final TransactionManager transactions;
    private final Clock clock;
    private final ChainSealer sealer;
    private final SinkDispatcher sinks = new SinkDispatcher(SINK_QUEUE);
    private volatile SealingLoop loop;
    private final Object sealing = new Object();

    @Activate
    public AuditServiceImpl(@Reference(target = "(snackbase.schema.module=io.snackbase.audit)") SchemaModule schema,
            @Reference Mappers mappers, @Reference TransactionManager transactions, AuditConfig config) {
        this(mappers.mapper(AuditMapper.class), transactions, AuditSettings.of(config, System.getenv()), Clock.systemUTC());
        startSealing();
    }

    /**
     * For tests: the service on a mapper and transactions built by hand, without its sealing thread
     * ({@link #startSealing()}): entries stay pending until {@link #sealPending()} or a read.
     */
    public AuditServiceImpl(AuditMapper mapper, TransactionManager transactions, AuditSettings settings, Clock clock) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.sealer = new ChainSealer(mapper, transactions, settings.sealBatchSize());
    }

    /** Starts the sealing thread (once), which seals after each audited commit and every {@code sealPollMillis}. */
    public synchronized void startSealing() {
        if (loop == null) {
            loop = new SealingLoop(this::sealPending, settings.sealPollMillis());
            loop.start();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addSink(AuditSink sink) {
        sinks.add(sink);
    }

    public void removeSink(AuditSink sink) {
        sinks.remove(sink);
    }

    /** Stops the sealing thread, seals what this instance left pending (best effort: the next sealer takes the rest), stops the sinks. */
    @Deactivate
    public synchronized void stop() {
        if (loop != null) {
            loop.close();
            loop = null;
            try {
                sealPending();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(AuditServiceImpl.class)
                        .warn("Audit entries left pending at shutdown; the next sealer on this database seals them", e);
            }
        }
        sinks.close();
    }

    @Override
    public void recordChange(RecordChange change, RequestContext context) {
        if (!transactions.isActive()) {
            throw new IllegalStateException("recordChange() must run inside the write's transaction");
        }
        if (!settings.enabled() || !Capture.audited(context.principal())
                || Capture.NEVER_AUDITED.contains(change.tableName().toLowerCase(Locale.ROOT))) {
            return;
        }
        List<AuditRow> rows = Capture.rows(change, context, clock.instant());
        if (rows.isEmpty()) {
            return;
        }
        AuditInserts.pending(mapper, rows);
        SealingLoop sealing = loop;
        if (sealing != null) {
            transactions.afterCommit(sealing::signal);
        }
    }

    /**
     * Seals every entry pending when called, in transactions of its own: a reader calls it first,
     * so that it sees the entries of every write committed before it (read-your-writes).
     *
     * @return how many entries were sealed
     * @throws IllegalStateException inside a transaction
     */
    public long sealPending() {
        // one sealer at a time in this instance (the database orders them anyway), so that the
        // sinks get the batches in the order they were sealed
        synchronized (sealing) {
            return sealer.sealPending(this::delivered);
        }
    }

    /**
     * {@link #sealPending()} before a read (list, get, export, verify), so that the reader sees its
     * own writes; a failure is logged and the read goes on over what is sealed, since a read should
     * not fail for want of a write (a read-only database, a lock wait cut short).
     */
    public void sealForRead() {
        try {
            sealPending();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AuditServiceImpl.class).warn("Could not seal pending audit entries before a read", e);
        }
    }

    /** A sealed, committed batch goes to the sinks. */
    private void delivered(List<AuditRow> batch) {
        List<AuditEntry> entries = batch.stream().map(Entries::of).toList();
        sinks.deliver(entries);
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    /** @return the walk of the chain from an id (null: from the first entry), after sealing what is pending */
    public Verification verify(Long fromId) {
        sealForRead();
        return new Verifier(mapper, settings.verifyBatchSize()).verify(fromId);
    }
}
