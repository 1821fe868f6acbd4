package dearly.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import dearly.TestServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A search engine reads a letter page's schema.org JSON-LD: read here with a JSON-LD processor
 * (Titanium), expanded as it expands it (issue 11, item 3).
 */
class StructuredDataTest {
    private static final String SCHEMA = "https://schema.org/";
    /**
     * schema.org's context, offline: the terms used here all sit in its vocabulary, so mapping the
     * vocabulary is enough to expand them as the real context does.
     */
    private static final DocumentLoader OFFLINE_SCHEMA_ORG = (url, options) -> {
        if (!url.toString().startsWith("https://schema.org")) throw new IllegalStateException("no fetching " + url);
        return JsonDocument.of(new StringReader("{\"@context\": {\"@vocab\": \"" + SCHEMA + "\"}}"));
    };

    @Test
    void aLetterIsAnArticleByItsAdvisorWithABreadcrumbHomeTopicLetter() throws Exception {
        try (TestServer server = TestServer.start()) {
            Column.publishedOn(server);
            Map<String, JsonObject> nodes = expanded(server.page("/es/letters/el-nino-no-duerme"));
            assertThat(nodes).containsOnlyKeys(SCHEMA + "Article", SCHEMA + "BreadcrumbList");

            JsonObject article = nodes.get(SCHEMA + "Article");
            assertThat(value(article, "headline")).isEqualTo("¿Por qué mi niño no duerme? Mañana será otro día");
            assertThat(value(article, "inLanguage")).isEqualTo("es");
            assertThat(value(article, "mainEntityOfPage")).isEqualTo(server.url("/es/letters/el-nino-no-duerme"));
            assertThat(value(article, "datePublished")).isNotBlank();
            assertThat(value(article, "image")).startsWith(server.url("/share/letters/el-nino-no-duerme/"));
            JsonObject author = article.getJsonArray(SCHEMA + "author").getJsonObject(0);
            assertThat(author.getJsonArray("@type").getString(0)).isEqualTo(SCHEMA + "Person");
            assertThat(value(author, "name")).isEqualTo("Ana P.");
            assertThat(article.getJsonArray(SCHEMA + "articleSection").stream().map(StructuredDataTest::text).toList())
                    .containsExactlyInAnyOrder("Sueño", "Familia");

            JsonArray crumbs = nodes.get(SCHEMA + "BreadcrumbList").getJsonArray(SCHEMA + "itemListElement");
            List<String> names = crumbs.stream().map(JsonValue::asJsonObject)
                    .sorted(java.util.Comparator.comparing(crumb -> value(crumb, "position")))
                    .map(crumb -> value(crumb, "name") + (crumb.containsKey(SCHEMA + "item") ? " " + value(crumb, "item") : "")).toList();
            // In the page's language: a Spanish reader at the letter's /es/ address.
            assertThat(names).containsExactly("Cartas " + server.url("/es/"), "Familia " + server.url("/es/topics/family"),
                    "¿Por qué mi niño no duerme? Mañana será otro día");
        }
    }

    @Test
    void aHostileHeadlineCannotCloseTheScriptAndReadsBackWordForWord() throws Exception {
        try (TestServer server = TestServer.start()) {
            Column.publishedOn(server);
            Document page = server.page("/letters/hostile");
            Element script = page.selectFirst("head script[type=application/ld+json]");
            assertThat(script.data()).doesNotContain("<", ">");
            assertThat(page.select("script").eachAttr("src")).as("no script but Dearly's own (by its content's hash)")
                    .singleElement().asString().matches("/static/dearly\\.js\\?v=[0-9a-f]+");
            assertThat(page.select("script:not([src])").eachAttr("type")).as("and the data").containsExactly("application/ld+json");
            JsonObject article = expanded(page).get(SCHEMA + "Article");
            assertThat(value(article, "headline")).isEqualTo(Column.HOSTILE);

            Document erased = server.page("/letters/she-erased-everything");
            assertThat(erased.selectFirst("head script[type=application/ld+json]").data())
                    .doesNotContain("Maria L.", Column.PRIVATE_SURNAME, Column.PRIVATE_EMAIL);
            assertThat(expanded(server.page("/letters/naps-in-arms")).get(SCHEMA + "Article").toString())
                    .as("the byline is the page's, not the data's").doesNotContain("Maria L.");
        }
    }

    @Test
    void pagesOtherThanLettersCarryNoArticle() {
        try (TestServer server = TestServer.start()) {
            Column.publishedOn(server);
            for (String path : List.of("/", "/topics/sleep", "/advisors/rosa-m", "/ask")) {
                assertThat(server.page(path).select("script[type=application/ld+json]")).as(path).isEmpty();
            }
        }
    }

    /** The page's JSON-LD expanded, each node by its type. */
    private static Map<String, JsonObject> expanded(Document page) throws Exception {
        Element script = page.selectFirst("head script[type=application/ld+json]");
        assertThat(script).isNotNull();
        JsonArray nodes = JsonLd.expand(JsonDocument.of(new StringReader(script.data()))).loader(OFFLINE_SCHEMA_ORG).get();
        return nodes.stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(node -> node.getJsonArray("@type").getString(0), node -> node));
    }

    private static String value(JsonObject node, String property) {
        JsonArray values = node.getJsonArray(SCHEMA + property);
        assertThat(values).as(property).isNotNull();
        return text(values.get(0));
    }

    private static String text(JsonValue value) {
        JsonValue inner = value.asJsonObject().get("@value");
        return inner.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) inner).getString() : inner.toString();
    }
}
