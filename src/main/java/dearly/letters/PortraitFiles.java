package dearly.letters;

import dearly.web.Feature;
import dearly.web.Open;
import dearly.web.RateLimits;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * Serves advisors' portraits at {@code /advisors/photos/<sha-256>.jpg}. The name is the content's
 * fingerprint, so the answer never changes and a browser or a CDN may keep it for a year.
 */
public final class PortraitFiles implements Feature {
    private final AdvisorProfiles profiles;

    public PortraitFiles(AdvisorProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public void routes(RoutesConfig routes, RateLimits rateLimits) {
        routes.get(AdvisorProfiles.PHOTOS + "{file}", this::photo, Open.TO_ANYONE);
    }

    private void photo(Context ctx) {
        byte[] jpeg = profiles.photo(ctx.pathParam("file")).orElseThrow(NotFoundResponse::new);
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.contentType("image/jpeg").result(jpeg);
    }
}
