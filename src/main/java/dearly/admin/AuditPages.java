package dearly.admin;

import dearly.accounts.Role;
import dearly.audit.AuditEntry;
import dearly.audit.AuditFilter;
import dearly.audit.AuditLog;
import dearly.language.Messages;
import dearly.web.Feature;
import dearly.web.HtmlResponse;
import dearly.web.LanguageChoice;
import dearly.web.PageMetas;
import dearly.web.RateLimits;
import gg.jte.generated.precompiled.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The audit log for admins at /admin/audit: newest first, a page at a time, filtered by person,
 * action, subject and dates (whole days in UTC, the zone the entries are shown in). A filter that
 * cannot be read (a date mistyped in a shared link) is left out and said so, never an error page.
 */
public final class AuditPages implements Feature {
    private final AuditLog audit;
    private final Templates templates;
    private final PageMetas metas;

    public AuditPages(AuditLog audit, Templates templates, PageMetas metas) {
        this.audit = audit;
        this.templates = templates;
        this.metas = metas;
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        routes.get("/admin/audit", this::log, Role.ADMIN);
    }

    /** The filter as typed in the page's form (a GET form: its address can be shared and kept). */
    public record Asked(String person, String action, String kind, String subject, String from, String until, int page) {
        public String query(int otherPage) {
            return "?person=" + encoded(person) + "&action=" + encoded(action) + "&kind=" + encoded(kind) + "&subject="
                    + encoded(subject) + "&from=" + encoded(from) + "&until=" + encoded(until) + "&page=" + otherPage;
        }

        private static String encoded(String value) {
            return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private void log(Context ctx) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        Asked asked = new Asked(param(ctx, "person"), param(ctx, "action"), param(ctx, "kind"), param(ctx, "subject"),
                param(ctx, "from"), param(ctx, "until"), page(param(ctx, "page")));
        Optional<Instant> from = day(asked.from()), until = day(asked.until()).map(day -> day.plusSeconds(86_400));
        boolean unreadable = (!asked.from().isEmpty() && from.isEmpty()) || (!asked.until().isEmpty() && until.isEmpty())
                || (!asked.person().isEmpty() && !asked.person().matches("\\d{1,18}"));
        AuditFilter filter = new AuditFilter(
                asked.person().matches("\\d{1,18}") ? Optional.of(Long.valueOf(asked.person())) : Optional.empty(),
                nonEmpty(asked.action()), nonEmpty(asked.kind()), nonEmpty(asked.subject()), from, until);
        List<AuditEntry> found = audit.find(filter, asked.page());
        boolean more = found.size() > AuditLog.PAGE_SIZE;
        HtmlResponse.send(ctx, templates.adminAudit(metas.of(ctx, t, t.get("admin.audit.title"), "/admin/audit"),
                more ? found.subList(0, AuditLog.PAGE_SIZE) : found, audit.choices(), asked, more,
                unreadable ? t.get("admin.audit.unreadable") : ""));
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        // Control characters match nothing stored and PostgreSQL refuses a NUL: they are left out, as a typo would be.
        return value == null ? "" : value.replaceAll("\\p{Cc}", "").strip();
    }

    private static Optional<String> nonEmpty(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static int page(String typed) {
        return typed.matches("\\d{1,6}") ? Integer.parseInt(typed) : 0;
    }

    private static Optional<Instant> day(String typed) {
        try {
            return typed.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(typed).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
