package dearly.letters;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import dearly.language.Language;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The share menu's plain links, as another site receives them: the letter's own address and its
 * headline, encoded, and nothing that tracks (no utm_ parameter, nothing that differs per visitor),
 * whatever the headline holds and whatever the address she came by.
 */
class ShareLinksTest {
    private static final String HOSTILE = "\"><script>alert('x')</script> Is 100% & #normal? a=b&utm_source=x 💤 niño";

    @Test
    void eachServiceGetsTheLettersAddressAndHeadlineAndNothingElse() {
        try (TestServer server = TestServer.start()) {
            String path = LetterFlow.publish(server, HOSTILE, Language.EN);
            String url = server.url(path);
            // She came from a shared link with trackers on it: they are not passed on.
            Document page = server.page(path + "?utm_source=whatsapp&utm_medium=social&fbclid=abc123");

            assertThat(page.select("details.share")).as("at the top and again after the sign-off").hasSize(2);
            for (Element share : page.select("details.share")) {
                assertThat(share.attr("data-share-url")).isEqualTo(url);
                assertThat(share.attr("data-share-title")).isEqualTo(HOSTILE);
                assertThat(share.selectFirst("input[type=url]").val()).isEqualTo(url);

                assertThat(query(link(share, "https://wa.me/"))).isEqualTo(Map.of("text", HOSTILE + " " + url));
                assertThat(query(link(share, "https://www.facebook.com/sharer/sharer.php"))).isEqualTo(Map.of("u", url));
                assertThat(query(link(share, "https://x.com/intent/post"))).isEqualTo(Map.of("text", HOSTILE, "url", url));
                assertThat(query(link(share, "https://www.pinterest.com/pin/create/button/")))
                        .isEqualTo(Map.of("url", url, "description", HOSTILE));
                String mail = share.selectFirst("a[href^=mailto:]").attr("href");
                assertThat(query(URI.create(mail).getRawSchemeSpecificPart().replaceFirst("^\\?", "")))
                        .isEqualTo(Map.of("subject", HOSTILE, "body", HOSTILE + " " + url));
                assertThat(mail).as("a mail client reads + as a plus sign").doesNotContain("+");

                assertThat(share.select("a").eachAttr("href")).hasSize(5)
                        .noneMatch(href -> href.contains("utm_medium") || href.contains("fbclid"));
                assertThat(share.select("a[target=_blank]").eachAttr("rel")).allMatch(rel -> rel.contains("noopener"));
                assertThat(share.select("a").eachText()).containsExactly("WhatsApp", "Facebook", "X", "Pinterest", "E-mail");
            }
            assertThat(server.get(path).body()).doesNotContain("<script>alert");
        }
    }

    @Test
    void theMenuSpeaksSpanishOnASpanishLetter() {
        try (TestServer server = TestServer.start()) {
            String path = LetterFlow.publish(server, "¿Duerme poco?", Language.ES);
            // The menus speak the reader's language: a Spanish reader reads it at its /es/ address.
            Document page = server.page("/es" + path);
            assertThat(page.select("details.share summary").eachText()).containsExactly("Compartir", "Comparte esta carta");
            assertThat(page.selectFirst("details.share a[href^=mailto:]").text()).isEqualTo("Correo");
            assertThat(page.selectFirst(".share .copy button").text()).isEqualTo("Copiar enlace");
            assertThat(page.selectFirst("details.share").attr("data-copied")).isEqualTo("Enlace copiado");
            assertThat(page.selectFirst(".ask-own a").text()).isEqualTo("Haz tu propia pregunta");
            assertThat(server.page(page.selectFirst(".ask-own a").attr("href")).selectFirst("html").attr("lang")).isEqualTo("es");
        }
    }

    @Test
    void afterTheSignOffComeSharingAskingTheTopicsAndRelatedLetters() {
        try (TestServer server = TestServer.start()) {
            String path = LetterFlow.publish(server, "Why does my baby fight sleep?", Language.EN);
            LetterFlow.publish(server, "My baby fights every nap", Language.EN);
            Document page = server.page(path);
            // The search index follows what is published a moment later.
            for (long deadline = System.nanoTime() + 15_000_000_000L; page.selectFirst("aside.related") == null
                    && System.nanoTime() < deadline; ) {
                page = server.page(path);
            }

            List<String> order = page.select(".sign-off, .signature, form.felt, .letter-end details.share, .ask-own, .letter footer .topics, aside.related")
                    .eachAttr("class");
            assertThat(order).containsExactly("sign-off", "signature", "share", "felt", "ask-own", "topics", "related");
            assertThat(page.selectFirst(".ask-own a").attr("href")).isEqualTo("/ask");
            assertThat(page.selectFirst(".ask-own a").text()).isEqualTo("Ask your own question");
            assertThat(page.select(".letter footer .topics a").eachAttr("href")).isNotEmpty().allMatch(href -> href.startsWith("/topics/"));
        }
    }

    private static String link(Element share, String service) {
        Element link = share.selectFirst("a[href^=" + service + "?]");
        assertThat(link).as(service).isNotNull();
        URI uri = URI.create(link.attr("href"));
        assertThat(uri.getScheme() + "://" + uri.getHost() + uri.getPath()).isEqualTo(service.replaceFirst("/$", "/"));
        return uri.getRawQuery();
    }

    /** A query's parameters, each decoded, in order; a parameter named twice fails. */
    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(equals + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
            assertThat(parameters.put(name, value)).as("named once: " + name).isNull();
        }
        return parameters;
    }
}
