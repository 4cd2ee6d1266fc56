package io.snackbase.outbound.support;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The DNS resolver of the HTTP client: HttpClient connects only to the addresses returned here, so refusing the
 * lookup when any address is blocked is the connect-time check against the address actually used.
 */
final class CheckedDnsResolver implements DnsResolver {

    /** Carries the policy's reason through HttpClient, which expects an UnknownHostException from a resolver. */
    static final class Denied extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        Denied(String reason) {
            super(reason);
        }
    }

    private final OutboundPolicy policy;
    private final HostResolver resolver;

    CheckedDnsResolver(OutboundPolicy policy, HostResolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress literal = OutboundPolicy.literalAddress(host);
        InetAddress[] addresses = literal != null ? new InetAddress[] {literal} : resolver.resolve(host);
        // All must pass, not just one: a name that also resolves to a private address is a rebinding attempt.
        for (InetAddress address : addresses) {
            try {
                policy.checkAddress(address);
            } catch (OutboundDeniedException e) {
                throw new Denied(host + " resolves to a blocked address: " + e.getMessage());
            }
        }
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> result = new ArrayList<>();
        for (InetAddress address : resolve(host)) {
            result.add(new InetSocketAddress(address, port));
        }
        return result;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return host; // canonical names are never used for connecting; no second lookup
    }
}
