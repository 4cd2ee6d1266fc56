package io.snackbase.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a receiver does to trust a delivery, written independently of the bundle's signing code: the contract's
 * Python snippet ({@code "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()}) and the
 * Standard Webhooks check (base64 HMAC-SHA256 of {@code id.timestamp.body}, any of the space-separated
 * {@code v1,} signatures may match).
 */
final class ReceiverChecks {

    private ReceiverChecks() {}

    static String pythonSignature(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** @return the v1 signatures of the header that verify with the secret */
    static List<String> standardMatches(String secret, Receiver.Request request) throws Exception {
        String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        List<String> matches = new ArrayList<>();
        for (String candidate : request.header("webhook-signature").split(" ")) {
            if (candidate.equals("v1," + expected)) {
                matches.add(candidate);
            }
        }
        return matches;
    }
}
