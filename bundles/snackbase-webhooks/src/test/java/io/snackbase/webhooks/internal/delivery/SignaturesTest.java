package io.snackbase.webhooks.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    @Test
    void matchesTheContractsExample() {
        // domain.md 6.2: secret whsec_test, body {"event": "test"}
        assertThat(Signatures.snackbase("whsec_test", "{\"event\": \"test\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=fffc3abecd137eac687466bc46585c501df759b4ce9475f90df1e0491a847b89");
    }

    @Test
    void standardSignatureCoversIdTimestampAndBody() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String signature = Signatures.standard("secret", "msg_1", 1700000000L, body);
        assertThat(signature).startsWith("v1,");
        assertThat(Signatures.standard("secret", "msg_2", 1700000000L, body)).isNotEqualTo(signature);
        assertThat(Signatures.standard("secret", "msg_1", 1700000001L, body)).isNotEqualTo(signature);
        assertThat(Signatures.standard("secret", "msg_1", 1700000000L, "[]".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(signature);
    }
}
