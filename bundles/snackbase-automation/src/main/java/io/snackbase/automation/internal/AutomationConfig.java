package io.snackbase.automation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of PID {@code io.snackbase.automation}. */
@ObjectClassDefinition(name = "SnackBase API-defined hooks",
        description = "Hooks that accounts define through /api/v1/hooks: a trigger (event, schedule or manual), an optional "
                + "condition and ordered actions.")
public @interface AutomationConfig {

    @AttributeDefinition(name = "Hooks per account", min = "1",
            description = "Most hooks (of all trigger types) one account may have; creating one more answers 409 "
                    + "\"Account has reached the maximum of N hooks\" (the reference server's 50).")
    int maxHooksPerAccount() default 50;
}
