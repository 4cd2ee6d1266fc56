package io.snackbase.outbound.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressBlocklistTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.254", "127.0.0.1",
        "127.8.9.10", "169.254.169.254", "169.254.0.1", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.1",
        "192.88.99.1", "192.168.0.1", "192.168.255.255", "198.18.0.1", "198.19.255.255", "198.51.100.7",
        "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
        "::", "::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:192.168.1.1",
        "::127.0.0.1", "::10.0.0.1", "64:ff9b::a00:1", "2002:c0a8:101::1", "2002:7f00:1::", "100::1",
        "2001::1", "2001:db8::1", "fc00::1", "fd12:3456::1", "fe80::1", "febf::1", "fec0::1", "ff02::1", "ff0e::1"})
    void blocksNonPublicAddressesInProduction(String literal) throws Exception {
        assertThat(AddressBlocklist.reason(InetAddress.getByName(literal), false)).as(literal).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0.0.0.0", "10.0.0.1", "100.64.0.1", "169.254.169.254", "172.20.0.1", "192.168.1.1", "224.0.0.1",
        "255.255.255.255", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "fc00::1", "fe80::1", "ff02::1", "::"})
    void developmentModeStillBlocksEverythingButLoopback(String literal) throws Exception {
        assertThat(AddressBlocklist.reason(InetAddress.getByName(literal), true)).as(literal).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"})
    void developmentModeAllowsLoopback(String literal) throws Exception {
        assertThat(AddressBlocklist.reason(InetAddress.getByName(literal), true)).as(literal).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "8.8.8.8", "1.1.1.1", "93.184.216.34", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
        "169.253.0.1", "192.169.0.1", "223.255.255.254", "2606:4700:4700::1111", "2a00:1450:4001::200e",
        "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
    void allowsPublicAddresses(String literal) throws Exception {
        assertThat(AddressBlocklist.reason(InetAddress.getByName(literal), false)).as(literal).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:127.0.0.1", "::ffff:10.1.2.3"})
    void mappedAddressesAreJudgedByTheirIpv4Address(String literal) throws Exception {
        // Built from raw bytes so that the JDK's automatic conversion to Inet4Address cannot hide the IPv6 form.
        byte[] v4 = InetAddress.getByName(literal.substring(7)).getAddress();
        byte[] raw = new byte[16];
        raw[10] = (byte) 0xFF;
        raw[11] = (byte) 0xFF;
        System.arraycopy(v4, 0, raw, 12, 4);
        InetAddress mapped = java.net.Inet6Address.getByAddress(null, raw, -1);
        assertThat(AddressBlocklist.reason(mapped, false)).contains("embedded in IPv6");
    }
}
