package io.snackbase.outbound.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundPolicyTest {

    private final OutboundPolicy production = new OutboundPolicy(false);
    private final OutboundPolicy development = new OutboundPolicy(true);

    @Test
    void productionAcceptsPublicHttpsUrls() throws Exception {
        assertThat(production.check("https://hooks.example.com/in?x=1").getHost()).isEqualTo("hooks.example.com");
        assertThat(production.check("https://8.8.8.8:8443/").getPort()).isEqualTo(8443);
    }

    @Test
    void productionRefusesPlainHttp() {
        assertThatThrownBy(() -> production.check("http://hooks.example.com/"))
                .isInstanceOf(OutboundDeniedException.class).hasMessage("URL must use HTTPS in production");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/", "file:///etc/passwd", "javascript:alert(1)", "gopher://x/",
        "example.com/hook", "https://", "https:///path", "not a url", "", "   ", "https://user:pw@example.com/"})
    void refusesMalformedUrlsInEveryMode(String url) {
        assertThatThrownBy(() -> development.check(url)).isInstanceOf(OutboundDeniedException.class);
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(OutboundDeniedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/", "https://localhost/", "https://api.localhost/", "https://[::1]/",
        "https://10.0.0.1/", "https://172.16.5.4/", "https://192.168.0.10/", "https://169.254.169.254/latest/",
        "https://100.64.0.1/", "https://0.0.0.0/", "https://[fc00::1]/", "https://[fe80::1]/",
        "https://[::ffff:127.0.0.1]/", "https://[::ffff:a9fe:a9fe]/", "https://224.0.0.1/", "https://127.1/"})
    void productionRefusesNonPublicTargets(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(OutboundDeniedException.class);
    }

    @Test
    void developmentAllowsHttpAndLoopbackOnly() throws Exception {
        assertThat(development.check("http://127.0.0.1:8080/hook").getPort()).isEqualTo(8080);
        assertThat(development.check("http://localhost:8080/hook").getHost()).isEqualTo("localhost");
        assertThat(development.check("http://[::1]:9/").getHost()).isEqualTo("[::1]");
        assertThatThrownBy(() -> development.check("http://192.168.1.1/"))
                .isInstanceOf(OutboundDeniedException.class).hasMessageContaining("private");
        assertThatThrownBy(() -> development.check("http://169.254.169.254/"))
                .isInstanceOf(OutboundDeniedException.class).hasMessageContaining("link-local");
    }
}
