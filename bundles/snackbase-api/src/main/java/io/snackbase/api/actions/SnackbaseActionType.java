package io.snackbase.api.actions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Sets the service properties of an {@link ActionType} DS component:
 * {@code @SnackbaseActionType(type = "acme.slack_post", label = "Post to Slack")}.
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SnackbaseActionType {

    /** Prefix of the property names (value is "snackbase.action."). */
    String PREFIX_ = "snackbase.action.";

    /** @return {@value ActionConstants#ACTION_TYPE} */
    String type();

    /** @return {@value ActionConstants#ACTION_LABEL} */
    String label() default "";
}
