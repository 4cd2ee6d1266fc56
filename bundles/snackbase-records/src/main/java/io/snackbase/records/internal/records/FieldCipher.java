package io.snackbase.records.internal.records;

import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.api.collections.FieldDefinition;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest of {@code encrypted} fields (collections.md): AES-256-GCM with a random
 * 96-bit nonce per value, stored as {@code enc:v1:<base64(nonce || ciphertext+tag)>}. The
 * collection name and field name are the associated data, so a value copied into another field or
 * collection does not decrypt. Thread-safe (a {@link Cipher} per call).
 */
public final class FieldCipher {

    /** How encrypted values appear in record responses (records.md §2). */
    public static final String MASK = "••••••••";
    static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private FieldCipher(byte[] key) {
        this.key = key == null ? null : new SecretKeySpec(key, "AES");
    }

    /** @return a cipher without a key: encrypted fields can then not be written (400) */
    public static FieldCipher none() {
        return new FieldCipher(null);
    }

    /**
     * @param text 32 bytes as base64 (standard or URL-safe) or as 64 hex digits; blank for none
     * @throws IllegalArgumentException when the text is not such a key
     */
    public static FieldCipher of(String text) {
        if (text == null || text.isBlank()) {
            return none();
        }
        String t = text.strip();
        byte[] bytes;
        if (t.length() == 64 && t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            bytes = HexFormat.of().parseHex(t);
        } else {
            try {
                bytes = t.contains("-") || t.contains("_") ? Base64.getUrlDecoder().decode(t) : Base64.getDecoder().decode(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The encryption key is neither base64 nor hex");
            }
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("The encryption key must be 32 bytes (AES-256), not " + bytes.length);
        }
        return new FieldCipher(bytes);
    }

    /** @return whether a key is configured */
    public boolean available() {
        return key != null;
    }

    /**
     * Replaces the values of the collection's encrypted fields in a validated column map by their
     * ciphertext (nulls stay null).
     *
     * @throws ApiException 400 {@code encryption_unavailable} when a value is to be stored and no
     *     key is configured (nothing is written in clear)
     */
    void encryptColumns(CollectionDefinition def, Map<String, Object> columns) {
        for (FieldDefinition f : def.fields()) {
            Object value = columns.get(f.name());
            if (!f.encrypted() || value == null) {
                continue;
            }
            if (key == null) {
                throw RecordService.validation(List.of(new FieldError(f.name(), "Field '" + f.name()
                        + "' is encrypted and this server has no usable encryption key (configuration io.snackbase.records.encryption, key;"
                        + " or SNACKBASE_ENCRYPTION_KEY)", "encryption_unavailable")));
            }
            columns.put(f.name(), encrypt(value.toString(), def.name() + "." + f.name()));
        }
    }

    String encrypt(String plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @param context {@code <collection>.<field>}, as on encryption
     * @return the plaintext
     * @throws IllegalArgumentException when the value is not ours, was changed, or belongs to
     *     another field, collection or key
     */
    public String decrypt(String stored, String context) {
        if (key == null || stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not an encrypted value of this server");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The value does not decrypt with this key", e);
        }
    }
}
