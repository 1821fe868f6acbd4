package dearly.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dearly.Browser;
import dearly.RunningDearly;
import dearly.TestServer;
import dearly.language.Language;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** In a real Chromium, letters on the same worry appear beside the ask form while she is still typing. */
class SimilarWhileTypingBrowserTest {
    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server().andBrowser();
    private static TestServer server;
    private static Browser browser;

    private static final String NAPS = "Contact naps: why she only sleeps in my arms";

    @BeforeAll
    static void publish() {
        SearchFlow.publish(server, Language.EN, NAPS, "A mother whose daughter naps only on her.",
                "Contact naps are normal at four months.", "sleep");
        SearchFlow.foundUntil(server, "contact naps", Instant.now().plus(SearchFlow.PATIENCE), found -> found.contains(NAPS));
    }

    @Test
    void lettersOnTheSameWorryAppearBeforeSheFinishesTyping() {
        browser.open(server.url("/ask"));
        WebElement aside = browser.find("main form aside.similar-live");
        assertThat(aside.isDisplayed()).as("nothing shown before she types").isFalse();

        browser.find("main form [name=title]").sendKeys("She won't nap unless I hold her");
        browser.find("main form [name=body]").sendKeys("My daughter only sleeps in my arms");

        List<String> offered = browser.await("letters on the same worry beside the form", page -> {
            List<String> links = page.findElements(By.cssSelector("main form aside.similar-live li a")).stream()
                    .map(WebElement::getText).toList();
            return links.isEmpty() ? null : links;
        });
        assertThat(offered).first().isEqualTo(NAPS);
        assertThat(aside.isDisplayed()).isTrue();
        assertThat(browser.find("#similar-heading").getText()).isEqualTo("Letters on the same worry, already answered");
        WebElement link = browser.find("main form aside.similar-live li a");
        assertThat(link.getDomAttribute("href")).startsWith(server.url("/letters/"));
        assertThat(link.getDomAttribute("target")).isEqualTo("_blank");
        assertThat(browser.find("main form [name=title]").getDomProperty("value")).isEqualTo("She won't nap unless I hold her");
    }

    @Test
    void theFieldSheMovedOnToStaysPutWhenTheLettersAppearAboveIt() {
        browser.open(server.url("/ask"));
        browser.find("main form [name=title]").sendKeys("She won't nap unless I hold her");
        browser.find("main form [name=body]").sendKeys("My daughter only sleeps in my arms");
        // She goes on to her name before the pause in her typing brings the letters.
        Number before = (Number) browser.script("var field = document.querySelector('main form [name=first_name]');"
                + " field.focus(); return field.getBoundingClientRect().top;");
        browser.await("letters on the same worry beside the form",
                page -> page.findElement(By.cssSelector("main form aside.similar-live")).isDisplayed() ? true : null);
        Number after = (Number) browser.script("return document.querySelector('main form [name=first_name]').getBoundingClientRect().top;");
        assertThat(after.doubleValue()).as("her first-name field, on her screen").isCloseTo(before.doubleValue(), within(2.0));
    }

    @Test
    void besideCrisisHelpNoLettersAppearWhileSheFixesTheForm() {
        browser.open(server.url("/ask"));
        browser.find("main form [name=title]").sendKeys("She won't nap unless I hold her");
        browser.find("main form [name=body]").sendKeys("Some nights I think about ending my life. My daughter only naps in my arms.");
        WebElement send = browser.find("main form button.primary");
        send.click(); // her name is missing: the form comes back, crisis help above it
        browser.awaitGone(send);
        assertThat(browser.find("main .crisis").isDisplayed()).isTrue();
        browser.find("main form [name=body]").sendKeys(" Nobody helps me at home.");
        browser.find("main form [name=first_name]").sendKeys("Maria");
        Boolean shown = (Boolean) browser.asyncScript("var done = arguments[arguments.length - 1];"
                + " setTimeout(function () { done(!document.querySelector('aside.similar-live').hidden); }, 2000);");
        assertThat(shown).as("letters on the same worry beside crisis help").isFalse();
    }

    @Test
    void withoutJavaScriptTheFormIsAsBeforeAndShowsNothing() {
        browser.javaScript(false);
        browser.open(server.url("/ask"));
        browser.find("main form [name=title]").sendKeys("She won't nap unless I hold her");
        assertThat(browser.find("main form aside.similar-live").isDisplayed()).isFalse();
        assertThat(browser.find("main form button.primary").isDisplayed()).isTrue();
    }
}
