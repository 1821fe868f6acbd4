package dearly.web;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.Browser;
import dearly.RunningDearly;
import dearly.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In Chromium: the switch turns the whole site Spanish and keeps her on the same letter (issue 11, item 5). */
class LanguageSwitchBrowserTest {
    private static final String PATH = "/letters/why-do-i-miss-my-partner-even-when-were-in-the-same-room";

    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server().andBrowser();
    private static TestServer server; // started and stopped by DEARLY
    private static Browser browser;

    @Test
    void switchingToSpanishKeepsHerOnTheSameLetterAndIsRemembered() {
        browser.open(server.url(PATH));
        assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("en");
        browser.find("nav.languages a[hreflang=es]").click();
        browser.await(page -> page.getCurrentUrl().equals(server.url("/es" + PATH)));
        assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("es");
        assertThat(browser.find("header.site nav a[href='/es/topics']").getText()).isEqualTo("Temas");
        assertThat(browser.find("article.letter").getDomAttribute("lang")).isEqualTo("en");

        // Her choice is saved: the English address now brings her to the Spanish page.
        browser.open(server.url("/topics"));
        browser.await(page -> page.getCurrentUrl().equals(server.url("/es/topics")));

        browser.find("nav.languages a[hreflang=en]").click();
        browser.await(page -> page.getCurrentUrl().equals(server.url("/topics")));
        assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("en");
    }
}
