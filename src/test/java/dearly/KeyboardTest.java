package dearly;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.accounts.Role;
import dearly.accounts.UserRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Every page type used with only a keyboard, in a real Chromium: Tab goes through every link, button,
 * field and summary of the page in reading order (the order of the HTML), each one shows where the
 * focus is (its outline or shadow differs from when it is not focused), and Tab comes back round to the
 * first (no trap). The page's own task is then done by keyboard alone: search, change language, share,
 * "I've felt this too", ask, sign in, decline a question, assign one, add a crisis entry.
 *
 * <p>One server and one browser for the class. The Tab presses of a round go in one WebDriver call; the
 * page notes each element as it gets the focus, and is read once at the end.
 */
class KeyboardTest {
    private static final String LETTER = "/letters/why-do-i-miss-my-partner-even-when-were-in-the-same-room";
    private static final String ADMIN_EMAIL = "keys-admin@example.org";
    private static final String PASSWORD = "a passphrase only the keyboard test knows";

    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server().andBrowser();
    private static TestServer server; // started and stopped by DEARLY
    private static Browser browser;

    @BeforeAll
    static void staff() {
        var users = new UserRepository(server.server().database());
        users.add(ADMIN_EMAIL, "Alma A.", Role.ADMIN, PASSWORD.toCharArray(), Instant.now());
        users.add("keys-advisor@example.org", "Rosa R.", Role.ADVISOR, PASSWORD.toCharArray(), Instant.now());
    }

    // Reading

    @Test
    void everyReadersPageCanBeWalkedRoundByKeyboard() {
        browser.open(server.url("/topics"));
        String topic = pathOf(browser.find("main a[href^='/topics/']").getDomProperty("href"));
        for (String path : List.of("/", LETTER, "/topics", topic, "/advisors/lina-p", "/search?q=partner", "/search?q=zzqxw",
                "/ask", "/es/ask", "/login", "/es/")) {
            browser.open(server.url(path));
            assertTabGoesRound(path);
        }
    }

    @Test
    void theSkipLinkIsFirstIsSeenAndLeadsToTheMainContent() {
        browser.open(server.url(LETTER));
        press(Keys.TAB);
        WebElement skip = focused();
        assertThat(skip.getDomAttribute("class")).as("the first Tab stop").isEqualTo("skip");
        assertThat((Boolean) browser.script("var r = arguments[0].getBoundingClientRect();"
                + " return r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.width > 0", skip)).as("the skip link on screen").isTrue();
        press(Keys.ENTER);
        press(Keys.TAB);
        assertThat((Boolean) browser.script("return document.activeElement.closest('main') !== null"))
                .as("the Tab after the skip link is in the main content, not the header: " + describe(focused())).isTrue();
    }

    @Test
    void sheSearchesFromTheHeaderBoxAndSwitchesLanguageByKeyboard() {
        browser.open(server.url("/"));
        tabTo("the header's search box", "#site-search");
        press("partner");
        press(Keys.ENTER);
        browser.await("search results for what she typed", page -> pathOf(page.getCurrentUrl()).equals("/search?q=partner")
                && !page.findElements(By.cssSelector(".results li")).isEmpty());

        tabTo("the other language", "nav.languages a");
        press(Keys.ENTER);
        browser.await("the same search in Spanish", page -> pathOf(page.getCurrentUrl()).startsWith("/es/search")
                && "es".equals(page.findElement(By.cssSelector("html")).getDomAttribute("lang")));
    }

    @Test
    void sheSharesALetterCopiesItsLinkAndSaysSheFeltItTooByKeyboard() {
        // Without a share sheet the summary opens the menu of links, as on most desktop browsers.
        browser.beforeEachPage("delete Navigator.prototype.share; delete navigator.share;");
        browser.allowClipboard(server.url(""));
        browser.open(server.url(LETTER));
        browser.await(page -> browser.find(".share .copy").getDomAttribute("hidden") == null);

        tabTo("the share control", ".share summary");
        press(Keys.ENTER);
        browser.await("the share menu, open", page -> browser.find(".share ul").isDisplayed());
        press(Keys.TAB);
        assertThat((Boolean) browser.script("return document.activeElement.matches('.share .copy button')"))
                .as("the first item of the menu, copy the link: " + describe(focused())).isTrue();
        press(Keys.ENTER);
        browser.await("the copy confirmed", page -> !browser.find(".share .status").getText().isBlank());
        Object copied = browser.asyncScript("navigator.clipboard.readText().then(arguments[0], function (e) { arguments[0]('' + e); })");
        assertThat(copied).as("the clipboard").isEqualTo(server.url(LETTER));
        assertTabGoesRound("letter, share menu open");

        String before = browser.find(".felt-count").getText();
        tabTo("I've felt this too", "form.felt button");
        press(Keys.ENTER);
        browser.await("thanks for saying so", page -> browser.find("form.felt").getDomAttribute("class").contains("done"));
        assertThat(browser.find(".felt-count").getText()).as("the count").isNotEqualTo(before);
    }

    // Asking

    @Test
    void sheAsksByKeyboardAndWalksRoundHerStatusPage() {
        askByKeyboard("Why does my baby wake every hour?");
        assertTabGoesRound("status page after asking");
    }

    // Staff

    @Test
    void anEditorSignsInOpensAQuestionAndDeclinesItByKeyboard() {
        String title = "Is it normal that he cries at bath time?";
        askByKeyboard(title);
        signInByKeyboard();
        assertTabGoesRound("desk queue");

        tabTo("the question in the queue", "main a", title);
        press(Keys.ENTER);
        browser.await("the question on the desk", page -> pathOf(page.getCurrentUrl()).startsWith("/desk/questions/"));
        assertTabGoesRound("desk question");

        tabTo("the decline reply", "textarea[name=reply]");
        press("Thank you for writing. We cannot answer this one in the column; your midwife can help.");
        tabTo("send the decline", "form[action$='/decline'] button");
        press(Keys.ENTER);
        browser.await("the decline sent, shown on the question", page ->
                !page.findElements(By.cssSelector("blockquote.decline")).isEmpty());
    }

    @Test
    void anEditorAssignsAQuestionByKeyboardAndTheDraftPageCanBeWalkedRound() {
        String title = "When will she sleep through the night?";
        askByKeyboard(title);
        signInByKeyboard();
        tabTo("the question in the queue", "main a", title);
        press(Keys.ENTER);
        browser.await("the question on the desk", page -> pathOf(page.getCurrentUrl()).startsWith("/desk/questions/"));
        String question = pathOf(browser.driver().getCurrentUrl());

        tabTo("the advisor to assign", "select[name=advisor]");
        press("Rosa"); // a focused list picks the option whose name is typed
        assertThat(browser.find("select[name=advisor] option:checked").getText()).isEqualTo("Rosa R.");
        tabTo("assign", "section.assign button[type=submit]");
        press(Keys.ENTER);
        browser.await("the question assigned", page -> page.findElements(By.cssSelector("section.assign select")).isEmpty()
                || !page.findElements(By.cssSelector("a[href*='/desk/drafts/']")).isEmpty());

        browser.open(server.url(question.replace("/desk/questions/", "/desk/drafts/")));
        assertThat(browser.driver().findElements(By.cssSelector("form textarea"))).as("the letter's fields").isNotEmpty();
        assertTabGoesRound("draft");
    }

    @Test
    void everyStaffPageCanBeWalkedRoundAndAnAdminAddsACrisisEntryByKeyboard() {
        signInByKeyboard();
        for (String path : List.of("/account", "/desk/mine", "/desk/profile", "/admin", "/admin/outbox", "/admin/audit",
                "/admin/topics", "/admin/decline-templates", "/admin/accounts", "/admin/crisis", "/es/admin/crisis")) {
            browser.open(server.url(path));
            assertThat(pathOf(browser.driver().getCurrentUrl())).as("signed in, " + path + " opens").isEqualTo(path);
            assertTabGoesRound(path);
        }

        browser.open(server.url("/admin/crisis"));
        tabTo("the link to the form at the end", "main a[href='#add']");
        press(Keys.ENTER);
        fillByKeyboard("form.resource", Map.of("country", "CO", "name", "Línea de prueba del teclado", "phone", "01 8000 000 000",
                "url", "https://example.org/linea", "source", "https://example.org/fuente"), Set.of("kind", "languages"));
        browser.await("the entry added", page -> page.getCurrentUrl().contains("#resource-")
                && page.findElements(By.cssSelector("li.resource .name")).stream().anyMatch(n -> n.getText().equals("Línea de prueba del teclado")));
    }

    /**
     * Presses Tab from the top of the page until the focus has been round once and come back to the
     * first stop, and fails listing what was wrong: an element never reached, reached out of order,
     * reached that should not be (hidden), or focused with nothing to show it.
     */
    @SuppressWarnings("unchecked")
    private static void assertTabGoesRound(String what) {
        // What each stop looks like unfocused is read first: the element she just used may still have the focus.
        Map<String, Object> page = (Map<String, Object>) browser.script("""
                if (document.activeElement) document.activeElement.blur();
                var reachable = function (el) {
                  if (el.disabled || el.type === 'hidden' || el.tabIndex < 0 || el.inert) return false;
                  if (el.tagName === 'A' && !el.hasAttribute('href')) return false;
                  if (el.tagName === 'SUMMARY' && !(el.parentElement.tagName === 'DETAILS' && el.parentElement.querySelector('summary') === el)) return false;
                  for (var box = el.parentElement; box; box = box.parentElement) {
                    if (box.tagName === 'DETAILS' && !box.open && !(el.tagName === 'SUMMARY' && el.parentElement === box)) return false;
                  }
                  if (!el.checkVisibility({visibilityProperty: true})) return false;
                  if (el.type === 'radio' && el.name) { // one stop per group: the one chosen, else the first
                    var group = Array.prototype.filter.call(document.getElementsByName(el.name), function (r) { return r.type === 'radio' && r.form === el.form; });
                    var chosen = group.filter(function (r) { return r.checked; })[0];
                    return (chosen || group[0]) === el;
                  }
                  return true;
                };
                var look = function (el) {
                  var s = getComputedStyle(el);
                  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.outlineOffset, s.boxShadow].join(' ');
                };
                var stops = Array.prototype.filter.call(
                    document.querySelectorAll('a, button, input, select, textarea, summary, [tabindex], [contenteditable], iframe'), reachable);
                var keys = window.dearlyKeys = {stops: stops, atRest: stops.map(look), log: []};
                if (!window.dearlyKeysListening) {
                  window.dearlyKeysListening = true;
                  document.addEventListener('focusin', function (event) {
                    var el = event.target, k = window.dearlyKeys, at = k.stops.indexOf(el);
                    k.log.push({at: at, what: el.outerHTML.slice(0, 120), shown: at >= 0 && look(el) !== k.atRest[at]});
                  }, true);
                }
                return {stops: stops.length, positive: Array.prototype.filter.call(document.querySelectorAll('[tabindex]'), function (el) { return el.tabIndex > 0; }).length};""");
        int stops = ((Number) page.get("stops")).intValue();
        assertThat(stops).as(what + ": something to reach by Tab").isPositive();
        assertThat(((Number) page.get("positive")).intValue()).as(what + ": a tabindex above 0 (which breaks reading order)").isZero();

        // Round once and on to the first stop again. Some stops take more than one press (a date field's
        // day, month and year), and a headless window may take one to come back: press on until round.
        new Actions(browser.driver()).sendKeys(Keys.TAB.toString().repeat(stops + 3)).perform();
        for (int more = 0; more < stops + 20 && ((Number) browser.script(
                "return window.dearlyKeys.log.filter(function (l) { return l.at >= 0; }).length")).intValue() <= stops; more += 10) {
            new Actions(browser.driver()).sendKeys(Keys.TAB.toString().repeat(10)).perform();
        }
        List<Map<String, Object>> log = (List<Map<String, Object>>) browser.script("return window.dearlyKeys.log");

        // The round starts wherever the focus was last (a blurred element stays the starting point).
        List<String> problems = new ArrayList<>();
        int first = -1, steps = 0;
        for (Map<String, Object> stop : log) {
            int at = ((Number) stop.get("at")).intValue();
            String element = (String) stop.get("what");
            if (at < 0) {
                problems.add("- focused, but not a stop she can see or use: " + element);
                continue;
            }
            if (first < 0) first = at;
            int expected = (first + steps) % stops;
            if (steps == stops && at == first) break; // round once, and back
            if (at != expected) problems.add("- stop " + expected + " expected, reached stop " + at + " instead: " + element);
            if (!Boolean.TRUE.equals(stop.get("shown"))) problems.add("- nothing shows the focus on " + element);
            steps++;
            if (steps > stops) {
                problems.add("- Tab did not come back round to where it began after " + stops + " stops");
                break;
            }
        }
        if (steps < stops) {
            problems.add("- Tab went round " + steps + " of " + stops + " stops and no further; not reached: "
                    + browser.script("return window.dearlyKeys.stops.filter(function (el, i) { return !window.dearlyKeys.log.some("
                    + "function (l) { return l.at === i; }); }).slice(0, 5).map(function (el) { return el.outerHTML.slice(0, 120); }).join('\\n  ')"));
        }
        assertThat(problems).withFailMessage("%s (%s), %d Tab stops, by keyboard:%n%s", what,
                pathOf(browser.driver().getCurrentUrl()), stops, String.join("\n", problems)).isEmpty();
    }

    /** Presses Tab until the focus is on what the selector finds (with this text, if given). */
    private static void tabTo(String what, String css, String... text) {
        List<String> passed = new ArrayList<>();
        for (int presses = 0; presses < 200; presses++) {
            press(Keys.TAB);
            WebElement at = focused();
            boolean matches = Boolean.TRUE.equals(browser.script("return arguments[0].matches(arguments[1])", at, css));
            if (matches && (text.length == 0 || at.getText().equals(text[0]))) return;
            passed.add(describe(at));
        }
        throw new AssertionError("Tab never reached " + what + " (" + css + "); it went through: " + passed);
    }

    /**
     * Tabs through the form, typing into each empty field named in typed, ticking (Space) the first
     * choice of each group named in ticked, and presses Enter on its main button.
     */
    private static void fillByKeyboard(String form, Map<String, String> typed, Set<String> ticked) {
        Map<String, String> left = new LinkedHashMap<>(typed);
        for (int presses = 0; presses < 150; presses++) {
            press(Keys.TAB);
            WebElement at = focused();
            if (at.findElements(By.xpath("ancestor::form")).isEmpty()
                    || !Boolean.TRUE.equals(browser.script("return arguments[0].form.matches(arguments[1])", at, form))) continue;
            String name = at.getDomAttribute("name");
            if (name != null && left.containsKey(name) && Objects.toString(at.getDomProperty("value"), "").isEmpty()) {
                press(left.remove(name));
            } else if (name != null && ticked.contains(name) && !Boolean.parseBoolean(at.getDomProperty("checked"))) {
                press(Keys.SPACE);
            } else if (Objects.toString(at.getDomAttribute("class"), "").contains("primary")) {
                assertThat(left).as("fields Tab never reached in " + form).isEmpty();
                press(Keys.ENTER);
                return;
            }
        }
        throw new AssertionError("Tab never reached the main button of " + form);
    }

    /** Asks in English, with the keyboard only, and waits for her status page. */
    private static void askByKeyboard(String title) {
        browser.open(server.url("/ask?lang=en"));
        fillByKeyboard("form.ask", Map.of("title", title,
                "body", "My son is four months old and this happens every night. Is this normal?",
                "first_name", "Ruth", "surname", "Okafor", "age", "29", "city", "Leeds", "country", "United Kingdom",
                "children[0].age_months", "4", "email", "ruth@example.org"), Set.of("role", "language", "consent"));
        browser.await("her status page, reached by keyboard", page -> page.getCurrentUrl().contains("/status/")
                && !page.findElements(By.cssSelector(".private-link")).isEmpty());
    }

    private static void signInByKeyboard() {
        browser.open(server.url("/login"));
        fillByKeyboard("form.login", Map.of("email", ADMIN_EMAIL, "password", PASSWORD), Set.of());
        browser.await("the desk, signed in", page -> pathOf(page.getCurrentUrl()).equals("/desk"));
    }

    private static void press(CharSequence keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    private static WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    private static String describe(WebElement element) {
        String html = (String) browser.script("return arguments[0].outerHTML", element);
        return html.length() > 120 ? html.substring(0, 120) : html;
    }

    private static String pathOf(String url) {
        var uri = java.net.URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
