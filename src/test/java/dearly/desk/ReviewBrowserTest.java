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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * From a draft to the home page in Chromium on a phone-sized screen: an advisor writes her letter
 * watching the preview and sends it for review, an editor approves it, a reader finds it on the
 * home page and reads it.
 */
class ReviewBrowserTest {
    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server().andBrowser();
    private static TestServer server; // started and stopped by DEARLY
    private static Browser browser;

    @Test
    void anAdvisorWritesAnEditorApprovesAReaderFindsTheLetterOnTheHomePage() {
        User lina = SignedIn.as(server, Role.ADVISOR);
        DraftFlow.Asked asked = DraftFlow.assignedTo(server, lina, "es", "mama");
        User editor = SignedIn.as(server, Role.EDITOR);

        signIn(lina);
        browser.open(server.url("/desk/drafts/" + asked.id()));
        browser.find("#f-standfirst").sendKeys(ReviewFlow.STANDFIRST);
        browser.find("#f-body").sendKeys("No estás sola: lo que sientes es *cansancio*, y pasa.");
        browser.await("the preview shows what she typed", driver ->
                browser.find("#preview .letter-body").getText().contains("No estás sola: lo que sientes es cansancio, y pasa."));
        assertThat(browser.find("#preview .standfirst").getText()).isEqualTo(ReviewFlow.STANDFIRST);
        browser.await("the draft saved itself", driver -> browser.find(".save-status").getText().startsWith("Saved at"));
        Long overflow = (Long) browser.script("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("nothing wider than the phone").isLessThanOrEqualTo(0L);
        // The page offers "Send for review" once something is saved: open it again, as she would after saving.
        browser.open(server.url("/desk/drafts/" + asked.id()));
        browser.tap("form[action$='/submit'] button", "the letter sent for review",
                driver -> browser.find(".review-state").getText().startsWith("Sent for review"));

        signIn(editor);
        browser.open(server.url("/desk/drafts/" + asked.id()));
        assertThat(browser.find(".checks-clear").getText()).isEqualTo("The checks found nothing to hold it back.");
        assertThat(browser.find("input[name=when][value=now]").isSelected()).isTrue();
        browser.tap("form[action$='/approve'] button[type=submit]", "the letter published",
                driver -> browser.find(".review-state").getText().startsWith("Published."));

        browser.driver().manage().deleteAllCookies();
        browser.open(server.url("/"));
        browser.tap("a[href^='/letters/'][href*='es-normal-que-llore']", "her letter's page",
                driver -> !driver.findElements(By.cssSelector("article .letter-body")).isEmpty());
        assertThat(browser.find("article h1").getText()).isEqualTo("¿Es normal que llore tanto por las noches?");
        assertThat(browser.find("article .letter-body").getText()).isEqualTo("No estás sola: lo que sientes es cansancio, y pasa.");
        assertThat(browser.find("article .byline").getText()).startsWith("Pregunta de Valentina R., 31 años");
    }

    private static void signIn(User user) {
        browser.driver().manage().deleteAllCookies();
        browser.open(server.url("/login"));
        browser.find("#f-email").sendKeys(user.email());
        browser.find("#f-password").sendKeys(SignedIn.PASSWORD);
        WebElement button = browser.find("form.login button[type=submit]");
        button.click();
        browser.awaitGone(button);
    }
}
