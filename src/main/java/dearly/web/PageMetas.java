package dearly.web;

import dearly.language.Messages;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The one way a page's {@link PageMeta} is made: its canonical address from {@link Links} (so from
 * {@code DEARLY_BASE_URL}, never the request's Host header), and the staff member signed in on the
 * request, for the header's menu.
 */
public final class PageMetas {
    private final Links links;
    private final SiteHead site;

    /** What every public page's head offers, whatever its content: the site's share image and feeds. */
    @FunctionalInterface
    public interface SiteHead {
        PageHead of(Context ctx, Messages t);
    }

    public PageMetas(Links links) {
        this(links, (ctx, t) -> PageHead.NONE);
    }

    public PageMetas(Links links, SiteHead site) {
        this.links = links;
        this.site = site;
    }

    /** A page of the site, without a description of its own. */
    public PageMeta of(Context ctx, Messages t, String title, String path) {
        return of(ctx, t, title, "", path, "website");
    }

    /**
     * @param path the canonical path, from "/"
     * @param type its Open Graph type: website, article, profile
     */
    public PageMeta of(Context ctx, Messages t, String title, String description, String path, String type) {
        return new PageMeta(title, description, links.absolute(ctx, path), type, t, SignedIn.of(ctx), site.of(ctx, t));
    }

    /** A page saying a request was refused or failed: it points home, and its menu is the public one. */
    public PageMeta refusal(Context ctx, Messages t, String title) {
        return refusal(t, title, links.absolute(ctx, "/"));
    }

    /** The same for a request Jetty refused before Dearly saw it: Dearly's own address, as announced. */
    public PageMeta refusal(Messages t, String title) {
        return refusal(t, title, links.base() + "/");
    }

    private static PageMeta refusal(Messages t, String title, String home) {
        return new PageMeta(title, "", home, "website", t, Optional.empty());
    }
}
