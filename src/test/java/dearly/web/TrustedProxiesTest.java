package dearly.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who the client is: the peer, unless the peer is our own load balancer and says who it forwarded. */
class TrustedProxiesTest {

    private record Case(String trusted, String peer, String forwardedFor, String client) {}

    @Test
    void theClientIsThePeerOrWhomATrustedProxyForwarded() {
        List<Case> cases = List.of(
                new Case("", "203.0.113.9", null, "203.0.113.9"),
                new Case("", "203.0.113.9", "198.51.100.1", "203.0.113.9"),
                new Case("10.0.0.0/8", "10.1.2.3", "203.0.113.9", "203.0.113.9"),
                new Case("10.0.0.0/8", "10.1.2.3", "198.51.100.1, 203.0.113.9", "203.0.113.9"),
                new Case("10.0.0.0/8", "10.1.2.3", "203.0.113.9, 10.0.0.7", "203.0.113.9"),
                new Case("10.0.0.0/8", "10.1.2.3", "203.0.113.9|10.0.0.7", "203.0.113.9"),
                new Case("10.0.0.0/8", "10.1.2.3", null, "10.1.2.3"),
                new Case("10.0.0.0/8", "10.1.2.3", "unknown", "10.1.2.3"),
                new Case("10.0.0.0/8", "10.1.2.3", "example.com", "10.1.2.3"),
                new Case("10.0.0.0/8", "10.1.2.3", "198.51.100.4:5555", "198.51.100.4"),
                new Case("10.0.0.5", "10.0.0.6", "203.0.113.9", "10.0.0.6"),
                new Case("2001:db8::/32", "[2001:db8::5]", "[2001:db8:9:9::1]:443, 2001:db8::6", "2001:db8:9:9:0:0:0:0/64"),
                new Case("2001:db8::/32", "2001:db8::5", "::ffff:203.0.113.9", "203.0.113.9"),
                new Case("", "2001:db8:1:2:aaaa::1", null, "2001:db8:1:2:0:0:0:0/64"),
                new Case("", "2001:db8:1:2:bbbb::2", null, "2001:db8:1:2:0:0:0:0/64"),
                new Case("", "[0:0:0:0:0:0:0:1]", null, "0:0:0:0:0:0:0:0/64"));
        for (Case c : cases) {
            // "|" stands for two separate X-Forwarded-For headers
            List<String> headers = c.forwardedFor() == null ? List.of() : Arrays.asList(c.forwardedFor().split("\\|"));
            assertThat(TrustedProxies.parse(c.trusted()).clientKey(c.peer(), headers)).as(c.toString()).isEqualTo(c.client());
        }
    }

    @Test
    void namesAreNeverTakenForAddresses() {
        assertThat(TrustedProxies.literal("localhost")).isEmpty();
        assertThat(TrustedProxies.literal("999.1.1.1")).isEmpty();
        assertThat(TrustedProxies.literal("1.2.3")).isEmpty();
        assertThat(TrustedProxies.literal("fe80::zz")).isEmpty();
        assertThat(TrustedProxies.literal(":::")).isEmpty();
        assertThat(TrustedProxies.literal("[::1]:8080")).isPresent();
    }

    @Test
    void rangesCoverTheirAddressesOnly() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8 192.168.1.10,2001:db8::/32");
        assertThat(proxies.includes(TrustedProxies.literal("10.255.0.1").orElseThrow())).isTrue();
        assertThat(proxies.includes(TrustedProxies.literal("11.0.0.1").orElseThrow())).isFalse();
        assertThat(proxies.includes(TrustedProxies.literal("192.168.1.10").orElseThrow())).isTrue();
        assertThat(proxies.includes(TrustedProxies.literal("192.168.1.11").orElseThrow())).isFalse();
        assertThat(proxies.includes(TrustedProxies.literal("2001:db8:ffff::1").orElseThrow())).isTrue();
        assertThat(proxies.includes(TrustedProxies.literal("2001:db9::1").orElseThrow())).isFalse();
    }
}
