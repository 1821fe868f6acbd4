package dearly.archive;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress export (WXR 1.1 or 1.2, an RSS file with WordPress's own elements) one item at a
 * time, so memory stays flat however large the site. The site's title, link, language and authors
 * come before the items in every export WordPress writes, and are handed with each item.
 *
 * <p>StAX with document types refused: no external entity is ever fetched and no entity can be
 * expanded (the "billion laughs"); a file that tries, or is not well-formed, ends the reading with
 * {@link Unreadable}, which says where.
 */
final class WordPressExport {
    record Site(String title, String link, String language, Map<String, String> authors) {}

    record Category(String domain, String nicename, String name) {}

    /**
     * One {@code <item>}: a post, page, attachment or menu entry, as WordPress wrote it.
     *
     * @param metaLanguage the language WPML keeps in the post's meta ({@code wpml_language} or {@code _icl_lang}), or empty
     */
    record Item(
            String title, String link, String guid, String pubDate, String creator, String content, String excerpt,
            String postId, String postDate, String postDateGmt, String slug, String status, String type, String password,
            boolean sticky, List<Category> categories, String metaLanguage) {}

    /** The post meta keys that say a post's language (WPML's); every other meta is the theme's or a plugin's, and passed over. */
    private static final Set<String> LANGUAGE_META = Set.of("wpml_language", "_icl_lang");

    interface Items {
        void item(Site site, Item item);
    }

    /** The file is not an export Dearly can read: not XML, not well-formed, or with a document type. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private static final XMLInputFactory FACTORY = factory();

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    private WordPressExport() {}

    static void read(InputStream in, Items items) throws Unreadable {
        XMLStreamReader xml = null;
        try {
            xml = FACTORY.createXMLStreamReader(in);
            String title = "", link = "", language = "";
            Map<String, String> authors = new HashMap<>();
            boolean rss = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) throw new Unreadable("the file declares a document type, which a WordPress export never does");
                if (event != XMLStreamConstants.START_ELEMENT) continue;
                String name = xml.getLocalName();
                String space = kind(xml.getNamespaceURI());
                if (!rss) {
                    if (!name.equals("rss")) throw new Unreadable("this is XML, but not a WordPress export (it starts with <" + name + ">, not <rss>)");
                    rss = true;
                } else if (space.isEmpty() && name.equals("item")) {
                    items.item(new Site(title, link, language, Map.copyOf(authors)), item(xml));
                } else if (space.isEmpty() && name.equals("title") && title.isEmpty()) {
                    title = text(xml);
                } else if (space.isEmpty() && name.equals("link") && link.isEmpty()) {
                    link = text(xml);
                } else if (space.isEmpty() && name.equals("language")) {
                    language = text(xml);
                } else if (space.equals("wp") && name.equals("author")) {
                    Map<String, String> author = fields(xml);
                    String login = author.getOrDefault("author_login", "");
                    authors.put(login, author.getOrDefault("author_display_name", login));
                }
            }
            if (!rss) throw new Unreadable("the file is empty");
        } catch (XMLStreamException e) {
            throw new Unreadable(where(e));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to read
                }
            }
        }
    }

    private static Item item(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        List<Category> categories = new ArrayList<>();
        String metaLanguage = "";
        while (nextChild(xml)) {
            String name = xml.getLocalName();
            String space = kind(xml.getNamespaceURI());
            if (space.isEmpty() && name.equals("category")) {
                String domain = attribute(xml, "domain"), nicename = attribute(xml, "nicename");
                categories.add(new Category(domain, nicename, text(xml)));
            } else if (space.equals("wp") && name.equals("comment")) {
                skip(xml); // comments are the readers', not the column's
            } else if (space.equals("wp") && name.equals("postmeta")) {
                Map<String, String> meta = fields(xml);
                if (LANGUAGE_META.contains(meta.getOrDefault("meta_key", ""))) metaLanguage = meta.getOrDefault("meta_value", "");
            } else {
                fields.put(space + ":" + name, text(xml));
            }
        }
        return new Item(fields.getOrDefault(":title", ""), fields.getOrDefault(":link", ""), fields.getOrDefault(":guid", ""),
                fields.getOrDefault(":pubDate", ""), fields.getOrDefault("dc:creator", ""), fields.getOrDefault("content:encoded", ""),
                fields.getOrDefault("excerpt:encoded", ""), fields.getOrDefault("wp:post_id", ""), fields.getOrDefault("wp:post_date", ""),
                fields.getOrDefault("wp:post_date_gmt", ""), fields.getOrDefault("wp:post_name", ""), fields.getOrDefault("wp:status", ""),
                fields.getOrDefault("wp:post_type", ""), fields.getOrDefault("wp:post_password", ""),
                fields.getOrDefault("wp:is_sticky", "0").strip().equals("1"), List.copyOf(categories), metaLanguage.strip());
    }

    /** The simple fields inside an element such as {@code <wp:author>}, by local name. */
    private static Map<String, String> fields(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        while (nextChild(xml)) fields.put(xml.getLocalName(), text(xml));
        return fields;
    }

    /**
     * Moves to the next child element of the current one, true, or past its end tag, false. Stray
     * text between children is passed over: real exports have it (a lone quote after {@code <wp:is_sticky>}).
     */
    private static boolean nextChild(XMLStreamReader xml) throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) return true;
            if (event == XMLStreamConstants.END_ELEMENT) return false;
        }
    }

    /** The text of the current element, nested elements' text included; ends on its end tag. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) depth++;
            else if (event == XMLStreamConstants.END_ELEMENT) depth--;
            else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) text.append(xml.getText());
            else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("the entity &" + xml.getLocalName() + "; is not one XML defines", xml.getLocation());
            }
        }
        return text.toString().strip();
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) depth++;
            else if (event == XMLStreamConstants.END_ELEMENT) depth--;
        }
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value;
    }

    /** "wp", "content", "excerpt", "dc" or "" for RSS's own, whichever WXR version's address the file uses. */
    private static String kind(String namespace) {
        if (namespace == null || namespace.isEmpty()) return "";
        if (namespace.contains("wordpress.org/export/") && namespace.contains("/excerpt")) return "excerpt";
        if (namespace.contains("wordpress.org/export/")) return "wp";
        if (namespace.contains("purl.org/rss/1.0/modules/content")) return "content";
        if (namespace.contains("purl.org/dc/elements")) return "dc";
        return namespace;
    }

    private static String where(XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int at = message.indexOf("Message: ");
        String why = (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
        if (e.getLocation() == null) return "the file is not well-formed XML: " + why;
        return "the file is not well-formed XML at line %d, column %d: %s"
                .formatted(e.getLocation().getLineNumber(), e.getLocation().getColumnNumber(), why);
    }
}
