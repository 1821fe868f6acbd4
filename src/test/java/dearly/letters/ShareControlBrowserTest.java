package dearly.letters;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.Browser;
import dearly.RunningDearly;
import dearly.TestServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/** A reader on a phone shares a letter: the phone's share sheet, a copied link, or plain links without JavaScript. */
class ShareControlBrowserTest {
    private static final String PATH = "/letters/why-do-i-miss-my-partner-even-when-were-in-the-same-room";
    private static final String HEADLINE = "Why do I miss my partner even when we’re in the same room?";

    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server().andBrowser();
    private static TestServer server; // started and stopped by DEARLY
    private static Browser browser;

    @Test
    void copyLinkPutsTheLetterAddressOnTheClipboard() {
        browser.beforeEachPage("delete Navigator.prototype.share; delete navigator.share;");
        browser.allowClipboard(origin());
        browser.open(letterUrl());

        WebElement copy = browser.find(".share .copy button");
        browser.await(page -> browser.find(".share .copy").getDomAttribute("hidden") == null);
        assertThat(browser.script("return 'share' in navigator")).isEqualTo(false);

        browser.find(".share summary").click();
        browser.await(page -> copy.isDisplayed());
        copy.click();

        WebElement status = browser.find(".share .status");
        browser.await(page -> status.getText().equals("Link copied"));
        Object clipboard = browser.asyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, function (e) { done('could not read: ' + e); });");
        assertThat(clipboard).isEqualTo(letterUrl());
    }

    @Test
    void withoutAShareSheetTheMenuOffersEveryWayToShare() {
        browser.beforeEachPage("delete Navigator.prototype.share; delete navigator.share;");
        browser.open(letterUrl());

        browser.find(".share summary").click();

        browser.await(page -> browser.find(".share .copy button").isDisplayed());
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("details.share[open] li"))
                .stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList())
                .containsExactly("Copy link", "WhatsApp", "Facebook", "X", "Pinterest", "E-mail", "Link to this letter");
    }

    @Test
    void copyingFromTheEndOfTheLetterSaysCopiedWhereTheClipboardApiIsMissing() {
        browser.beforeEachPage("delete Navigator.prototype.share; delete navigator.share;"
                + " Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: function () { return undefined; } });"
                + " document.addEventListener('copy', function () { window.__copied = String(document.getSelection()); });");
        browser.open(letterUrl());
        assertThat(browser.script("return navigator.clipboard === undefined")).isEqualTo(true);

        browser.find(".letter-end .share summary").click();
        WebElement copy = browser.find(".letter-end .share .copy button");
        browser.await(page -> copy.isDisplayed());
        copy.click();

        WebElement status = browser.find(".letter-end .share .status");
        browser.await("Link copied", page -> status.getText().equals("Link copied"));
        assertThat(status.isDisplayed()).isTrue();
        assertThat(browser.script("return window.__copied")).isEqualTo(letterUrl());
    }

    @Test
    void sharingUsesThePhonesShareSheetWhereTheBrowserHasOne() {
        browser.beforeEachPage("Object.defineProperty(navigator, 'share', { configurable: true, value: function (data) {"
                + " window.__shared = { title: data.title, url: data.url }; return Promise.resolve(); } });");
        browser.open(letterUrl());

        browser.find(".share summary").click();

        Object shared = browser.await(page -> browser.script("return window.__shared"));
        assertThat(shared).isEqualTo(Map.of("title", HEADLINE, "url", letterUrl()));
        assertThat(browser.script("return document.querySelector('details.share').open")).isEqualTo(false);
        assertThat(browser.find(".share ul").isDisplayed()).isFalse();
    }

    @Test
    void cancellingTheShareSheetOpensTheMenuInstead() {
        browser.beforeEachPage("Object.defineProperty(navigator, 'share', { configurable: true, value: function () {"
                + " window.__asked = true; return Promise.reject(new DOMException('Share canceled', 'AbortError')); } });");
        browser.open(letterUrl());

        browser.find(".share summary").click();

        browser.await(page -> browser.find(".share ul").isDisplayed());
        assertThat(browser.script("return window.__asked === true")).as("the share sheet was asked for").isEqualTo(true);
        assertThat(browser.find(".share a[href^='https://wa.me/']").isDisplayed()).isTrue();
    }

    @Test
    void withoutJavaScriptTheShareMenuStillOffersLinks() {
        browser.javaScript(false);
        browser.open(letterUrl());

        browser.find(".share summary").click();

        browser.await(page -> browser.find(".share ul").isDisplayed());
        WebElement whatsapp = browser.find(".share a[href^='https://wa.me/?text=']");
        WebElement email = browser.find(".share a[href^='mailto:']");
        assertThat(whatsapp.isDisplayed()).isTrue();
        assertThat(whatsapp.getText()).isEqualTo("WhatsApp");
        assertThat(email.isDisplayed()).isTrue();
        assertThat(email.getText()).isEqualTo("E-mail");
        assertThat(browser.find(".share .copy").getDomAttribute("hidden")).as("dearly.js did not run").isNotNull();
        assertThat(browser.find(".share .copy button").isDisplayed()).as("copy button, which needs JavaScript").isFalse();
        WebElement link = browser.find(".share input[type=url]");
        assertThat(link.isDisplayed()).isTrue();
        assertThat(link.getDomProperty("value")).isEqualTo(letterUrl());
    }

    @Test
    void letterIsReadableOnAPhoneWithoutSidewaysScrolling() {
        browser.open(letterUrl());
        browser.find(".share summary").click(); // the open menu, with the long address in it, must fit too
        browser.await(page -> browser.find(".share ul").isDisplayed());

        assertThat(browser.script("return window.innerWidth")).isEqualTo(390L);
        assertThat((Long) browser.script("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((Long) browser.script("return window.innerWidth"));
        browser.screenshot(Path.of("target", "screenshots", "letter-light.png"));
    }

    @Test
    void letterIsReadableOnAPhoneInDarkMode() {
        browser.colourScheme("dark");
        browser.open(letterUrl());

        assertThat(browser.script("return matchMedia('(prefers-color-scheme: dark)').matches")).isEqualTo(true);
        Map<?, ?> body = (Map<?, ?>) browser.script(LUMINANCE + "var style = getComputedStyle(document.querySelector('.letter-text'));"
                + "var background = luminance(getComputedStyle(document.body).backgroundColor), text = luminance(style.color);"
                + "return { background: background, contrast: (Math.max(background, text) + 0.05) / (Math.min(background, text) + 0.05) };");
        assertThat(((Number) body.get("background")).doubleValue()).as("luminance of the page").isLessThan(0.05);
        assertThat(((Number) body.get("contrast")).doubleValue()).as("contrast of the letter's text (WCAG AAA: 7)").isGreaterThanOrEqualTo(7.0);
        browser.screenshot(Path.of("target", "screenshots", "letter-dark.png"));
    }

    /** WCAG relative luminance of a computed colour, "rgb(r, g, b)". */
    private static final String LUMINANCE = "function luminance(colour) {"
            + " var c = colour.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(function (v) { v = v / 255;"
            + " return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });"
            + " return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]; }";

    private static String letterUrl() {
        return server.url(PATH);
    }

    private static String origin() {
        URI uri = URI.create(letterUrl());
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
