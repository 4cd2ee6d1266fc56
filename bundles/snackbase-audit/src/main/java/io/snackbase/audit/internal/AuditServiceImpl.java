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
import io.snackbase.audit.internal.chain.Chain;
import io.snackbase.audit.internal.chain.Verification;
import io.snackbase.audit.internal.chain.Verifier;
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
 * The default {@link AuditService}: captures writes into the chain within the caller's
 * transaction and, after commit, hands the entries to the {@link AuditSink} whiteboard. Also the
 * bundle-private entry point of the resources and the verify command (the mapper, the settings).
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
    private final Chain chain;
    private final SinkDispatcher sinks = new SinkDispatcher(SINK_QUEUE);

    @Activate
    public AuditServiceImpl(@Reference(target = "(snackbase.schema.module=io.snackbase.audit)") SchemaModule schema,
            @Reference Mappers mappers, @Reference TransactionManager transactions, AuditConfig config) {
        this(mappers.mapper(AuditMapper.class), transactions, AuditSettings.of(config, System.getenv()), Clock.systemUTC());
    }

    /** For tests: the service on a mapper and transactions built by hand. */
    public AuditServiceImpl(AuditMapper mapper, TransactionManager transactions, AuditSettings settings, Clock clock) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.chain = new Chain(mapper);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addSink(AuditSink sink) {
        sinks.add(sink);
    }

    public void removeSink(AuditSink sink) {
        sinks.remove(sink);
    }

    @Deactivate
    void stop() {
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
        chain.append(rows);
        List<AuditEntry> entries = rows.stream().map(Entries::of).toList();
        transactions.afterCommit(() -> sinks.deliver(entries));
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    /** @return the walk of the chain from an id (null: from the first entry) */
    public Verification verify(Long fromId) {
        return new Verifier(mapper, settings.verifyBatchSize()).verify(fromId);
    }
}
