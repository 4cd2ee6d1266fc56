package io.snackbase.webhooks.internal;

import io.snackbase.api.context.Principal;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.hooks.HookEvents;
import io.snackbase.api.rules.RuleEngine;
import io.snackbase.api.storage.Mappers;
import io.snackbase.api.storage.SchemaModule;
import io.snackbase.api.storage.TransactionManager;
import io.snackbase.api.webhooks.WebhookTransport;
import io.snackbase.outbound.support.OutboundPolicy;
import io.snackbase.webhooks.internal.delivery.DeliveryStore;
import io.snackbase.webhooks.internal.delivery.Transports;
import io.snackbase.webhooks.internal.store.DeliveryMapper;
import io.snackbase.webhooks.internal.store.WebhookMapper;
import java.time.Clock;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhooks bundle's one stateful component: builds the {@link WebhookEngine} from the configuration
 * {@value WebhooksConfig#PID} once the schema is migrated, tracks the {@link WebhookTransport} whiteboard, and
 * reports exhausted deliveries to the {@link HookDispatcher} as {@code on_webhook_delivery_failed}.
 */
@Component(service = WebhookServices.class, configurationPid = WebhooksConfig.PID, immediate = true)
@Designate(ocd = WebhooksConfig.class)
public class WebhookServices {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookServices.class);

    private final Transports transports = new Transports();
    public final WebhookEngine engine;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile HookDispatcher hooks;

    @Activate
    public WebhookServices(@Reference(target = "(snackbase.schema.module=io.snackbase.webhooks)") SchemaModule schema,
            @Reference Mappers mappers, @Reference TransactionManager transactions, @Reference RuleEngine rules,
            WebhooksConfig config) {
        WebhookSettings settings = WebhookSettings.of(config);
        DeliveryStore store = new DeliveryStore(mappers.mapper(WebhookMapper.class),
                mappers.mapper(DeliveryMapper.class), transactions);
        this.engine = new WebhookEngine(store, rules, OutboundPolicy.fromEnvironment(), settings,
                () -> transports.select(settings.transport()), this::exhausted, Clock.systemUTC()).start();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedTransport")
    void addTransport(WebhookTransport transport, Map<String, Object> properties) {
        transports.add(transport, properties);
    }

    void updatedTransport(WebhookTransport transport, Map<String, Object> properties) {
        transports.add(transport, properties);
    }

    void removeTransport(WebhookTransport transport) {
        transports.remove(transport);
    }

    @Deactivate
    void stop() {
        engine.close();
    }

    private void exhausted(Map<String, Object> data) {
        HookDispatcher dispatcher = hooks;
        if (dispatcher == null) {
            return;
        }
        String accountId = (String) data.get("account_id");
        RequestContext context = new RequestContext(Principal.system(), accountId, "webhook-" + data.get("delivery_id"),
                null, null);
        try {
            dispatcher.dispatch(new HookEvent(HookEvents.ON_WEBHOOK_DELIVERY_FAILED, (String) data.get("collection"), data),
                    new HookContext(context));
        } catch (RuntimeException e) {
            LOG.warn("on_webhook_delivery_failed for delivery {} could not be dispatched", data.get("delivery_id"), e);
        }
    }
}
