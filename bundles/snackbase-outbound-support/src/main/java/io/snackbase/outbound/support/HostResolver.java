package io.snackbase.outbound.support;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name-to-address lookup used by {@link OutboundHttp}; the system resolver in production, a fixed map in tests. */
@FunctionalInterface
public interface HostResolver {

    /** The JVM's resolver ({@link InetAddress#getAllByName(String)}). */
    HostResolver SYSTEM = InetAddress::getAllByName;

    /** @return every address of the host, in the order they should be tried */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
