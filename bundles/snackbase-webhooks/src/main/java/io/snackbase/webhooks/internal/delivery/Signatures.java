package io.snackbase.webhooks.internal.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two signature schemes of a delivery, both HMAC-SHA256 keyed with the secret's UTF-8 bytes: ours over the
 * raw body ({@code sha256=<hex>}, as the SDK and the contract's Python snippet check it) and Standard Webhooks'
 * over {@code id.timestamp.body} ({@code v1,<base64>}).
 */
public final class Signatures {

    private Signatures() {}

    /** @return {@code sha256=<lowercase hex HMAC-SHA256(secret, body)>} */
    public static String snackbase(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
    }

    /** @return {@code v1,<base64 HMAC-SHA256(secret, id + "." + timestamp + "." + body)>} */
    public static String standard(String secret, String id, long timestamp, byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return "v1," + Base64.getEncoder().encodeToString(hmac(secret, content));
    }

    private static byte[] hmac(String secret, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
