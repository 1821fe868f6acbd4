package dearly.ops;

import dearly.web.TrustedProxies;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * Who may read {@code /metrics}: whoever sends {@code Authorization: Bearer} with
 * {@code DEARLY_METRICS_TOKEN}, and whoever connects from {@code DEARLY_METRICS_FROM} (addresses or
 * ranges, such as a Prometheus server's). Neither set: no one, and the address answers 404 like any
 * other that is not there. The figures name no person, but they tell an outsider how busy the column
 * is and how far its mail is behind.
 *
 * @param token the bearer token, or empty
 * @param from the addresses let in without a token; {@link TrustedProxies#NONE} for none
 */
public record MetricsAccess(Optional<String> token, TrustedProxies from) {
    public static final MetricsAccess CLOSED = new MetricsAccess(Optional.empty(), TrustedProxies.NONE);

    public MetricsAccess {
        token.ifPresent(value -> {
            if (value.length() < 16) throw new IllegalArgumentException("DEARLY_METRICS_TOKEN must be at least 16 characters");
        });
    }

    public static MetricsAccess fromEnvironment(Map<String, String> env) {
        String token = env.get("DEARLY_METRICS_TOKEN");
        String from = env.get("DEARLY_METRICS_FROM");
        return new MetricsAccess(token == null || token.isBlank() ? Optional.empty() : Optional.of(token.strip()),
                from == null || from.isBlank() ? TrustedProxies.NONE : TrustedProxies.parse(from, "DEARLY_METRICS_FROM"));
    }

    /** The peer's own address counts, never X-Forwarded-For: a proxy in front must not open it to everyone. */
    boolean admits(Context ctx) {
        if (from.includes(ctx.req().getRemoteAddr())) return true;
        String authorization = ctx.header("Authorization");
        if (token.isEmpty() || authorization == null || !authorization.startsWith("Bearer ")) return false;
        return MessageDigest.isEqual(authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8),
                token.get().getBytes(StandardCharsets.UTF_8));
    }
}
