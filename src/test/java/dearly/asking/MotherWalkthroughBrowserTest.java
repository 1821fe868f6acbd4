package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.Browser;
import dearly.RunningDearly;
import dearly.TestServer;
import dearly.storage.TestDatabase;
import dearly.web.RateLimitSettings;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The whole of asking as a new user lives it, in a real Chromium on a phone, with the rate limits a
 * real instance runs with: she asks, fixes a mistake, adds two children, edits, withdraws and undoes
 * it, withdraws for good, asks again, and erases everything, both questions, through the link mailed
 * to her. She never meets a limit page, and no page tells her something that is not so.
 */
class MotherWalkthroughBrowserTest {
    private static final String EMAIL = "maya.okafor@example.org";
    private static final String FIRST_TITLE = "Why does my son cry every evening?";
    private static final String LIMIT_PAGE = "Let's take a short pause";

    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server(() -> TestServer.start(TestDatabase.Kind.SQLITE, true, config -> config.withRateLimits(RateLimitSettings.defaults()))).andBrowser();
    private static TestServer server; // started and stopped by DEARLY
    private static Browser browser;

    @Test
    void aMotherAsksFixesEditsWithdrawsUndoesAsksAgainAndErasesBothQuestions() {
        browser.open(server.url("/ask"));
        type("title", FIRST_TITLE);
        type("body", "Every evening from six to nine my son cries and nothing calms him. I feel I am failing him.");
        type("first_name", "Maya");
        type("surname", "Okafor");
        type("age", "5");
        type("country", "United Kingdom");
        choose("role", "mama");
        type("children[0].name", "Tobi");
        type("children[0].age_months", "4");
        type("email", EMAIL);
        browser.find("form.ask [name=consent]").click();

        // A mistake: the form comes back with what she typed, and says nothing was sent.
        send("the form back with a message beside her age", page -> !page.findElements(By.id("f-age-error")).isEmpty());
        assertThat(field("title").getDomProperty("value")).isEqualTo(FIRST_TITLE);
        assertHonest("received", "saved", "is back with");

        type("age", "34");
        addChild("children[1].name");
        addChild("children[2].name");
        type("children[1].age_months", "30");
        type("children[2].age_months", "30");
        assertThat(field("children[0].name").getDomProperty("value")).as("adding a child keeps the first").isEqualTo("Tobi");
        send("her status page", page -> heading().equals("We received your question"));
        String status = browser.driver().getCurrentUrl().replaceAll("\\?.*", "");
        assertHonest("withdrew", "could not answer", "is published");

        click("a[href$='/edit']", "the edit form", page -> !page.findElements(By.cssSelector("form.ask")).isEmpty());
        type("title", "Why does my son cry every evening, and what helps?");
        click("form.ask button.primary", "her changes saved", page -> text().contains("Your changes are saved."));
        assertHonest("withdrew", "not saved");

        withdraw();
        assertThat(browser.find("form.restore button").getText()).isEqualTo("Put my question back");
        click("form.restore button", "her question back", page -> heading().equals("We received your question"));
        assertThat(text()).contains("Your question is back with our editors, as it was.");
        assertHonest("withdrew");

        withdraw();
        click("main a[href='/ask']", "a new form", page -> !page.findElements(By.cssSelector("form.ask")).isEmpty());
        type("title", "How do I sleep with a newborn and a toddler?");
        type("body", "My toddler wakes at five and the baby feeds every two hours. I have not slept more than three hours in a row.");
        type("first_name", "Maya");
        type("surname", "Okafor");
        type("country", "United Kingdom");
        choose("role", "mama");
        type("children[0].age_months", "1");
        type("email", EMAIL.toUpperCase());
        browser.find("form.ask [name=consent]").click();
        send("her second status page", page -> heading().equals("We received your question"));
        String second = browser.driver().getCurrentUrl().replaceAll("\\?.*", "");
        assertThat(second).isNotEqualTo(status);

        click("a[href$='/delete']", "the delete page", page -> heading().equals("Delete everything?"));
        assertThat(text()).contains("We will send that address one link that erases every question sent from it.");
        click("button.danger", "the deleted page", page -> heading().equals("This question is deleted"));
        assertThat(text()).contains("We sent a link to " + EMAIL.toUpperCase());
        assertHonest("Everything is erased");

        browser.open(eraseLinkMailedTo(EMAIL));
        assertThat(heading()).isEqualTo("Erase every question sent from this address?");
        assertThat(text()).contains("One question sent from this address is still kept");
        click("button.danger", "everything erased", page -> heading().equals("Everything is erased"));
        assertHonest();

        for (String link : new String[] {status, second}) {
            browser.open(link);
            assertThat(heading()).as("her link %s after erasing", link).isEqualTo("We couldn't find that page");
        }
        long left = server.server().database().read(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM asker WHERE LOWER(email) = :email").bind("email", EMAIL).mapTo(Long.class).one());
        assertThat(left).as("askers with her address").isZero();
    }

    /** From her status page: the withdraw link, its confirmation page, and the page after. */
    private static void withdraw() {
        click("a[href$='/withdraw']", "the withdraw page", page -> heading().equals("Withdraw your question?"));
        click("form[action$='/withdraw'] button", "her withdrawn question", page -> heading().equals("You withdrew your question"));
        assertThat(browser.find("main a[href='/ask']").getText()).isEqualTo("Ask a new question");
        assertHonest("We received your question");
    }

    private static void addChild(String firstFieldOfNewChild) {
        click("form.ask button[name=rows][value=add]", "a new child's fields",
                page -> !page.findElements(By.cssSelector("form.ask [name='" + firstFieldOfNewChild + "']")).isEmpty());
        assertThat(browser.script("return document.activeElement.name")).as("where she lands").isEqualTo(firstFieldOfNewChild);
        assertHonest("received", "saved");
    }

    /** No limit page, and none of these phrases, which would be untrue here. */
    private static void assertHonest(String... untrue) {
        assertThat(heading()).isNotEqualTo(LIMIT_PAGE);
        for (String phrase : untrue) assertThat(text()).as("page %s", browser.driver().getCurrentUrl()).doesNotContain(phrase);
    }

    private static String eraseLinkMailedTo(String address) {
        String mail = server.server().database().read(handle -> handle.createQuery("""
                        SELECT text_body FROM mail_outbox WHERE recipient_key = :to AND text_body LIKE '%/erase/%'
                        ORDER BY id DESC""").bind("to", address).mapTo(String.class).first());
        return mail.replaceAll("(?s).*?(http\\S+/erase/\\S+).*", "$1");
    }

    private static void send(String expected, Function<WebDriver, Boolean> arrived) {
        click("form.ask button.primary", expected, arrived);
    }

    private static void click(String css, String expected, Function<WebDriver, Boolean> arrived) {
        browser.tap(css, expected, arrived);
    }

    private static String heading() {
        return browser.driver().findElements(By.cssSelector("h1")).stream().findFirst().map(WebElement::getText).orElse("");
    }

    private static String text() {
        return browser.find("body").getText();
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
}
