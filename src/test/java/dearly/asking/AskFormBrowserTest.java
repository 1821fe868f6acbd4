package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.Browser;
import dearly.RunningDearly;
import dearly.TestServer;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A mother on her phone, at night, asks in Spanish in a real Chromium: she makes a mistake and fixes
 * it, adds a child, loses her page and finds her words still there.
 */
class AskFormBrowserTest {
    private static final String DRAFT_KEY = "dearly-draft-ask";
    private static final String AGE_ERROR = "Indica tu edad con un número entre 13 y 80, o déjala vacía.";

    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server().andBrowser();
    private static TestServer server; // started and stopped by DEARLY
    private static Browser browser;

    @Test
    void aMotherAsksInSpanishOnHerPhoneAndFixesAMistake() {
        String title = "¿Por qué mi bebé llora todas las noches?";
        String body = "Todas las noches, de seis a nueve, mi hijo llora y nada lo calma.\nSiento que le estoy fallando. ¿Qué puedo hacer?";
        browser.open(askUrl());
        assertThat(browser.find("h1").getText()).isEqualTo("Haz tu pregunta");
        assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("es");

        type("title", title);
        type("body", body);
        type("first_name", "Paula");
        type("surname", "Gómez");
        type("age", "12");
        type("city", "Medellín");
        type("country", "Colombia");
        choose("role", "mama");
        type("children[0].name", "Andrés");
        type("children[0].age_months", "5");
        choose("children[0].sex", "boy");
        choose("language", "es");
        type("email", "paula.gomez@example.com");
        WebElement consent = field("consent");
        assertThat(consent.isSelected()).as("consent is unticked until she ticks it").isFalse();
        consent.click();
        assertThat(consent.isSelected()).isTrue();
        browser.screenshot(screenshot("ask-form.png"));

        send("the form back with a message beside her age", page -> !page.findElements(By.id("f-age-error")).isEmpty());

        WebElement error = browser.find("#f-age-error");
        assertThat(error.getText()).isEqualTo(AGE_ERROR);
        assertThat(error.isDisplayed()).isTrue();
        assertThat(browser.script("return document.getElementById('f-age-error').parentElement"
                + " === document.getElementById('f-age').parentElement")).as("the message sits beside the age field").isEqualTo(true);
        assertThat(field("age").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field("age").getDomAttribute("aria-describedby")).contains("f-age-error");
        assertThat(browser.script("return getComputedStyle(document.getElementById('f-age')).borderTopColor"))
                .as("the age field's border is the colour of its message, not only announced to screen readers")
                .isEqualTo(browser.script("return getComputedStyle(document.getElementById('f-age-error')).color"));
        assertThat(browser.driver().findElements(By.cssSelector("form.ask .error"))).as("the only mistake").hasSize(1);
        WebElement summary = browser.find(".error-summary");
        assertThat(summary.isDisplayed()).isTrue();
        assertThat(summary.findElement(By.cssSelector("h2")).getText()).isEqualTo("Hay una cosa que revisar");
        WebElement summaryLink = summary.findElement(By.cssSelector("a"));
        assertThat(summaryLink.getText()).isEqualTo(AGE_ERROR);
        assertThat(summaryLink.getDomAttribute("href")).isEqualTo("#f-age");

        assertThat(valueOf("title")).isEqualTo(title);
        assertThat(valueOf("body")).isEqualTo(body);
        assertThat(valueOf("first_name")).isEqualTo("Paula");
        assertThat(valueOf("surname")).isEqualTo("Gómez");
        assertThat(valueOf("age")).isEqualTo("12");
        assertThat(valueOf("city")).isEqualTo("Medellín");
        assertThat(valueOf("country")).isEqualTo("Colombia");
        assertThat(chosen("role")).isEqualTo("mama");
        assertThat(valueOf("children[0].name")).isEqualTo("Andrés");
        assertThat(valueOf("children[0].age_months")).isEqualTo("5");
        assertThat(chosen("children[0].sex")).isEqualTo("boy");
        assertThat(chosen("language")).isEqualTo("es");
        assertThat(valueOf("email")).isEqualTo("paula.gomez@example.com");
        assertThat(field("consent").isSelected()).isTrue();
        browser.screenshot(screenshot("ask-errors.png"));

        type("age", "35");
        send("her status page", AskFormBrowserTest::onHerStatusPage);

        assertThat(browser.find("h1").getText()).isEqualTo("Recibimos tu pregunta");
        String privateLink = browser.find(".private-link input").getDomProperty("value");
        // Her private link is at her language's address.
        assertThat(privateLink).startsWith(server.url("/es/status/"));
        assertThat(browser.driver().getCurrentUrl()).endsWith(privateLink.replace(server.url("/es"), "") + "?received");
        assertThat(browser.find(".your-question h3").getText()).isEqualTo(title);
        assertThat(browser.driver().findElements(By.cssSelector(".crisis"))).isEmpty();
        browser.screenshot(screenshot("ask-status.png"));

        assertThat(received(title)).as("RECEIVED questions with her title").isEqualTo(1);
    }

    @Test
    void aDraftSurvivesALostPageAndIsClearedOnceReceived() {
        String title = "¿Es normal que no quiera salir de casa?";
        String body = "Desde que nació mi hija no tengo ganas de ver a nadie, y me da vergüenza decirlo en voz alta.";
        browser.open(askUrl());
        assertThat(browser.find(".draft-note").isDisplayed()).as("nothing to restore yet").isFalse();
        type("title", title);
        type("body", body);
        browser.await("the draft kept on the phone as she types", page -> body.equals(browser.script(
                "return JSON.parse(localStorage.getItem(arguments[0]) || '{}').body;", DRAFT_KEY)));

        browser.open(server.url("/")); // the page is lost: a dropped connection, a closed tab
        browser.open(askUrl());

        browser.await("her title restored from the draft", page -> title.equals(valueOf("title")));
        assertThat(valueOf("body")).isEqualTo(body);
        assertThat(browser.find(".draft-note").isDisplayed()).isTrue();
        assertThat(browser.find(".draft-note").getText())
                .isEqualTo("Una copia de lo que escribes se guarda en este dispositivo hasta que lo envíes.");

        type("first_name", "Lucía");
        type("surname", "Restrepo");
        type("country", "Colombia");
        choose("role", "mama");
        type("children[0].age_months", "3");
        field("consent").click();
        send("her status page", AskFormBrowserTest::onHerStatusPage);
        assertThat(browser.find("h1").getText()).isEqualTo("Recibimos tu pregunta");
        browser.await("the draft erased once the question is received",
                page -> browser.script("return localStorage.getItem(arguments[0]) === null;", DRAFT_KEY).equals(true));
        assertThat(received(title)).isEqualTo(1);

        browser.open(askUrl());
        assertThat(valueOf("title")).isEmpty();
        assertThat(valueOf("body")).isEmpty();
        assertThat(valueOf("first_name")).isEmpty();
        assertThat(browser.find(".draft-note").isDisplayed()).isFalse();
    }

    @Test
    void addingAChildKeepsWhatWasTyped() {
        String title = "¿Cómo duermo con un recién nacido y un niño de dos años?";
        browser.open(askUrl());
        type("title", title);
        type("children[0].name", "Tomás");
        assertThat(browser.driver().findElements(By.cssSelector("fieldset.child"))).hasSize(1);

        WebElement add = browser.find("form.ask button[name=rows][value=add]");
        assertThat(add.getText()).isEqualTo("Añadir un hijo o hija");
        add.click();
        browser.awaitGone(add);
        browser.await("a second child's fieldset", page -> page.findElements(By.cssSelector("fieldset.child")).size() == 2);

        assertThat(browser.driver().findElements(By.cssSelector("fieldset.child > legend")))
                .extracting(WebElement::getText)
                .containsExactly("Hijo o hija 1", "Hijo o hija 2");
        assertThat(valueOf("title")).isEqualTo(title);
        assertThat(valueOf("children[0].name")).isEqualTo("Tomás");
        assertThat(valueOf("children[1].name")).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("form.ask .error"))).as("adding a row checks nothing").isEmpty();
        assertThat(received(title)).as("adding a row stores nothing").isZero();
    }

    @Test
    void theFormFitsAPhoneWithoutSidewaysScrolling() {
        browser.open(askUrl());
        assertThat(browser.script("return window.innerWidth")).isEqualTo(390L);
        assertFitsTheScreen();

        send("the form back with its mistakes listed", page -> !page.findElements(By.cssSelector(".error-summary")).isEmpty());
        assertThat(browser.driver().findElements(By.cssSelector("form.ask .error")).size()).isGreaterThan(3);
        assertFitsTheScreen();
    }

    private static void assertFitsTheScreen() {
        assertThat((Long) browser.script("return document.documentElement.scrollWidth"))
                .as("page width against the screen's")
                .isLessThanOrEqualTo((Long) browser.script("return window.innerWidth"));
    }

    /** Taps the form's main button, as she would, and waits for the page that answers. */
    private static void send(String expected, Function<WebDriver, Boolean> arrived) {
        WebElement button = browser.find("form.ask button.primary");
        assertThat(button.getText()).isEqualTo("Enviar mi pregunta");
        button.click();
        browser.awaitGone(button);
        browser.await(expected, arrived);
    }

    private static boolean onHerStatusPage(WebDriver page) {
        return page.getCurrentUrl().contains("/status/") && !page.findElements(By.cssSelector(".private-link input")).isEmpty();
    }

    
    private static WebElement field(String name) {
        return new AskFormInBrowser(browser).field(name);
    }

    private static void type(String name, String text) {
        new AskFormInBrowser(browser).type(name, text);
    }

    private static void choose(String name, String value) {
        new AskFormInBrowser(browser).choose(name, value);
    }

    private static String valueOf(String name) {
        return new AskFormInBrowser(browser).valueOf(name);
    }

    private static String chosen(String name) {
        return new AskFormInBrowser(browser).chosen(name);
    }

    private static long received(String title) {
        return server.server().database().read(handle -> handle
                .createQuery("SELECT COUNT(*) FROM question WHERE status = 'RECEIVED' AND title = :title")
                .bind("title", title)
                .mapTo(Long.class)
                .one());
    }

    private static String askUrl() {
        return server.url("/es/ask");
    }

    private static Path screenshot(String name) {
        return Path.of("target", "screenshots", name);
    }
}
