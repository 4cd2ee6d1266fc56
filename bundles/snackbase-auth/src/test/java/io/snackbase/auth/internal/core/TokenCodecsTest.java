package io.snackbase.auth.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JWT HS256 and sb_ak codecs, the signing secret, the password policy and Argon2id hashes. */
class TokenCodecsTest {

    private static final byte[] KEY = "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.UTF_8);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void aJwtRoundTripsWithIssuerIssuedAtAndExpiry() throws Exception {
        JwtCodec jwt = new JwtCodec(KEY, CLOCK);
        Map<String, Object> claims = jwt.verify(jwt.sign(Map.of("sub", "u1", "type", "access"), 60));
        assertThat(claims).containsEntry("iss", "snackbase").containsEntry("sub", "u1").containsEntry("iat", 1767225600)
                .containsEntry("exp", 1767225660);
    }

    @Test
    void aJwtSignedWithAnotherKeyOrAlgorithmOrExpiredIsRefused() {
        JwtCodec jwt = new JwtCodec(KEY, CLOCK);
        String other = new JwtCodec("another-key-another-key-another-key".getBytes(StandardCharsets.UTF_8), CLOCK).sign(Map.of("sub", "u1"), 60);
        assertThatThrownBy(() -> jwt.verify(other)).hasMessage("Invalid token");
        String token = jwt.sign(Map.of("sub", "u1"), 60);
        String hs512 = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"HS512\"}".getBytes(StandardCharsets.UTF_8))
                + token.substring(token.indexOf('.'));
        assertThatThrownBy(() -> jwt.verify(hs512)).hasMessage("Invalid token");
        JwtCodec later = new JwtCodec(KEY, Clock.offset(CLOCK, java.time.Duration.ofSeconds(61)));
        assertThatThrownBy(() -> later.verify(token)).hasMessage("Token has expired");
    }

    @Test
    void anApiKeyCarriesItsPayloadAndItsPrefixMustMatch() throws Exception {
        SnackbaseTokenCodec codec = new SnackbaseTokenCodec(KEY, CLOCK);
        String key = codec.issueApiKey("k1", "u1", "a@x.io", "acc", "admin", null);
        assertThat(key).startsWith("sb_ak.");
        assertThat(codec.verify(key)).containsEntry("type", "api_key").containsEntry("token_id", "k1").containsEntry("version", 1);
        String relabelled = "sb_pt" + key.substring(5);
        assertThatThrownBy(() -> codec.verify(relabelled)).hasMessage("Invalid token");
        String padded = key + "=";
        assertThatThrownBy(() -> codec.verify(padded)).hasMessage("Invalid token");
    }

    @Test
    void configuredSecretsMustBeLongAndNotWellKnown(@TempDir Path data) throws Exception {
        assertThatThrownBy(() -> SigningSecret.resolve("changeme", data)).hasMessageContaining("well-known default");
        assertThatThrownBy(() -> SigningSecret.resolve("short-but-random-1", data)).hasMessageContaining("too short");
        assertThatThrownBy(() -> SigningSecret.resolve("a".repeat(40), data)).hasMessageContaining("not random enough");
        assertThat(SigningSecret.resolve("k3y-that-is-long-and-random-enough-12345", data)).hasSize(40);
        assertThat(Files.exists(data.resolve(SigningSecret.FILE))).isFalse();
    }

    @Test
    void aGeneratedSecretIsKeptAcrossRestarts(@TempDir Path data) throws Exception {
        byte[] first = SigningSecret.resolve(null, data);
        assertThat(first.length).isGreaterThanOrEqualTo(64);
        assertThat(SigningSecret.resolve("", data)).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(data.resolve(SigningSecret.FILE)))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void argon2idHashesVerifyAndCarryTheirParameters() {
        PasswordHasher hasher = new PasswordHasher(8192, 1, 1);
        String hash = hasher.hash("Str0ng!Passw0rd");
        assertThat(hash).startsWith("$argon2id$v=19$m=8192,t=1,p=1$");
        assertThat(hasher.verify("Str0ng!Passw0rd", hash)).isTrue();
        assertThat(hasher.verify("str0ng!Passw0rd", hash)).isFalse();
        assertThat(new PasswordHasher(16384, 2, 1).verify("Str0ng!Passw0rd", hash)).isTrue();
        assertThat(hasher.verify("x", null)).isFalse();
        assertThat(hasher.verify("x", "$2b$10$bcrypt")).isFalse();
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void thePasswordPolicyListsEveryProblem() {
        assertThat(PasswordPolicy.check("", "password")).extracting("code").containsExactly("password_too_short",
                "password_no_uppercase", "password_no_lowercase", "password_no_digit", "password_no_special");
        assertThat(PasswordPolicy.check("Str0ng!Passw0rd", "password")).isEmpty();
        assertThat(PasswordPolicy.check("Str0ngPassw0rd`", "new_password")).isEmpty();
    }
}
