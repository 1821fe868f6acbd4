package dearly.web;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import dearly.language.Language;
import dearly.letters.Publishing;
import dearly.letters.Words;
import dearly.storage.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every public page has an English address and a Spanish one under /es/ (issue 11, item 5). */
class LanguageAddressesTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabase.Kind.SQLITE, false);
        Instant now = Instant.now();
        server.server().database().write(handle -> {
            Publishing publishing = new Publishing();
            long advisor = publishing.addAdvisor(handle, "rosa-m", "Rosa M.", "", now);
            long topic = publishing.addTopic(handle, "naps", "Naps", "Siestas");
            publishing.publish(handle, new Publishing.Draft(null, "short-naps",
                    new Words("Short naps", "Why they are short.", "Dear tired,", "Naps grow longer.", "Love,"), "", advisor,
                    List.of(topic), Language.EN, now.minusSeconds(60)), now);
            return null;
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/topics", "/topics/naps", "/advisors/rosa-m", "/search?q=naps", "/ask", "/api", "/login"})
    void everyPublicPageAnswersInSpanishUnderEs(String path) {
        HttpResponse<String> spanish = server.get(Language.ES.address(path));
        assertThat(spanish.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(spanish.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(page.selectFirst("header.site nav a[href=/es/topics]").text()).isEqualTo("Temas");
        String english = server.url(path.split("\\?")[0]);
        assertThat(page.selectFirst("link[rel=alternate][hreflang=en]").attr("href")).startsWith(english);
        assertThat(page.selectFirst("link[rel=alternate][hreflang=x-default]").attr("href")).startsWith(english);
        assertThat(page.selectFirst("link[rel=alternate][hreflang=es]").attr("href"))
                .isEqualTo(page.selectFirst("link[rel=canonical]").attr("href"));

        Document inEnglish = server.page(path);
        assertThat(inEnglish.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(inEnglish.selectFirst("header.site nav a[href=/topics]").text()).isEqualTo("Topics");
    }

    @Test
    void aSpanishReaderOfAnEnglishLetterGetsSpanishMenusAndTheLetterKeepsItsLanguage() {
        Document page = server.page("/es/letters/short-naps");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(page.selectFirst("header.site nav").text()).contains("Cartas", "Temas", "Haz una pregunta");
        assertThat(page.selectFirst("article.letter").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("article.letter h1").text()).isEqualTo("Short naps");
    }

    @Test
    void aLetterHasOneCanonicalAddressItsOwnLanguagesWhateverHerMenusSay() {
        Publishing publishing = new Publishing();
        Instant now = Instant.now();
        server.server().database().write(handle -> publishing.publish(handle, new Publishing.Draft(null, "siestas-cortas",
                new Words("Siestas cortas", "Por qué son cortas.", "Querida:", "Las siestas se alargan.", "Con cariño,"), "",
                publishing.addAdvisor(handle, "lucia-r", "Lucía R.", "", now), List.of(), Language.ES, now.minusSeconds(60)), now));
        String spanishAddress = server.url("/es/letters/siestas-cortas");
        for (String opened : List.of("/letters/siestas-cortas", "/es/letters/siestas-cortas")) {
            Document page = server.page(opened, "Accept-Language", "en");
            assertThat(page.selectFirst("link[rel=canonical]").attr("href")).as(opened).isEqualTo(spanishAddress);
            assertThat(page.select("link[rel=alternate][hreflang]").eachAttr("hreflang")).as(opened).containsExactly("es");
            assertThat(page.selectFirst("article.letter").attr("lang")).as(opened).isEqualTo("es");
        }
        Document inEnglish = server.page("/letters/siestas-cortas", "Accept-Language", "en");
        assertThat(inEnglish.selectFirst("html").attr("lang")).as("her menus follow her").isEqualTo("en");
        assertThat(inEnglish.selectFirst("header.site nav a[href=/topics]").text()).isEqualTo("Topics");

        Document englishLetter = server.page("/es/letters/short-naps");
        assertThat(englishLetter.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(server.url("/letters/short-naps"));
        assertThat(englishLetter.selectFirst("link[rel=alternate][hreflang=x-default]").attr("href"))
                .isEqualTo(server.url("/letters/short-naps"));
    }

    @Test
    void oldLangLinksRedirectPermanentlyToTheirAddress() {
        assertRedirect(server.get("/letters/short-naps?lang=es"), 301, "/es/letters/short-naps");
        assertRedirect(server.get("/search?q=naps&lang=es&page=2"), 301, "/es/search?q=naps&page=2");
        assertRedirect(server.get("/ask?lang=en"), 301, "/ask");
        assertRedirect(server.get("/?lang=es"), 301, "/es/");
        assertRedirect(server.get("/es/topics?lang=en"), 301, "/es/topics");
    }

    @Test
    void theSwitchSavesHerChoiceAndKeepsHerOnTheSamePage() {
        try (TestServer own = TestServer.start(TestDatabase.Kind.SQLITE, true)) {
            Document english = own.page("/search?q=sleep");
            String toSpanish = english.selectFirst("nav.languages a[hreflang=es]").attr("href");
            HttpResponse<String> switched = own.get(toSpanish);
            assertRedirect(switched, 303, "/es/search?q=sleep");
            assertThat(own.cookie(LanguageChoice.COOKIE)).hasValue(LanguageChoice.COOKIE + "=es");

            // Her saved choice now sends her English addresses on to the Spanish ones, even where her browser prefers English.
            assertRedirect(own.get("/topics", "Accept-Language", "en"), 302, "/es/topics");

            Document spanish = own.page("/es/topics");
            HttpResponse<String> back = own.get(spanish.selectFirst("nav.languages a[hreflang=en]").attr("href"));
            assertRedirect(back, 303, "/topics");
            assertThat(own.get("/topics", "Accept-Language", "es").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aBrowserAskingForSpanishIsSentToTheSpanishAddress() {
        server.forgetCookies();
        assertRedirect(server.get("/letters/short-naps", "Accept-Language", "es-MX,es;q=0.9,en;q=0.5"), 302, "/es/letters/short-naps");
        assertThat(server.get("/letters/short-naps", "Accept-Language", "en-GB,es;q=0.5").statusCode()).isEqualTo(200);
        assertThat(server.get("/letters/short-naps").statusCode()).isEqualTo(200);
    }

    @Test
    void aFormPostedFromASpanishPageAnswersInSpanish() {
        Document form = server.page("/es/ask");
        assertThat(form.selectFirst("form.ask").attr("action")).isEqualTo("/es/ask");
        HttpResponse<String> empty = server.postForm("/es/ask", java.util.Map.of("_csrf", form.selectFirst("input[name=_csrf]").val()));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(empty.body()).selectFirst("html").attr("lang")).isEqualTo("es");
    }

    @Test
    void herStatusPageSpeaksTheLanguageOfItsAddressAndOfHerSwitch() {
        try (TestServer own = TestServer.start(TestDatabase.Kind.SQLITE, true)) {
            // A form rendered before the addresses changed posts to /ask?lang=es: she lands where her page's link points.
            Document form = own.page("/es/ask");
            HttpResponse<String> sent = own.postForm("/ask?lang=es", dearly.asking.AskFlow.spanishMother(form));
            assertThat(sent.statusCode()).isEqualTo(303);
            String location = sent.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith("/es/status/").endsWith("?received");
            String status = location.replaceAll("\\?.*", "");
            Document received = own.page(location);
            assertThat(received.selectFirst("html").attr("lang")).isEqualTo("es");
            assertThat(received.selectFirst(".private-link").text()).contains(own.url(status));

            // The same page at its English address, or after switching to English, is in English; her link is then the English one.
            String english = status.substring("/es".length());
            HttpResponse<String> switched = own.get(received.selectFirst("nav.languages a[hreflang=en]").attr("href"));
            assertThat(switched.statusCode()).isEqualTo(303);
            assertThat(switched.headers().firstValue("Location").orElseThrow()).startsWith(english + "?");
            Document inEnglish = own.page(english);
            assertThat(inEnglish.selectFirst("html").attr("lang")).isEqualTo("en");
            assertThat(inEnglish.selectFirst("h1").text()).isNotEqualTo(received.selectFirst("h1").text());
            assertThat(inEnglish.selectFirst(".private-link").text()).contains(own.url(english));
            assertThat(own.page(status).selectFirst("html").attr("lang")).as("her /es/ link still in Spanish").isEqualTo("es");
            assertThat(own.page(english + "/delete").selectFirst("html").attr("lang")).isEqualTo("en");

            // Without a saved choice, her own (unprefixed) link opens in the language she asked in.
            own.forgetCookies();
            assertThat(own.page(english).selectFirst("html").attr("lang")).isEqualTo("es");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/language/xx?to=/", "/language/es?to=//evil.example/", "/language/es?to=https://evil.example/",
            "/language/es?to=/es//evil.example", "/language/en?to=/%0d%0aSet-Cookie:x=1", "/?lang=%3Cscript%3E", "/es/es/es",
            "/letters/short-naps?lang=", "/es%2Fask", "/es/../ask"})
    void hostileLanguagesAndAddressesNeverFailNorLeaveTheSite(String path) {
        HttpResponse<String> response = server.get(path, "Cookie", LanguageChoice.COOKIE + "=<b>\"; x");
        assertThat(response.statusCode()).isLessThan(500);
        response.headers().firstValue("Location").ifPresent(location ->
                assertThat(location).startsWith("/").doesNotStartWith("//").doesNotContain("evil"));
    }

    private static void assertRedirect(HttpResponse<String> response, int status, String location) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Location")).hasValue(location);
    }
}
