package io.snackbase.automation.internal;

import io.snackbase.api.hooks.HookConstants;
import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.hooks.HookEvents;
import io.snackbase.api.hooks.LifecycleHookHandler;
import io.snackbase.api.hooks.SnackbaseHook;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.propertytypes.ServiceRanking;

/**
 * The after-events of login, registration and exhausted webhook deliveries, as the API hook
 * events {@code auth.login}, {@code auth.register} and {@code webhooks.delivery_failed}: their runs
 * are enqueued (the event's data is the run's {@code record}).
 */
@Component(service = LifecycleHookHandler.class)
@SnackbaseHook(events = {HookEvents.ON_AUTH_AFTER_LOGIN, HookEvents.ON_AUTH_AFTER_REGISTER, HookEvents.ON_WEBHOOK_DELIVERY_FAILED})
@ServiceRanking(HookConstants.BUILTIN_RANKING)
public class HookLifecycleEvents implements LifecycleHookHandler {

    private final HookEnqueuer enqueuer;

    @Activate
    public HookLifecycleEvents(@Reference AutomationServices services) {
        this(services.enqueuer);
    }

    public HookLifecycleEvents(HookEnqueuer enqueuer) {
        this.enqueuer = enqueuer;
    }

    @Override
    public Map<String, Object> handle(HookEvent event, HookContext context) {
        String apiEvent = HookTrigger.EVENTS.entrySet().stream().filter(e -> e.getValue().equals(event.name()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (apiEvent == null) {
            return null;
        }
        Map<String, Object> data = new LinkedHashMap<>(event.data());
        String account = data.get("account_id") instanceof String a ? a : context.accountId();
        Map<String, Object> auth = HookWriteListener.auth(context.request().principal());
        if (apiEvent.startsWith("auth.")) {
            // The login or registration is done: the user of the event is the one who just signed in.
            auth.put("user_id", String.valueOf(data.getOrDefault("user_id", "")));
            auth.put("email", String.valueOf(data.getOrDefault("email", "")));
            auth.put("account_id", account);
        }
        String recordId = data.get("user_id") instanceof String u ? u : data.get("delivery_id") instanceof String d ? d : null;
        enqueuer.enqueue(apiEvent, account, data.get("collection") instanceof String c ? c : null, recordId, data, null, auth);
        return null;
    }
}
