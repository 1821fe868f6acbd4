package dearly.web;

import io.javalin.http.Context;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load balancers in front of Dearly ({@code DEARLY_TRUSTED_PROXIES}: addresses or ranges such
 * as {@code 10.0.0.0/8, 2001:db8::/32}), and so who the client of a request is. A client can write
 * any {@code X-Forwarded-For} it likes, so the header is read only when the peer is one of these,
 * and then from the right: the first address that is not a trusted proxy is the one our own load
 * balancer saw. The same goes for {@code X-Forwarded-Proto}: only a trusted proxy can say the
 * visitor came over https. Addresses are only ever parsed, never looked up in DNS.
 */
public final class TrustedProxies {
    public static final String VARIABLE = "DEARLY_TRUSTED_PROXIES";
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?::\\d{1,5})?");
    private static final Pattern IPV6 = Pattern.compile("\\[?([0-9a-fA-F:][0-9a-fA-F:.]*)(?:%[\\w.-]+)?(?:](?::\\d{1,5})?)?");

    private record Range(byte[] network, int prefixLength) {
        boolean includes(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) return false;
            for (int bit = 0; bit < prefixLength; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) return false;
            }
            return true;
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** @param value comma- or space-separated addresses and CIDR ranges; blank for none */
    public static TrustedProxies parse(String value) {
        return parse(value, VARIABLE);
    }

    /** The same for another setting that lists addresses, named in the error. */
    public static TrustedProxies parse(String value, String variable) {
        List<Range> ranges = new ArrayList<>();
        for (String item : value.strip().split("[,\\s]+")) {
            if (item.isEmpty()) continue;
            String[] parts = item.split("/", -1);
            InetAddress address = parts.length > 2 ? null : literal(parts[0]).orElse(null);
            int maxPrefix = address instanceof Inet4Address ? 32 : 128;
            int prefix = address == null || parts.length == 1 ? maxPrefix : prefixLength(parts[1], maxPrefix);
            if (address == null || prefix < 0) {
                throw new IllegalArgumentException(variable + ": '" + item + "' is not an IP address or range;"
                        + " list addresses or ranges, e.g. 10.0.0.5, 10.0.0.0/8 or 2001:db8::/32");
            }
            ranges.add(new Range(address.getAddress(), prefix));
        }
        return ranges.isEmpty() ? NONE : new TrustedProxies(ranges);
    }

    public boolean includes(InetAddress address) {
        return ranges.stream().anyMatch(range -> range.includes(address));
    }

    /** Whether this address, as written (a connection's peer), is among these; false for anything not an address. */
    public boolean includes(String address) {
        return literal(address).filter(this::includes).isPresent();
    }

    /**
     * The client of a request, as the key its rate limits are kept under: an IPv4 address, or the
     * /64 network of an IPv6 address, since one home or phone is given a whole /64 to pick from.
     *
     * @param peer the address the connection came from
     * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order; may be empty
     */
    public String clientKey(String peer, List<String> forwardedFor) {
        Optional<InetAddress> connected = literal(peer);
        if (connected.isEmpty()) return peer; // not an address at all (a unix socket, a test harness): keep it whole
        InetAddress client = connected.get();
        if (includes(client) && !forwardedFor.isEmpty()) {
            List<String> hops = Arrays.asList(String.join(",", forwardedFor).split(","));
            for (int i = hops.size() - 1; i >= 0; i--) {
                Optional<InetAddress> hop = literal(hops.get(i));
                if (hop.isEmpty()) break; // what a trusted proxy passes on is an address; anything else came from the client
                client = hop.get();
                if (!includes(client)) break;
            }
        }
        return key(client);
    }

    /**
     * The scheme the visitor used, for {@code ctx.scheme()} (set as Javalin's scheme resolver):
     * https when the connection itself is TLS, or when the peer is a trusted proxy whose
     * {@code X-Forwarded-Proto} says https. From anyone else the header is ignored, since a client
     * can claim https over plain http.
     */
    public String scheme(Context ctx) {
        return scheme(ctx.req().isSecure(), ctx.req().getRemoteAddr(),
                Collections.list(ctx.req().getHeaders("X-Forwarded-Proto")));
    }

    /**
     * @param forwardedProto every {@code X-Forwarded-Proto} header, in order; the last value counts,
     *     being the one our own proxy wrote (a proxy that appends puts its own value last)
     */
    String scheme(boolean tls, String peer, List<String> forwardedProto) {
        if (tls) return "https";
        if (forwardedProto.isEmpty() || literal(peer).filter(this::includes).isEmpty()) return "http";
        String[] values = String.join(",", forwardedProto).split(",");
        return values.length > 0 && values[values.length - 1].strip().equalsIgnoreCase("https") ? "https" : "http";
    }

    private static String key(InetAddress address) {
        if (address instanceof Inet4Address) return address.getHostAddress();
        byte[] network = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(network, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** An IP address written out (with or without brackets, port or zone), never a name to look up. */
    static Optional<InetAddress> literal(String text) {
        if (text == null) return Optional.empty();
        String written = text.strip();
        try {
            Matcher v4 = IPV4.matcher(written);
            if (v4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(v4.group(i + 1));
                    if (octet > 255) return Optional.empty();
                    bytes[i] = (byte) octet;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            Matcher v6 = IPV6.matcher(written);
            // Starting with a hex digit or colon and holding a colon, the text is parsed as an IPv6
            // literal by InetAddress, which then never asks DNS.
            if (v6.matches() && v6.group(1).contains(":")) return Optional.of(InetAddress.getByName(v6.group(1)));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static int prefixLength(String text, int max) {
        if (!text.matches("\\d{1,3}")) return -1;
        int prefix = Integer.parseInt(text);
        return prefix <= max ? prefix : -1;
    }

    @Override
    public String toString() {
        return ranges.size() + " trusted proxy range(s)";
    }
}
