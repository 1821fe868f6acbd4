package dearly.letters;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.Browser;
import dearly.RunningDearly;
import dearly.TestServer;
import dearly.language.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/** A reader says "I've felt this too" on a phone: once, with JavaScript or without, and the count shows it. */
class FeltThisTooBrowserTest {
    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server().andBrowser();
    private static TestServer server; // started and stopped by DEARLY
    private static Browser browser;

    @Test
    void pressingItCountsHerOnceWithoutLeavingThePage() {
        String letter = LetterFlow.publish(server, "Why do I cry when she sleeps?", Language.EN);
        browser.open(server.url(letter));
        WebElement count = browser.find("form.felt .felt-count");
        assertThat(count.getText()).isEmpty();
        assertThat(browser.find("form.felt .felt-done").isDisplayed()).isFalse();
        browser.script("window.__samePage = true");

        browser.find("form.felt button").click();

        browser.await("the count", page -> count.getText().equals("One reader has felt this too"));
        assertThat(browser.script("return window.__samePage === true")).as("no reload").isEqualTo(true);
        assertThat(browser.find("form.felt .felt-done").getText()).isEqualTo("Thank you for saying so. You are not the only one.");
        assertThat(browser.find("form.felt button").getDomAttribute("aria-disabled")).isEqualTo("true");

        browser.find("form.felt button").click(); // again, on the same page
        browser.open(server.url(letter));         // and after coming back
        assertThat(browser.find("form.felt .felt-done").isDisplayed()).as("her device remembers").isTrue();
        browser.find("form.felt button").click();
        assertThat(browser.find("form.felt .felt-count").getText()).isEqualTo("One reader has felt this too");
        assertThat(server.page(letter).selectFirst("form.felt .felt-count").text()).isEqualTo("One reader has felt this too");

        browser.driver().manage().deleteAllCookies(); // another reader on this phone
        browser.open(server.url(letter));
        browser.find("form.felt button").click();
        browser.await("the second reader", page -> browser.find("form.felt .felt-count").getText().equals("2 readers have felt this too"));
    }

    @Test
    void withoutJavaScriptTheFormComesBackToTheLetter() {
        String letter = LetterFlow.publish(server, "Is it normal to feel lonely with a newborn?", Language.EN);
        browser.javaScript(false);
        browser.open(server.url(letter));

        browser.tap("form.felt button", "the letter again, counted",
                page -> browser.find("form.felt .felt-count").getText().equals("One reader has felt this too"));
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(server.url(letter) + "#felt");
        assertThat(browser.find("h1").getText()).isEqualTo("Is it normal to feel lonely with a newborn?");
        assertThat(browser.find("form.felt .felt-done").isDisplayed()).as("the thanks, shown by the address's #felt").isTrue();

        browser.tap("form.felt button", "the letter again", page -> browser.find("form.felt .felt-count").isDisplayed());
        assertThat(browser.find("form.felt .felt-count").getText()).as("counted once").isEqualTo("One reader has felt this too");
    }
}
