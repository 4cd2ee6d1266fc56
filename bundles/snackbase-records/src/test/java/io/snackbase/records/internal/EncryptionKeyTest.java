package io.snackbase.records.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where the key of encrypted fields comes from: the configuration first, then SNACKBASE_ENCRYPTION_KEY; a bad key is none. */
class EncryptionKeyTest {

    private static final String HEX = "0f".repeat(32);

    @Test
    void configurationThenEnvironmentAndABadKeyIsNone() {
        assertThat(RecordEncryption.cipher(HEX, null).available()).isTrue();
        assertThat(RecordEncryption.cipher("", HEX).available()).isTrue();
        assertThat(RecordEncryption.cipher("  ", null).available()).isFalse();
        assertThat(RecordEncryption.cipher(null, null).available()).isFalse();
        // a malformed configured key is not replaced by the environment's: the operator meant that one
        assertThat(RecordEncryption.cipher("not a key", HEX).available()).isFalse();
        assertThat(RecordEncryption.cipher("AAAA", null).available()).isFalse();
    }
}
