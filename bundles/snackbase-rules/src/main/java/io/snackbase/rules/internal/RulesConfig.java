package io.snackbase.rules.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The metatype of the rule engine, configuration PID {@value #PID}. */
@ObjectClassDefinition(
        name = "SnackBase rule engine",
        description = "Parses collection rules, record filters and webhook or hook conditions, and compiles "
                + "them to SQL. The limits keep a hostile ?filter= from costing more than a bounded parse.")
public @interface RulesConfig {

    String PID = "io.snackbase.rules";

    @AttributeDefinition(
            name = "Maximum length",
            description = "The longest expression accepted, in characters (1 to 1000000); a longer one is a "
                    + "syntax error \"Expression is longer than N characters\".")
    int maxLength() default 10_000;

    @AttributeDefinition(
            name = "Maximum depth",
            description = "The deepest nesting accepted (parentheses, '!', unary '-', function arguments, and "
                    + "chains of arithmetic or comparisons), 1 to 500; deeper is a syntax error \"Expression is "
                    + "nested deeper than N levels\". Chains of && and || do not count.")
    int maxDepth() default 64;
}
