package dearly.web;

import dearly.web.RateLimits.Group;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How many requests each client may make to each group of routes, read once from the environment.
 * Limits are on unless {@code DEARLY_RATE_LIMITS=off}.
 *
 * <p>The defaults count what a person does, not what her browser does, and leave room for many
 * parents behind one address: mobile networks put hundreds of phones behind one carrier-grade NAT
 * address, and a mother typically sends her question two or three times (fixing what the form
 * marked), edits once and never signs in. A column receives a few questions a day, so an address
 * that sends thirty in an hour is a machine; one that sends three hundred posts of any kind in ten
 * minutes (adding children included) is one for certain. Sign-in attempts are also counted per
 * account, wherever they come from, so spreading guesses over many addresses does not help.
 *
 * @param limits each limited group's allowance; a group that is missing is not limited
 * @param trustedProxies the load balancers whose {@code X-Forwarded-For} header names the client
 * @param maxClientsPerGroup how many clients' allowances each group remembers at once; bounds memory
 */
public record RateLimitSettings(Map<Group, Limit> limits, TrustedProxies trustedProxies, int maxClientsPerGroup) {
    public static final String VARIABLE = "DEARLY_RATE_LIMITS";
    /** A remembered client costs a few hundred bytes: eight groups stay within some 50 MB under any flood. */
    public static final int DEFAULT_MAX_CLIENTS_PER_GROUP = 20_000;
    public static final Map<Group, Limit> DEFAULTS = Map.of(
            Group.FORMS, new Limit(300, Duration.ofMinutes(10)),
            Group.ASK, new Limit(30, Duration.ofHours(1)),
            Group.EDIT, new Limit(30, Duration.ofHours(1)),
            Group.SIGN_IN, new Limit(30, Duration.ofMinutes(10)),
            Group.SIGN_IN_ACCOUNT, new Limit(10, Duration.ofHours(1)),
            Group.REACT, new Limit(60, Duration.ofHours(1)),
            Group.API_WRITE, new Limit(30, Duration.ofMinutes(10)),
            Group.API_READ, new Limit(300, Duration.ofMinutes(1)));

    private static final Pattern ENTRY = Pattern.compile("([a-z-]+)\\s*=\\s*(?:(off)|(\\d{1,9})\\s*/\\s*(\\d{0,6})\\s*([smhd]))");
    private static final String HOW = "Set it to off, or to limits such as ask=30/1h,sign-in=30/10m,api-read=300/1m"
            + " (groups: " + Arrays.stream(Group.values()).map(Group::settingName).collect(Collectors.joining(", "))
            + "; periods in s, m, h or d; a group may be off, and a group not named keeps its default)";

    /**
     * As many requests as {@code requests} in any {@code period}, refilled steadily: after hitting
     * the limit a client waits {@code period / requests}, not the whole period.
     */
    public record Limit(long requests, Duration period) {
        public Limit {
            if (requests < 1) throw new IllegalArgumentException("a limit allows at least one request");
            if (period == null || period.isNegative() || period.isZero()) throw new IllegalArgumentException("a limit needs a period");
        }
    }

    public RateLimitSettings {
        limits = Map.copyOf(limits);
        if (trustedProxies == null) throw new IllegalArgumentException("trusted proxies are needed, even none");
        if (maxClientsPerGroup < 1) throw new IllegalArgumentException("at least one client per group must be remembered");
    }

    public static RateLimitSettings defaults() {
        return new RateLimitSettings(DEFAULTS, TrustedProxies.NONE, DEFAULT_MAX_CLIENTS_PER_GROUP);
    }

    /** For benchmarks and local testing. */
    public static RateLimitSettings off() {
        return new RateLimitSettings(Map.of(), TrustedProxies.NONE, DEFAULT_MAX_CLIENTS_PER_GROUP);
    }

    /** Reads {@code DEARLY_RATE_LIMITS} and {@code DEARLY_TRUSTED_PROXIES}; a mistake is explained by variable name. */
    public static RateLimitSettings fromEnvironment(Map<String, String> env) {
        TrustedProxies proxies = TrustedProxies.parse(env.getOrDefault(TrustedProxies.VARIABLE, ""));
        return new RateLimitSettings(limits(env.getOrDefault(VARIABLE, "")), proxies, DEFAULT_MAX_CLIENTS_PER_GROUP);
    }

    public boolean on() {
        return !limits.isEmpty();
    }

    public Optional<Limit> limit(Group group) {
        return Optional.ofNullable(limits.get(group));
    }

    private static Map<Group, Limit> limits(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.equals("off")) return Map.of();
        Map<Group, Limit> limits = new EnumMap<>(DEFAULTS);
        if (text.isEmpty() || text.equals("on")) return limits;
        EnumMap<Group, Boolean> named = new EnumMap<>(Group.class);
        for (String entry : text.split(",", -1)) {
            Matcher parts = ENTRY.matcher(entry.strip());
            if (!parts.matches()) throw mistake("cannot read '" + entry.strip() + "'");
            Group group = Group.bySettingName(parts.group(1)).orElseThrow(() -> mistake("there is no group '" + parts.group(1) + "'"));
            if (named.put(group, true) != null) throw mistake("names " + group.settingName() + " twice");
            if (parts.group(2) != null) {
                limits.remove(group);
                continue;
            }
            long requests = Long.parseLong(parts.group(3));
            long units = parts.group(4).isEmpty() ? 1 : Long.parseLong(parts.group(4));
            if (requests < 1 || units < 1) {
                throw mistake("'" + entry.strip() + "' allows nothing; write " + group.settingName() + "=off to turn it off");
            }
            limits.put(group, new Limit(requests, period(units, parts.group(5))));
        }
        return limits;
    }

    private static Duration period(long units, String unit) {
        return switch (unit) {
            case "s" -> Duration.ofSeconds(units);
            case "m" -> Duration.ofMinutes(units);
            case "h" -> Duration.ofHours(units);
            default -> Duration.ofDays(units);
        };
    }

    private static IllegalArgumentException mistake(String what) {
        return new IllegalArgumentException(VARIABLE + ": " + what + ". " + HOW + ".");
    }
}
