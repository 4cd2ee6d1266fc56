package io.snackbase.rest.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/** Turns this bundle's version into the product version shown by the API ("0.1.0"). */
public final class ProductVersion {

    /** The product name reported by the health probes and the API root. */
    public static final String SERVICE_NAME = "SnackBase";

    private ProductVersion() {}

    /**
     * @param context the REST bundle's context
     * @return its Bundle-Version without the qualifier
     */
    public static String of(BundleContext context) {
        return withoutQualifier(context.getBundle().getVersion());
    }

    /**
     * Drops the qualifier, because clients compare plain x.y.z versions and a build qualifier
     * such as "SNAPSHOT" would make every snapshot look different.
     *
     * @param version an OSGi version such as 0.1.0.SNAPSHOT
     * @return major.minor.micro, such as "0.1.0"
     */
    public static String withoutQualifier(Version version) {
        return version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
    }
}
