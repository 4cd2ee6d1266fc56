package io.snackbase.whiteboard.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

class ServicePropertiesTest {

    private final FakeReferences references = new FakeReferences();

    @Test
    void rankingIsZeroUnlessAnInteger() {
        assertThat(ServiceProperties.ranking(references.reference("b", Constants.SERVICE_RANKING, 5))).isEqualTo(5);
        assertThat(ServiceProperties.ranking(references.reference("b", Constants.SERVICE_RANKING, -3))).isEqualTo(-3);
        assertThat(ServiceProperties.ranking(references.reference("b", Constants.SERVICE_RANKING, "5"))).isZero();
        assertThat(ServiceProperties.ranking(references.reference("b", Constants.SERVICE_RANKING, 5L))).isZero();
        assertThat(ServiceProperties.ranking(references.reference("b"))).isZero();
    }

    @Test
    void serviceIdAndBundleAreRead() {
        ServiceReference<Runnable> reference = references.reference("com.acme.a", Constants.SERVICE_ID, 42L);

        assertThat(ServiceProperties.serviceId(reference)).isEqualTo(42L);
        assertThat(ServiceProperties.bundleName(reference)).isEqualTo("com.acme.a");
        assertThat(ServiceProperties.bundleId(reference)).isEqualTo(7L);
        assertThat(RankedService.of(reference).label()).isEqualTo("com.acme.a/42");
    }

    @Test
    void aReferenceWhoseServiceIsGoneHasNoBundle() {
        ServiceReference<Runnable> reference = references.reference(null);

        assertThat(ServiceProperties.bundleName(reference)).isEqualTo("unknown");
        assertThat(ServiceProperties.bundleId(reference)).isEqualTo(-1L);
    }

    @Test
    void aMissingServiceIdIsMinusOne() {
        assertThat(ServiceProperties.serviceId(references.reference("b", Constants.SERVICE_ID, "12"))).isEqualTo(-1L);
    }

    @Test
    void stringsAcceptOneStringAnArrayOrACollection() {
        assertThat(ServiceProperties.strings(null)).isEmpty();
        assertThat(ServiceProperties.strings("a")).containsExactly("a");
        assertThat(ServiceProperties.strings(new String[] {"a", "b"})).containsExactly("a", "b");
        assertThat(ServiceProperties.strings(List.of("b", "a"))).containsExactly("b", "a");
        assertThat(ServiceProperties.strings(new String[0])).isEmpty();
        assertThat(ServiceProperties.strings(Set.of())).isEmpty();
    }

    @Test
    void stringsRefuseOtherTypes() {
        assertThat(ServiceProperties.strings(5)).isNull();
        assertThat(ServiceProperties.strings(Boolean.TRUE)).isNull();
        assertThat(ServiceProperties.strings(new Integer[] {1})).isNull();
        assertThat(ServiceProperties.strings(List.of("a", 1))).isNull();
        assertThat(ServiceProperties.strings(Arrays.asList("a", null))).isNull();
        assertThat(ServiceProperties.strings(new String[] {"a", null})).isNull();
    }
}
