package io.snackbase.api.hooks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Sets the service properties of a {@link LifecycleHookHandler} DS component:
 * {@code @SnackbaseHook(events = HookEvents.ON_RECORD_BEFORE_CREATE, collections = "orders")}.
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SnackbaseHook {

    /** Prefix of the property names (value is "snackbase.hook."). */
    String PREFIX_ = "snackbase.hook.";

    /** @return {@value HookConstants#HOOK_EVENTS}: exact names from {@link HookEvents} */
    String[] events();

    /** @return {@value HookConstants#HOOK_COLLECTIONS}: empty for every collection */
    String[] collections() default {};

    /** @return {@value HookConstants#HOOK_STOP_ON_ERROR} */
    boolean stop_on_error() default false;
}
