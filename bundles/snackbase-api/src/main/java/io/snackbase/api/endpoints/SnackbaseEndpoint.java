package io.snackbase.api.endpoints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/** Sets the service properties of an {@link EndpointHandler} DS component. */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SnackbaseEndpoint {

    /** Prefix of the property names (value is "snackbase.endpoint."). */
    String PREFIX_ = "snackbase.endpoint.";

    /** @return {@value EndpointConstants#ENDPOINT_PATH} */
    String path();

    /** @return {@value EndpointConstants#ENDPOINT_METHODS} */
    String[] methods() default {"GET"};

    /** @return {@value EndpointConstants#ENDPOINT_AUTH} */
    boolean auth() default true;
}
