package dearly.web;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A lost reader is helped home; a failure shows a calm page and tells the log nothing personal. */
class ErrorPagesTest {

    @Test
    void unknownAddressesGetAHelpful404() {
        try (TestServer server = TestServer.start()) {
            for (String path : new String[] {"/nowhere", "/letters/no-such-letter", "/advisors/nobody", "/topics/nothing"}) {
                HttpResponse<String> response = server.get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(404);
                Document page = Jsoup.parse(response.body());
                assertThat(page.selectFirst("h1").text()).isEqualTo("We couldn't find that page");
                assertThat(page.select("main a").eachAttr("href")).contains("/", "/topics");
                assertThat(page.text()).contains("Search for it above");
            }
        }
    }

    @Test
    void the404SpeaksSpanishToASpanishBrowser() {
        try (TestServer server = TestServer.start()) {
            Document page = server.page("/nowhere", "Accept-Language", "es-CO,es;q=0.9,en;q=0.5");
            assertThat(page.selectFirst("html").attr("lang")).isEqualTo("es");
            assertThat(page.selectFirst("h1").text()).isEqualTo("No encontramos esa página");
        }
    }

    @Test
    void hostileAddressesAreEchoedNowhere() {
        try (TestServer server = TestServer.start()) {
            HttpResponse<String> response = server.get("/letters/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("<script>alert");
        }
    }

    @Test
    void aFailureShowsACalmPageWithAReference() {
        TestServer server = TestServer.start();
        try {
            server.server().database().close(); // the database goes away under a running server
            HttpResponse<String> response = server.get("/");
            assertThat(response.statusCode()).isEqualTo(500);
            Document page = Jsoup.parse(response.body());
            assertThat(page.selectFirst("h1").text()).isEqualTo("Something went wrong on our side");
            assertThat(page.selectFirst(".reference").text()).matches("If it keeps happening, tell us this reference: [0-9a-f]{8}");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("SQL");
        } finally {
            server.close();
        }
    }

    @Test
    void logLinesCarryNoExceptionMessages() {
        Exception failure = new IllegalStateException("INSERT ... email=paula@example.com",
                new RuntimeException("surname=Gómez"));
        String logged = SafeErrors.trace(failure);
        assertThat(logged).contains("java.lang.IllegalStateException", "caused by: java.lang.RuntimeException", "at dearly.");
        assertThat(logged).doesNotContain("paula@example.com").doesNotContain("Gómez");
        assertThat(SafeErrors.names(failure)).isEqualTo("java.lang.IllegalStateException < java.lang.RuntimeException");
    }
}
