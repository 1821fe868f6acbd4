package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.Browser;
import dearly.RunningDearly;
import dearly.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * In Chromium at phone size: "add a child" lands her on the child she added, with or without
 * JavaScript, and at 200% zoom on a 360-pixel phone (180 CSS pixels) nothing on the ask form or the
 * status page, crisis help included, runs off the side of the screen.
 */
class NarrowScreenBrowserTest {
    private static final String CRISIS = "Some nights I think about ending my life. I cannot cope with the baby and nobody helps me at home.";

    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server().andBrowser();
    private static TestServer server; // started and stopped by DEARLY
    private static Browser browser;

    @Test
    void addingAChildWithoutJavaScriptLandsOnTheNewChildsFirstField() {
        browser.javaScript(false);
        browser.open(server.url("/ask"));
        type("title", "Why does my baby cry every night?");
        addAChild();

        browser.javaScript(true); // for the test's own questions to the page; the page loaded without it
        assertThat(browser.script("return document.activeElement.name")).isEqualTo("children[1].name");
        assertOnScreen("#child-2");
        assertThat(field("title").getDomProperty("value")).isEqualTo("Why does my baby cry every night?");
    }

    @Test
    void addingAChildWithJavaScriptLandsOnItAndTheDraftKeepsWhatSheTypesThere() {
        browser.open(server.url("/ask"));
        type("title", "Why does my baby cry every night?");
        addAChild();
        assertThat(browser.script("return document.activeElement.name")).isEqualTo("children[1].name");
        assertOnScreen("#child-2");

        type("children[1].name", "Lucía");
        assertThat((String) browser.script("return localStorage.getItem('dearly-draft-ask')")).contains("\"children[1].name\":\"Lucía\"");
    }

    @Test
    void theAskFormWithCrisisHelpAndTwoChildrenFitsA360PixelPhoneAt200PercentZoom() {
        browser.open(server.url("/ask"));
        type("title", "I cannot do this any more");
        type("body", CRISIS);
        type("first_name", "Maria");
        type("surname", "Hernández-Villalobos");
        type("age", "5"); // a mistake, so the form comes back, with crisis help above it
        type("country", "United States");
        type("children[0].age_months", "5");
        addAChild();
        type("children[1].age_months", "30");
        WebElement send = browser.find("form.ask button.primary");
        send.click();
        browser.awaitGone(send);
        browser.await(page -> !page.findElements(org.openqa.selenium.By.cssSelector(".crisis .phone")).isEmpty());
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("fieldset.child"))).hasSize(2);

        browser.screen(180, 400);
        assertThat(browser.sidewaysOverflow()).as("what sticks out of the ask form at 180 CSS pixels").isEmpty();
    }

    @Test
    void theStatusPageWithCrisisResourcesFitsA360PixelPhoneAt200PercentZoom() {
        // An admin may add a resource with a long name, number and address: those must fit too.
        server.server().database().write(handle -> handle.createUpdate("""
                        INSERT INTO crisis_resource (country, position, name, phone, url, kind, languages)
                        VALUES ('US', 99, 'Postpartum-Depression-Warmline-for-New-Mothers-and-Fathers', '+1-800-555-0199-000-1234567',
                                'https://www.example.org/help/for-new-parents/postpartum-depression/warmline-and-text-line', 'crisis', 'en,es'),
                               ('US', 100, 'Suicide-and-Crisis-Text-Line-for-Parents-of-Newborns', '+1-800-555-0100-000-7654321',
                                'https://www.example.org/help/for-new-parents/crisis/text-line', 'crisis', 'en,es')""")
                .execute());
        Map<String, String> fields = AskFlow.spanishMother(server.page("/ask"));
        fields.putAll(Map.of("language", "en", "country", "United States", "city", "Albuquerque", "body", CRISIS,
                "title", "I cannot do this any more"));
        String status = AskFlow.askAndFollow(server, fields);

        browser.open(server.url(status));
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector(".crisis .phone")).size()).isGreaterThan(3);
        assertThat(browser.find(".crisis").getText()).contains("warmline-and-text-line");
        browser.screen(180, 400);
        assertThat(browser.sidewaysOverflow()).as("what sticks out of the status page at 180 CSS pixels").isEmpty();
    }

    private static void addAChild() {
        WebElement add = browser.find("form.ask button[name=rows][value=add]");
        add.click();
        browser.awaitGone(add);
        browser.await(page -> !page.findElements(org.openqa.selenium.By.cssSelector("#child-2")).isEmpty());
    }

    private static void assertOnScreen(String css) {
        Object visible = browser.script("var r = document.querySelector(arguments[0]).getBoundingClientRect();"
                + " return r.top >= 0 && r.top < window.innerHeight;", css);
        assertThat(visible).as("%s is on the screen", css).isEqualTo(true);
    }

    private static WebElement field(String name) {
        return new AskFormInBrowser(browser).field(name);
    }

    private static void type(String name, String text) {
        new AskFormInBrowser(browser).type(name, text);
    }
}
