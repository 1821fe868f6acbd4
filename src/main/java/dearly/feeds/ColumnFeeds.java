package dearly.feeds;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dearly.letters.Letter;
import dearly.letters.LetterText;
import gg.jte.generated.precompiled.Templates;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Atom and RSS 2.0 feeds of letters, written by ROME: each entry the letter's full text (its body
 * sanitised as on its page), its advisor, its topics, and an id that never changes, a tag URI made
 * of Dearly's host and the letter's number, so a corrected headline or a new address does not make
 * a feed reader show the letter twice.
 */
final class ColumnFeeds {
    /** Letters in a feed: a reader that polls sees every new one, and the feed stays small. */
    static final int ENTRIES = 30;

    enum Format {
        ATOM("atom_1.0", "application/atom+xml", "atom"),
        RSS("rss_2.0", "application/rss+xml", "rss");

        final String romeType;
        final String mediaType;
        final String path;

        Format(String romeType, String mediaType, String path) {
            this.romeType = romeType;
            this.mediaType = mediaType;
            this.path = path;
        }

        static Optional<Format> of(String path) {
            for (Format format : values()) if (format.path.equals(path)) return Optional.of(format);
            return Optional.empty();
        }
    }

    /**
     * One feed, as the request asked for it.
     *
     * @param id its stable name (a tag URI)
     * @param pageUrl the page it follows, absolute
     * @param languageCode the language of its words, or empty for a feed of letters in both
     */
    record Feed(String id, String title, String subtitle, String pageUrl, String languageCode, List<Letter> letters) {}

    private final Templates templates;
    private final Supplier<String> host;

    /** @param host Dearly's public host name, the authority of every tag URI (known once Dearly listens) */
    ColumnFeeds(Templates templates, Supplier<String> host) {
        this.templates = templates;
        this.host = host;
    }

    /** @param selfUrl the feed's own address in this format, absolute */
    String write(Feed feed, Format format, String selfUrl, UnaryOperator<String> absolute) {
        SyndFeed syndFeed = new SyndFeedImpl();
        syndFeed.setFeedType(format.romeType);
        syndFeed.setUri(feed.id());
        syndFeed.setTitle(feed.title());
        syndFeed.setDescription(feed.subtitle());
        syndFeed.setLink(feed.pageUrl());
        if (!feed.languageCode().isEmpty()) syndFeed.setLanguage(feed.languageCode());
        syndFeed.setLinks(List.of(link("alternate", "text/html", feed.pageUrl()), link("self", format.mediaType, selfUrl)));
        Instant newest = feed.letters().stream().map(ColumnFeeds::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
        syndFeed.setPublishedDate(Date.from(newest));
        syndFeed.setEntries(feed.letters().stream().map(letter -> entry(letter, absolute)).toList());
        try {
            return new SyndFeedOutput().outputString(syndFeed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("a feed could not be written", e);
        }
    }

    /** The letter's id in every feed: tag:HOST,DATE:letter-N, its date that of its publication. */
    String entryId(Letter letter) {
        return "tag:" + host.get() + "," + letter.publishedAt().atZone(ZoneOffset.UTC).toLocalDate() + ":letter-" + letter.id();
    }

    /** A feed's id: tag:HOST,2026:NAME. */
    String feedId(String name) {
        return "tag:" + host.get() + ",2026:" + name;
    }

    private SyndEntry entry(Letter letter, UnaryOperator<String> absolute) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(entryId(letter));
        entry.setTitle(letter.headline());
        entry.setLink(absolute.apply(letter.language().address(letter.path())));
        entry.setAuthor(letter.advisor().displayName());
        entry.setPublishedDate(Date.from(letter.publishedAt()));
        entry.setUpdatedDate(Date.from(updated(letter)));
        if (!letter.standfirst().isEmpty()) entry.setDescription(content("text", letter.standfirst()));
        String html = templates.feedsEntry(letter, LetterText.html(letter.bodyMarkdown()), absolute.apply(letter.advisor().path()))
                .render().strip();
        entry.setContents(List.of(content("html", html)));
        entry.setCategories(letter.topics().stream().map(topic -> {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(topic.name(letter.language()));
            category.setTaxonomyUri(absolute.apply(topic.path()));
            return category;
        }).toList());
        return entry;
    }

    static Instant updated(Letter letter) {
        return letter.correction().map(Letter.Correction::at).orElse(letter.publishedAt());
    }

    private static SyndContent content(String type, String value) {
        SyndContent content = new SyndContentImpl();
        content.setType(type);
        content.setValue(value);
        return content;
    }

    private static SyndLink link(String rel, String type, String href) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }
}
