package dearly.web;

import dearly.language.Language;
import dearly.language.Messages;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one way a page's {@link PageMeta} is made: its canonical address and its address in each
 * language from {@link Links} (so from {@code DEARLY_BASE_URL}, never the request's Host header),
 * and the staff member signed in on the request, for the header's menu.
 */
public final class PageMetas {
    private final Links links;
    private final SiteHead site;

    /** What every public page's head offers, whatever its content: the site's share image and feeds. */
    @FunctionalInterface
    public interface SiteHead {
        PageHead of(Context ctx, Messages t);
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
     * @param path the canonical path, from "/", without a language prefix: the page's address in
     *     the language of {@code t} is made from it
     * @param type its Open Graph type: website, article, profile
     */
    public PageMeta of(Context ctx, Messages t, String title, String description, String path, String type) {
        Map<Language, String> alternates = new EnumMap<>(Language.class);
        for (Language language : Language.values()) alternates.put(language, links.absolute(ctx, language.address(path)));
        return new PageMeta(title, description, alternates.get(t.language()), type, t, SignedIn.of(ctx), alternates, here(ctx),
                "", "", site.of(ctx, t));
    }

    /** An absolute address of the site, for links in a page's head. */
    public String absolute(Context ctx, String path) {
        return links.absolute(ctx, path);
    }

    /** A page saying a request was refused or failed: it points home, and its menu is the public one. */
    public PageMeta refusal(Context ctx, Messages t, String title) {
        return new PageMeta(title, "", links.absolute(ctx, t.href("/")), "website", t, Optional.empty(), Map.of(), here(ctx), "", "", PageHead.NONE);
    }

    /** The same for a request Jetty refused before Dearly saw it: Dearly's own address, as announced. */
    public PageMeta refusal(Messages t, String title) {
        return new PageMeta(title, "", links.base() + t.href("/"), "website", t, Optional.empty(), Map.of(), "/", "", "", PageHead.NONE);
    }

    /** Where she is, for the language switch: the path and query, without the prefix and without an old ?lang=. */
    private static String here(Context ctx) {
        String query = ctx.queryString();
        if (query == null || query.isEmpty()) return ctx.path();
        String kept = Arrays.stream(query.split("&"))
                .filter(pair -> !pair.equals("lang") && !pair.startsWith("lang="))
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? ctx.path() : ctx.path() + "?" + kept;
    }
}
