package io.snackbase.api.actions;

import io.snackbase.api.context.RequestContext;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What an action knows about the work that triggered it. Created by SnackBase for each
 * execution; thread-confined to that execution.
 */
@ProviderType
public interface ActionContext {

    /** @return the tenant, principal and request id of the triggering work */
    RequestContext request();

    /** @return the account (tenant) the action acts in; never null for hook actions */
    default String accountId() {
        return request().accountId();
    }

    /** @return the triggering event ({@code records.create}, {@code schedule}, {@code manual}, ...) */
    String event();

    /** @return the triggering record, or an empty map */
    Map<String, Object> record();

    /**
     * @return the template variables: {@code record}, {@code auth} ({@code user_id},
     *     {@code email}, {@code account_id}), {@code now}, {@code event}, and any the trigger adds
     */
    Map<String, Object> variables();

    /**
     * @return how many actions are already running above this one (0 for the first); execution
     *     is refused at {@link ActionConstants#MAX_DEPTH}
     */
    int depth();

    /**
     * Renders {@code {{path.to.value}}} placeholders against {@link #variables()}. A missing
     * variable renders as an empty string; the text is never evaluated as code.
     *
     * @param template text that may contain placeholders
     * @return the rendered text
     */
    String render(String template);
}
