package dearly.desk;

import dearly.accounts.Role;
import dearly.accounts.Sessions;
import dearly.accounts.User;
import dearly.language.Messages;
import dearly.letters.Advisor;
import dearly.letters.AdvisorProfiles;
import dearly.letters.Portraits;
import dearly.web.Csrf;
import dearly.web.Feature;
import dearly.web.HtmlResponse;
import dearly.web.LanguageChoice;
import dearly.web.PageMetas;
import dearly.web.RateLimits;
import gg.jte.generated.precompiled.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /desk/profile}: an advisor edits the public page her letters sign to: the name she signs
 * with, a few words about her, and her photo. The photo is judged by its content
 * ({@link Portraits}); what she typed is kept when anything needs fixing.
 */
public final class AdvisorProfilePages implements Feature {
    private final AdvisorProfiles profiles;
    private final Csrf csrf;
    private final Templates templates;
    private final PageMetas metas;

    public AdvisorProfilePages(AdvisorProfiles profiles, Csrf csrf, Templates templates, PageMetas metas) {
        this.profiles = profiles;
        this.csrf = csrf;
        this.templates = templates;
        this.metas = metas;
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        rateLimits.limit("/desk/profile", HandlerType.POST, RateLimits.Group.FORMS);
        routes.get("/desk/profile", this::form, Role.ADVISOR);
        routes.post("/desk/profile", this::save, Role.ADVISOR);
    }

    private void form(Context ctx) {
        User user = Sessions.user(ctx).orElseThrow();
        Optional<Advisor> advisor = profiles.of(user.id());
        AdvisorProfileForm typed = new AdvisorProfileForm(advisor.map(Advisor::displayName).orElse(user.displayName()),
                advisor.map(Advisor::bio).orElse(""));
        show(ctx, HttpStatus.OK, advisor, typed, Map.of(), ctx.queryParam("saved") != null);
    }

    private void save(Context ctx) {
        User user = Sessions.user(ctx).orElseThrow();
        Messages t = Messages.of(LanguageChoice.of(ctx));
        AdvisorProfileForm typed = new AdvisorProfileForm(ctx.formParam("display_name"), ctx.formParam("bio"));
        Map<String, String> problems = new LinkedHashMap<>();
        if (!csrf.isValid(ctx)) problems.put("display_name", t.get("desk.profile.expired"));
        problems.putAll(typed.problems(t));
        Optional<byte[]> portrait = Optional.empty();
        UploadedFile upload = ctx.uploadedFile("photo");
        // No file chosen: the browser sends a part with no file name; her photo stays as it is.
        if (upload != null && !upload.filename().isEmpty()) {
            Portraits.Result made = Portraits.of(read(upload));
            if (made.ok()) portrait = Optional.of(made.jpeg());
            else problems.put("photo", t.format("desk.profile.photo." + made.refusal().key(),
                    Portraits.MAX_BYTES / 1_000_000.0, Portraits.MAX_PIXELS / 1_000_000));
        }
        if (!problems.isEmpty()) {
            show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, profiles.of(user.id()), typed, problems, false);
            return;
        }
        profiles.save(user.actor(), user.id(), user.displayName(), typed.displayName(), typed.bio(), portrait);
        ctx.redirect(t.href("/desk/profile?saved"), HttpStatus.SEE_OTHER);
    }

    private static byte[] read(UploadedFile upload) {
        try (InputStream content = upload.content()) {
            return Portraits.readCapped(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void show(Context ctx, HttpStatus status, Optional<Advisor> advisor, AdvisorProfileForm typed, Map<String, String> problems,
            boolean saved) {
        Messages t = Messages.of(LanguageChoice.of(ctx));
        ctx.status(status);
        HtmlResponse.send(ctx, templates.deskProfile(metas.of(ctx, t, t.get("desk.profile.title"), "/desk/profile"), csrf.token(ctx),
                typed.displayName(), typed.bio(), advisor.map(Advisor::photoPath).orElse(null),
                advisor.map(Advisor::path).orElse(""), problems, saved));
    }
}
