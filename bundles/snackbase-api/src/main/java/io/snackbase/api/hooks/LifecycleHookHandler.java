package io.snackbase.api.hooks;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Code that runs when a lifecycle event happens, registered by any bundle (plugins included) as
 * an OSGi service; it never calls a registration method.
 *
 * <h2>Registration</h2>
 * <ul>
 *   <li>{@value HookConstants#HOOK_EVENTS} (required, String or String[]): exact event names from
 *       {@link HookEvents}. A registration with no events, {@code *}, or an unknown name is
 *       reported as failed by {@code GET /api/v1/admin/runtime} and never called.
 *   <li>{@value HookConstants#HOOK_COLLECTIONS} (optional, String or String[]): limits the
 *       handler to events of these collections.
 *   <li>{@value HookConstants#HOOK_STOP_ON_ERROR} (optional Boolean, default false).
 *   <li>{@code service.ranking} (optional Integer, default 0).
 * </ul>
 * Use {@link SnackbaseHook} on a DS component to set them.
 *
 * <h2>Ordering</h2>
 * Every matching handler runs, highest {@code service.ranking} first; equal rankings run in
 * ascending {@code service.id} (registration order). SnackBase's own handlers use
 * {@link HookConstants#BUILTIN_RANKING}.
 *
 * <h2>Before and after events</h2>
 * For a {@code before} event ({@link HookEvents#isBefore}), handlers run synchronously before
 * the operation (for record writes: inside its database transaction, so a write done through
 * SnackBase services joins it). A handler may return new data, which replaces the event's data
 * for the next handler and for the operation, and may throw {@link HookAbortException}: the
 * chain stops and the HTTP caller receives the abort's status and message. For an {@code after}
 * event, handlers see the committed result; returned data and aborts are ignored (an abort is
 * recorded as an error).
 *
 * <h2>Errors and time</h2>
 * Any other exception is logged and recorded, and the chain goes on, unless the registration
 * has stop-on-error, in which case the operation fails. A handler that runs longer than the
 * dispatcher's configured timeout is abandoned and recorded as failed; for a {@code before}
 * event in a transaction the operation is then aborted, since the handler may still be using it.
 *
 * <h2>Threading</h2>
 * Called on a dispatcher thread while the caller waits; several events may be dispatched to the
 * same handler concurrently, so implementations must be thread-safe. A handler may be
 * unregistered at any time; a dispatch already under way finishes with the handlers it started
 * with.
 */
@ConsumerType
@FunctionalInterface
public interface LifecycleHookHandler {

    /**
     * Handles one event.
     *
     * @param event the event name, its collection and its current data
     * @param context the tenant and caller of the work that fired the event
     * @return new data to replace the event's data (before events only), or null to keep it
     * @throws HookAbortException to abort the operation of a before event
     * @throws Exception anything else: recorded, and the chain goes on unless stop-on-error
     */
    Map<String, Object> handle(HookEvent event, HookContext context) throws Exception;
}
