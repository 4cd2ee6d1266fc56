package io.snackbase.api.jobs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/** Sets the service properties of a {@link JobHandler} DS component. */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SnackbaseJob {

    /** Prefix of the property names (value is "snackbase.job."). */
    String PREFIX_ = "snackbase.job.";

    /** @return {@value JobConstants#JOB_TOPICS} */
    String[] topics();

    /** @return {@value JobConstants#JOB_SCHEDULE}; empty for none */
    String schedule() default "";
}
