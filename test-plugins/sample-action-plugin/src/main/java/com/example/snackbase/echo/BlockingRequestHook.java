package com.example.snackbase.echo;

import io.snackbase.api.hooks.HookAbortException;
import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.hooks.HookEvents;
import io.snackbase.api.hooks.LifecycleHookHandler;
import io.snackbase.api.hooks.SnackbaseHook;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** A before hook that refuses requests to paths ending in {@code /blocked-by-plugin} with a 403. */
@Component(service = LifecycleHookHandler.class)
@SnackbaseHook(events = HookEvents.ON_BEFORE_REQUEST)
public class BlockingRequestHook implements LifecycleHookHandler {

    @Override
    public Map<String, Object> handle(HookEvent event, HookContext context) throws HookAbortException {
        if (String.valueOf(event.data().get("path")).endsWith("/blocked-by-plugin")) {
            throw new HookAbortException(403, "Blocked by the example plugin");
        }
        return null;
    }
}
