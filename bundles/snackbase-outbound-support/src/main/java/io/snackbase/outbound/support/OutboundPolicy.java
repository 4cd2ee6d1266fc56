package io.snackbase.outbound.support;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs and addresses the server may call out to (SSRF protection). Production mode (the default) allows
 * {@code https://} only and no loopback, private, link-local, unique-local, multicast, metadata or otherwise
 * non-public address; development mode ({@code SNACKBASE_ENVIRONMENT=development}) also allows {@code http://}
 * and loopback so that local receivers work, and still blocks every other range. {@link #check(String)} runs when
 * a URL is saved (literal addresses and {@code localhost} names); {@link OutboundHttp} checks again the address
 * each connection actually uses, which is what defeats DNS rebinding. Immutable and thread-safe.
 */
public final class OutboundPolicy {

    /** The environment variable that selects the mode; only the value {@code development} relaxes it. */
    public static final String ENVIRONMENT_VARIABLE = "SNACKBASE_ENVIRONMENT";

    private final boolean development;

    /** @param development whether http:// and loopback targets are allowed */
    public OutboundPolicy(boolean development) {
        this.development = development;
    }

    /** @return the policy for the mode named by {@value #ENVIRONMENT_VARIABLE} (production when unset) */
    public static OutboundPolicy fromEnvironment() {
        return new OutboundPolicy("development".equalsIgnoreCase(System.getenv(ENVIRONMENT_VARIABLE)));
    }

    /** @return whether this is the development mode */
    public boolean development() {
        return development;
    }

    /**
     * Checks a URL before it is stored or called: absolute http(s) URL with a host, https in production, no user
     * info, and no blocked literal address or {@code localhost} name. Host names are not resolved here.
     *
     * @return the parsed URI
     * @throws OutboundDeniedException with the reason when the URL is refused
     */
    public URI check(String url) throws OutboundDeniedException {
        URI uri = parse(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new OutboundDeniedException("URL scheme must be http or https");
        }
        if (!development && !scheme.equals("https")) {
            throw new OutboundDeniedException("URL must use HTTPS in production");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new OutboundDeniedException("URL must have a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new OutboundDeniedException("URL must not contain user credentials");
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (!development && (name.equals("localhost") || name.endsWith(".localhost"))) {
            throw new OutboundDeniedException("URL cannot target a loopback host (" + host + ")");
        }
        InetAddress literal = literalAddress(host);
        if (literal != null) {
            checkAddress(literal);
        }
        return uri;
    }

    /**
     * Checks one address a connection is about to use.
     *
     * @throws OutboundDeniedException naming the blocked range
     */
    public void checkAddress(InetAddress address) throws OutboundDeniedException {
        String reason = AddressBlocklist.reason(address, development);
        if (reason != null) {
            throw new OutboundDeniedException("URL cannot target private/loopback IP address: " + reason);
        }
    }

    private static URI parse(String url) throws OutboundDeniedException {
        if (url == null || url.isBlank()) {
            throw new OutboundDeniedException("URL is required");
        }
        try {
            URI uri = new URI(url.trim());
            if (!uri.isAbsolute() || uri.isOpaque()) {
                throw new OutboundDeniedException("URL must be absolute, like https://example.com/hook");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new OutboundDeniedException("URL is not valid: " + e.getReason());
        }
    }

    /** The address a host part spells literally (IPv4 dotted or bracketed IPv6), or null for a name. */
    static InetAddress literalAddress(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv4 = bare.matches("[0-9.]+");
        boolean ipv6 = bare.contains(":");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(bare); // a literal is parsed, never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
