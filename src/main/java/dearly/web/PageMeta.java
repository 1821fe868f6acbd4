package dearly.web;

import dearly.language.Language;
import dearly.language.Messages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every page's layout needs beyond its content: its title, its description for search engines
 * and share previews, its canonical address, its address in each language, and the words of its
 * language. {@link PageMetas} makes it, the same way for every page.
 *
 * @param description may be empty
 * @param canonicalUrl absolute
 * @param staff the staff member signed in, for the header's links to her work; empty for everyone else
 * @param alternates the page's absolute address in each language, for {@code hreflang} (a letter's
 *     translation is its address in the translation's language)
 * @param here the path and query she is on, without a language prefix, for the language switch
 * @param newer the absolute address of the page of newer letters in a list, or empty
 * @param older the absolute address of the page of older letters, or empty
 * @param head its share image, structured data and feeds
 */
public record PageMeta(String title, String description, String canonicalUrl, String type, Messages t,
        Optional<SignedIn> staff, Map<Language, String> alternates, String here, String newer, String older, PageHead head) {
    public PageMeta {
        description = description == null ? "" : description;
        staff = staff == null ? Optional.empty() : staff;
        Map<Language, String> ordered = new EnumMap<>(Language.class);
        ordered.putAll(alternates);
        alternates = Collections.unmodifiableMap(ordered);
        newer = newer == null ? "" : newer;
        older = older == null ? "" : older;
        head = head == null ? PageHead.NONE : head;
    }

    public PageMeta withHead(PageHead head) {
        return new PageMeta(title, description, canonicalUrl, type, t, staff, alternates, here, newer, older, head);
    }

    /**
     * The same page at one address only, whatever language her menus are in: a letter, whose words are
     * the same at its English and its Spanish address, names its own language's address as canonical
     * and as its only {@code hreflang} (its translation adds another, {@link #withAlternate}).
     */
    public PageMeta withOneAddress(Language language, String absoluteUrl) {
        return new PageMeta(title, description, absoluteUrl, type, t, staff, Map.of(language, absoluteUrl), here, newer, older, head);
    }

    /** The same page, whose version in that language is at another address (a letter's translation). */
    public PageMeta withAlternate(Language language, String absoluteUrl) {
        Map<Language, String> changed = new EnumMap<>(Language.class);
        changed.putAll(alternates);
        changed.put(language, absoluteUrl);
        return new PageMeta(title, description, canonicalUrl, type, t, staff, changed, here, newer, older, head);
    }

    /** The same page, one of a list's pages: rel=prev and rel=next in its head. */
    public PageMeta withPages(String newerUrl, String olderUrl) {
        return new PageMeta(title, description, canonicalUrl, type, t, staff, alternates, here, newerUrl, olderUrl, head);
    }

    /** The address for {@code hreflang="x-default"}: the English one, at the root, which sends a Spanish reader on. */
    public String defaultUrl() {
        return alternates.getOrDefault(Language.EN, "");
    }

    /** The languages the switch offers: every one but the page's. */
    public List<Language> otherLanguages() {
        return Arrays.stream(Language.values()).filter(language -> language != t.language()).toList();
    }

    /** The switch to that language: saves her choice and opens this same page in it. */
    public String switchTo(Language language) {
        return "/language/" + language.code() + "?to=" + URLEncoder.encode(here, StandardCharsets.UTF_8);
    }

    /** A language's name in that language ("Español"), as the switch shows it. */
    public static String nameOf(Language language) {
        return Messages.of(language).get("language.self");
    }

    /** The display name of the staff member signed in. */
    public Optional<String> signedInAs() {
        return staff.map(SignedIn::displayName);
    }

    /** Whether the staff member signed in may open the staff pages at this path (the menu shows only those). */
    public boolean staffMay(String path) {
        return staff.map(user -> user.mayOpen(path)).orElse(false);
    }

    public String languageCode() {
        return t.language().code();
    }

    /** One of Dearly's own paths in this page's language. */
    public String href(String path) {
        return t.href(path);
    }
}
