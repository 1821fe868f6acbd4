package dearly.web;

import io.javalin.http.Context;
import java.util.function.BiConsumer;

/**
 * Headers on every response. The content security policy allows nothing from other sites: pages load
 * only Dearly's own CSS, script and images, and no inline script can run.
 *
 * <p>Over https (directly, or through a trusted proxy that says so) the browser is also told to use
 * https only, for a year ({@value #HSTS}). Without {@code includeSubDomains}: Dearly often runs on one
 * name of an organisation's domain (letters.clinic.org) whose other names Dearly knows nothing about,
 * and a year of refusing their plain-http pages is not Dearly's to decide. Without {@code preload}
 * for the same reason, and because leaving the browsers' preload list takes months.
 */
public final class SecurityHeaders {
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000";

    private SecurityHeaders() {}

    public static void apply(Context ctx) {
        always(ctx::header);
        // Browsers ignore this header over plain http (RFC 6797), so it is sent only where it counts.
        if ("https".equalsIgnoreCase(ctx.scheme())) ctx.header("Strict-Transport-Security", HSTS);
    }

    /** The headers every response gets, https or not, given to {@code header} as name and value. */
    static void always(BiConsumer<String, String> header) {
        header.accept("Content-Security-Policy", POLICY);
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "strict-origin-when-cross-origin");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    }
}
