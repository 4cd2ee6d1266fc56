package io.snackbase.rest.internal.filters;

import jakarta.ws.rs.core.HttpHeaders;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** The correlation id rules: which incoming ids are echoed, and how new ones look. */
public final class CorrelationIds {

    /** The request and response header. */
    public static final String HEADER = "X-Correlation-ID";

    /** The SLF4J MDC key holding the current request's id while it is processed. */
    public static final String MDC_KEY = "correlation_id";

    // a client-chosen id ends up in log lines and headers: keep it short and free of
    // characters that could forge log lines or split headers
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CorrelationIds() {}

    /**
     * @param incoming the request's header value, possibly null
     * @return the incoming id when it is acceptable, otherwise a new one
     */
    public static String echoOrGenerate(String incoming) {
        if (incoming != null && ACCEPTED.matcher(incoming).matches()) {
            return incoming;
        }
        return generate();
    }

    /** @return a new id: "cid_" and 12 lowercase hex digits, like the reference server */
    public static String generate() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return "cid_" + HexFormat.of().formatHex(bytes);
    }

    /**
     * The id of the request being processed. The correlation filter rewrites the request
     * header to the effective id, so the header is the reliable source; the MDC is the fallback.
     *
     * @param headers the current request's headers (an injected proxy), or null
     * @return the request's id, or a new one when the correlation filter did not run, so that
     *     an error body never lacks an id
     */
    public static String current(HttpHeaders headers) {
        try {
            String header = headers == null ? null : headers.getHeaderString(HEADER);
            if (header != null && ACCEPTED.matcher(header).matches()) {
                return header;
            }
        } catch (RuntimeException outsideRequest) {
            // an injected proxy outside a request scope throws; fall back to the thread's id
        }
        String id = MDC.get(MDC_KEY);
        return id != null ? id : generate();
    }
}
