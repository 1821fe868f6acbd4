package dearly.archive;

import dearly.language.Language;
import dearly.letters.ArchivedLetter;
import dearly.letters.ArchivedLetter.AdvisorName;
import dearly.letters.ArchivedLetter.TopicName;
import dearly.letters.OldPaths;
import dearly.letters.Source;
import dearly.letters.Words;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which WordPress items become letters, and how: published posts only (no page, attachment, draft,
 * private, scheduled or password-protected post), categories and tags as topics, the author as
 * advisor, the post's slug and dates kept, its permalink remembered for a redirect.
 */
final class WordPressPosts {
    private static final DateTimeFormatter WORDPRESS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int MADE_TITLE = 80;

    private WordPressPosts() {}

    /** Why this item is not a letter to import, or empty when it is one. Items that are not posts are never letters. */
    static Optional<String> leftOut(WordPressExport.Item item) {
        if (!item.status().equals("publish")) {
            return Optional.of(switch (item.status()) {
                case "future" -> "scheduled on WordPress, not yet published";
                case "private" -> "private";
                case "draft", "auto-draft", "pending" -> "a draft";
                default -> "not published (" + item.status() + ")";
            });
        }
        if (!item.password().isEmpty()) return Optional.of("password-protected");
        return Optional.empty();
    }

    static boolean isPost(WordPressExport.Item item) {
        return item.type().equals("post");
    }

    static ArchivedLetter letter(WordPressExport.Site site, WordPressExport.Item item) {
        String title = headline(item);
        String link = Source.isWebAddress(item.link()) ? item.link() : "";
        // The post's id on its site: a guid can repeat (posts copied between sites keep theirs), an id cannot.
        String externalId = !item.postId().isBlank() && !site.link().isBlank() ? site.link().replaceAll("/+$", "") + "/?p=" + item.postId()
                : !item.guid().isBlank() ? item.guid() : link;
        Source source = new Source(externalId, link.length() <= ArchivedLetter.MAX_SOURCE_URL ? link : "", "", "");
        String author = site.authors().getOrDefault(item.creator(), item.creator());
        if (author.isBlank()) author = site.title().isBlank() ? "WordPress" : site.title();
        List<TopicName> topics = new ArrayList<>();
        String postLanguage = "";
        for (WordPressExport.Category category : item.categories()) {
            switch (category.domain()) {
                case "category", "post_tag" -> {
                    String name = shortened(WordPressContent.plain(category.name()), ArchivedLetter.MAX_NAME);
                    if (!name.isBlank() && !category.nicename().equals("uncategorized")) {
                        topics.add(new TopicName(decodedSlug(category.nicename()), name, name));
                    }
                }
                case "language" -> postLanguage = category.nicename(); // Polylang files each post under its language
                default -> { } // post formats and other taxonomies say nothing a letter shows
            }
        }
        // The post's own language (WPML's meta, Polylang's taxonomy), else the site's.
        String languageCode = !item.metaLanguage().isEmpty() ? item.metaLanguage() : !postLanguage.isEmpty() ? postLanguage : site.language();
        Language language = language(languageCode).orElseThrow(() -> new IllegalArgumentException(
                "its language (" + (languageCode.isBlank() ? "not given" : languageCode) + ") is not one Dearly publishes in (en, es)"));
        Words words = new Words(title, shortened(WordPressContent.plain(item.excerpt()), 2000), "",
                WordPressContent.toMarkdown(item.content(), language), "");
        return new ArchivedLetter(source, decodedSlug(item.slug()), words, "",
                new AdvisorName(shortened(WordPressContent.plain(author), ArchivedLetter.MAX_NAME), decodedSlug(item.creator()), ""),
                topics, language, publishedAt(item), oldPaths(item));
    }

    /**
     * Where readers found the post: its permalink, and its plain permalink {@code /?p=ID} (the guid
     * of most posts, and the shortlink), which WordPress answers whatever its permalink setting.
     */
    private static List<String> oldPaths(WordPressExport.Item item) {
        Set<String> paths = new LinkedHashSet<>();
        OldPaths.ofLink(item.link()).ifPresent(paths::add);
        OldPaths.ofPostId(item.postId()).ifPresent(paths::add);
        return List.copyOf(paths);
    }

    /** The title as text (WordPress allows HTML in it); a post with none takes its first words, else its slug. */
    private static String headline(WordPressExport.Item item) {
        String title = WordPressContent.plain(item.title());
        if (title.isBlank()) title = shortened(WordPressContent.plain(item.content()), MADE_TITLE);
        if (title.isBlank()) title = decodedSlug(item.slug()).replace('-', ' ');
        if (title.isBlank()) title = "Post " + item.postId();
        return shortened(title, ArchivedLetter.MAX_TITLE);
    }

    private static Optional<Language> language(String code) {
        if (code == null || code.isBlank()) return Optional.empty();
        return Language.fromCode(code.strip().toLowerCase(Locale.ROOT).split("[-_]")[0]);
    }

    /** GMT first, as WordPress keeps it; a post never saved with one has its local time and its RSS date. */
    private static Instant publishedAt(WordPressExport.Item item) {
        for (String gmt : List.of(item.postDateGmt(), item.postDate())) {
            if (gmt.isBlank() || gmt.startsWith("0000")) continue;
            try {
                return LocalDateTime.parse(gmt.strip(), WORDPRESS_DATE).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // try the next
            }
        }
        try {
            return ZonedDateTime.parse(item.pubDate().strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("it has no date that can be read");
        }
    }

    /** WordPress keeps a Unicode slug percent-encoded ("%e6%b1%89"). */
    private static String decodedSlug(String slug) {
        return OldPaths.ofPath("/" + slug).map(path -> path.substring(1)).orElse("");
    }

    /** At most that many characters, cut at a word, with an ellipsis when cut. */
    static String shortened(String text, int max) {
        String stripped = text.strip();
        if (stripped.length() <= max) return stripped;
        int cut = stripped.lastIndexOf(' ', max - 1);
        if (cut < max / 2) cut = max - 1;
        if (Character.isHighSurrogate(stripped.charAt(cut - 1))) cut--;
        return stripped.substring(0, cut).strip() + "…";
    }
}
