package io.snackbase.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/** The product version is the bundle version without its qualifier. */
class ProductVersionTest {

    @Test
    void snapshotQualifierIsDropped() {
        assertThat(ProductVersion.withoutQualifier(Version.parseVersion("0.1.0.SNAPSHOT"))).isEqualTo("0.1.0");
    }

    @Test
    void timestampQualifierIsDropped() {
        assertThat(ProductVersion.withoutQualifier(Version.parseVersion("1.2.3.202611230000"))).isEqualTo("1.2.3");
    }

    @Test
    void missingPartsAreZero() {
        assertThat(ProductVersion.withoutQualifier(Version.parseVersion("2.5"))).isEqualTo("2.5.0");
    }
}
