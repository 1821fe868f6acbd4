package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.Browser;
import dearly.RunningDearly;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.accounts.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jsoup.nodes.Document;
import org.openqa.selenium.WebElement;

/**
 * An advisor writes her letter on a phone: the preview below follows what she types, the draft
 * saves itself, and what she typed is there when she comes back.
 */
class LetterEditorBrowserTest {
    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server().andBrowser();
    private static TestServer server; // started and stopped by DEARLY
    private static Browser browser;

    @Test
    void anAdvisorTypesOnAPhoneAndThePreviewFollowsAndTheDraftSavesItself() {
        User lina = SignedIn.as(server, Role.ADVISOR);
        DraftFlow.Asked asked = DraftFlow.assignedTo(server, lina, "es", "mama");

        signIn(lina);
        browser.open(server.url("/desk/mine"));
        browser.tap(".queue li a", "the letter editor", driver -> !driver.findElements(org.openqa.selenium.By.cssSelector("#f-body")).isEmpty());

        assertThat(browser.find("#preview .salutation").getText()).isEqualTo("Querida mamá,");
        browser.find("#f-body").sendKeys("Lo que cuentas es *muy* común.");
        browser.await("the preview shows what she typed", driver ->
                browser.find("#preview .letter-body").getText().contains("Lo que cuentas es muy común."));
        assertThat(browser.find("#preview .letter-body em").getText()).isEqualTo("muy");
        assertThat(browser.find("#preview .byline").getText()).startsWith("Pregunta de Valentina R., 31 años");
        Long overflow = (Long) browser.script("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("nothing wider than the phone").isLessThanOrEqualTo(0L);

        try {
            browser.await("the draft saved itself", driver -> browser.find(".save-status").getText().startsWith("Saved at"));
        } catch (RuntimeException e) {
            throw new AssertionError("status: " + browser.find(".save-status").getText() + " " + browser.script("return document.cookie;"), e);
        }
        String saved = server.server().database().read(handle -> handle.createQuery(
                "SELECT body_markdown FROM draft WHERE question_id = :q").bind("q", asked.id()).mapTo(String.class).one());
        assertThat(saved).isEqualTo("Lo que cuentas es *muy* común.");

        browser.open(server.url("/desk/drafts/" + asked.id()));
        assertThat(browser.find("#f-body").getAttribute("value")).isEqualTo("Lo que cuentas es *muy* común.");
    }

    @Test
    void whatSheTypedAfterHerSessionEndedIsSavedWhenSheSignsInAgain() {
        User lina = SignedIn.as(server, Role.ADVISOR);
        DraftFlow.Asked asked = DraftFlow.assignedTo(server, lina, "en", "mama");
        signIn(lina);
        browser.open(server.url("/desk/drafts/" + asked.id()));
        browser.driver().manage().deleteCookieNamed("dearly_session");
        browser.find("#f-body").sendKeys("Mama, every word of this survives.");
        browser.await("she is told she was signed out", driver -> browser.find(".save-status").getText().startsWith("You were signed out."));

        signIn(lina);
        browser.open(server.url("/desk/drafts/" + asked.id()));
        assertThat(browser.find("#f-body").getAttribute("value")).isEqualTo("Mama, every word of this survives.");
        browser.await("the words are saved", driver -> browser.find(".save-status").getText().startsWith("Saved at"));
        Document page = server.page("/desk/drafts/" + asked.id());
        assertThat(page.selectFirst("textarea[name=body]").val()).isEqualTo("Mama, every word of this survives.");
    }

    private static void signIn(User user) {
        browser.open(server.url("/login"));
        browser.find("#f-email").sendKeys(user.email());
        browser.find("#f-password").sendKeys(SignedIn.PASSWORD);
        WebElement button = browser.find("form.login button[type=submit]");
        button.click();
        browser.awaitGone(button);
    }
}
