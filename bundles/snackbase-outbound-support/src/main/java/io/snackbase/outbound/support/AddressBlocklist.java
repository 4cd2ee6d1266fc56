package io.snackbase.outbound.support;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The address ranges that outbound requests may never reach: everything that is not a globally routable
 * unicast address. Loopback is the one range a caller may allow (development mode); IPv6 forms that embed
 * an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by the IPv4 address they carry.
 */
public final class AddressBlocklist {

    private record Range(byte[] prefix, int bits, String name) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    private static final List<Range> LOOPBACK = List.of(range("127.0.0.0", 8, "loopback"), range("::1", 128, "loopback"));

    private static final List<Range> BLOCKED = List.of(
            range("0.0.0.0", 8, "'this network'"),
            range("10.0.0.0", 8, "private"),
            range("100.64.0.0", 10, "carrier-grade NAT"),
            range("169.254.0.0", 16, "link-local (cloud metadata)"),
            range("172.16.0.0", 12, "private"),
            range("192.0.0.0", 24, "IETF protocol assignments"),
            range("192.0.2.0", 24, "documentation"),
            range("192.88.99.0", 24, "6to4 relay anycast"),
            range("192.168.0.0", 16, "private"),
            range("198.18.0.0", 15, "benchmarking"),
            range("198.51.100.0", 24, "documentation"),
            range("203.0.113.0", 24, "documentation"),
            range("224.0.0.0", 4, "multicast"),
            range("240.0.0.0", 4, "reserved or broadcast"),
            range("::", 128, "unspecified"),
            range("100::", 64, "discard-only"),
            range("2001::", 23, "IETF protocol assignments (Teredo)"),
            range("2001:db8::", 32, "documentation"),
            range("fc00::", 7, "unique-local"),
            range("fe80::", 10, "link-local"),
            range("fec0::", 10, "site-local"),
            range("ff00::", 8, "multicast"));

    private static final Range MAPPED = range("::ffff:0:0", 96, "IPv4-mapped");
    private static final Range COMPATIBLE = range("::", 96, "IPv4-compatible");
    private static final Range NAT64 = range("64:ff9b::", 96, "NAT64");
    private static final Range SIX_TO_FOUR = range("2002::", 16, "6to4");

    private AddressBlocklist() {}

    /**
     * @param address       a resolved or literal address
     * @param allowLoopback whether 127.0.0.0/8 and ::1 are acceptable (development mode only)
     * @return why the address may not be contacted, or {@code null} if it may
     */
    public static String reason(InetAddress address, boolean allowLoopback) {
        byte[] raw = address.getAddress();
        if (address instanceof Inet6Address) {
            byte[] embedded = embeddedIpv4(raw);
            if (embedded != null) {
                String inner = reason(raw(embedded), allowLoopback);
                return inner == null ? null : inner + " (embedded in IPv6 " + address.getHostAddress() + ")";
            }
        }
        for (Range loopback : LOOPBACK) {
            if (loopback.contains(raw)) {
                return allowLoopback ? null : "loopback address " + address.getHostAddress();
            }
        }
        for (Range range : BLOCKED) {
            if (range.contains(raw)) {
                return range.name() + " address " + address.getHostAddress();
            }
        }
        return null;
    }

    /** The IPv4 address carried in an IPv6 address, or null; ::1 is IPv6 loopback, not IPv4-compatible 0.0.0.1. */
    private static byte[] embeddedIpv4(byte[] raw) {
        if (MAPPED.contains(raw) || NAT64.contains(raw)) {
            return Arrays.copyOfRange(raw, 12, 16);
        }
        if (COMPATIBLE.contains(raw) && !LOOPBACK.get(1).contains(raw)) {
            return Arrays.copyOfRange(raw, 12, 16);
        }
        if (SIX_TO_FOUR.contains(raw)) {
            return Arrays.copyOfRange(raw, 2, 6);
        }
        return null;
    }

    private static InetAddress raw(byte[] ipv4) {
        try {
            return Inet4Address.getByAddress(ipv4);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Range range(String literal, int bits, String name) {
        try {
            // Literals only: InetAddress does not resolve them. Mapped literals come back as IPv4, so build by hand.
            byte[] bytes = literal.contains(":") ? ipv6Bytes(literal) : InetAddress.getByName(literal).getAddress();
            return new Range(bytes, bits, name);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(literal, e);
        }
    }

    private static byte[] ipv6Bytes(String literal) throws UnknownHostException {
        InetAddress parsed = InetAddress.getByName(literal);
        if (parsed instanceof Inet6Address) {
            return parsed.getAddress();
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
        return mapped;
    }
}
