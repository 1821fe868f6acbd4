package dearly.feeds;

import dearly.letters.Letter;
import dearly.letters.LetterRepository;
import dearly.letters.Topic;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code sitemap.xml}: every public page a search engine should know, each with the time it last
 * changed where Dearly knows it (a letter's publication or correction; a topic's or advisor's
 * newest letter). Past {@code perFile} addresses (50,000 by the protocol) it becomes a sitemap
 * index of numbered files.
 */
final class Sitemaps {
    static final int PROTOCOL_LIMIT = 50_000;
    private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    record Url(String path, Optional<Instant> lastModified) {}

    private final LetterRepository letters;
    private final Supplier<Instant> clock;
    private final int perFile;

    /** @param perFile addresses in one file before the sitemap is split */
    Sitemaps(LetterRepository letters, Supplier<Instant> clock, int perFile) {
        if (perFile < 1) throw new IllegalArgumentException("a sitemap file holds at least one address");
        this.letters = letters;
        this.clock = clock;
        this.perFile = perFile;
    }

    /** Every public address, pages first, then topics, advisors and letters (newest first is not needed: order is free). */
    List<Url> urls() {
        Instant now = clock.get();
        List<Url> letterUrls = new ArrayList<>();
        Map<String, Instant> advisors = new HashMap<>();
        Map<Long, Instant> topics = new HashMap<>();
        Instant[] newest = {null};
        letters.eachPublishedOrScheduled(letter -> {
            if (letter.publishedAt().isAfter(now)) return;
            Instant changed = ColumnFeeds.updated(letter);
            // A letter at its one address, its own language's, as its canonical link says.
            letterUrls.add(new Url(letter.language().address(letter.path()), Optional.of(changed)));
            advisors.merge(letter.advisor().path(), changed, Sitemaps::later);
            for (Topic topic : letter.topics()) topics.merge(topic.id(), changed, Sitemaps::later);
            newest[0] = newest[0] == null ? changed : later(newest[0], changed);
        });
        List<Url> urls = new ArrayList<>();
        Optional<Instant> site = Optional.ofNullable(newest[0]);
        urls.add(new Url("/", site));
        urls.add(new Url("/topics", site));
        urls.add(new Url("/ask", Optional.empty()));
        for (Topic topic : letters.topics()) urls.add(new Url(topic.path(), Optional.ofNullable(topics.get(topic.id()))));
        advisors.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(advisor -> urls.add(new Url(advisor.getKey(), Optional.of(advisor.getValue()))));
        urls.addAll(letterUrls);
        return urls;
    }

    /** {@code /sitemap.xml}: all the addresses, or past the limit an index of the numbered files. */
    String root(UnaryOperator<String> absolute) {
        List<Url> urls = urls();
        if (urls.size() <= perFile) return urlSet(urls, absolute);
        int files = (urls.size() + perFile - 1) / perFile;
        return xml(writer -> {
            writer.writeStartElement("sitemapindex");
            writer.writeDefaultNamespace(NAMESPACE);
            for (int file = 1; file <= files; file++) {
                writer.writeStartElement("sitemap");
                element(writer, "loc", absolute.apply(filePath(file)));
                writer.writeEndElement();
            }
            writer.writeEndElement();
        });
    }

    /** One numbered file of a split sitemap, from 1; empty past the last. */
    Optional<String> file(int number, UnaryOperator<String> absolute) {
        List<Url> urls = urls();
        int from = (number - 1) * perFile;
        if (number < 1 || from >= urls.size() || urls.size() <= perFile) return Optional.empty();
        return Optional.of(urlSet(urls.subList(from, Math.min(urls.size(), from + perFile)), absolute));
    }

    static String filePath(int number) {
        return "/sitemaps/" + number + ".xml";
    }

    private static String urlSet(List<Url> urls, UnaryOperator<String> absolute) {
        return xml(writer -> {
            writer.writeStartElement("urlset");
            writer.writeDefaultNamespace(NAMESPACE);
            for (Url url : urls) {
                writer.writeStartElement("url");
                element(writer, "loc", absolute.apply(url.path()));
                if (url.lastModified().isPresent()) element(writer, "lastmod", url.lastModified().get().toString());
                writer.writeEndElement();
            }
            writer.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static String xml(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            writer.writeStartDocument("UTF-8", "1.0");
            writer.setDefaultNamespace(NAMESPACE);
            body.write(writer);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter writer, String name, String text) throws XMLStreamException {
        writer.writeStartElement(name);
        writer.writeCharacters(text);
        writer.writeEndElement();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
