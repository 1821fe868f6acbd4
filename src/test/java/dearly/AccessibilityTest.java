package dearly;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dearly.accounts.Role;
import dearly.accounts.UserRepository;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every kind of page a parent, a reader or the staff sees, checked in a real Chromium at phone size:
 * by axe-core (the rules of WCAG 2.2 A and AA) once in light mode and once in dark mode; by the Nu HTML
 * Checker (the HTML exactly as the browser received it); and at 320 CSS pixels wide and at 200% zoom
 * on a 360-pixel phone (180 CSS pixels), where nothing may stick out sideways.
 *
 * <p>axe.min.js comes inside the axe-core Maven artifact and is run through the DevTools protocol, which
 * the pages' strict Content-Security-Policy does not govern; nothing is fetched at test time. No rule is
 * disabled: a failure lists each rule broken, its impact, the elements (CSS selectors) and the page.
 */
class AccessibilityTest {
    private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");
    private static final HtmlChecker HTML = new HtmlChecker();
    private static final com.fasterxml.jackson.databind.ObjectMapper AXE_JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** axe.min.js as the pinned axe-core artifact ships it. */
    private static final String AXE_SOURCE = axeSource();
    private static final String LETTER = "/letters/why-do-i-miss-my-partner-even-when-were-in-the-same-room";
    private static final String ADMIN_EMAIL = "a11y-admin@example.org";
    private static final String ADMIN_PASSWORD = "a passphrase only the accessibility test knows";

    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server().andBrowser();
    private static TestServer server; // started and stopped by DEARLY
    private static Browser browser;

    @BeforeAll
    static void anAdmin() {
        new UserRepository(server.server().database())
                .add(ADMIN_EMAIL, "Alma A.", Role.ADMIN, ADMIN_PASSWORD.toCharArray(), Instant.now());
        new UserRepository(server.server().database())
                .add("a11y-advisor@example.org", "Rosa R.", Role.ADVISOR, ADMIN_PASSWORD.toCharArray(), Instant.now());
    }

    // Reading

    @Test
    void homePageIsAccessible() {
        browser.open(server.url("/"));
        assertAccessible("home");
    }

    @Test
    void letterPageIsAccessibleWithTheShareMenuClosed() {
        browser.open(server.url(LETTER));
        assertAccessible("letter, share menu closed");
    }

    @Test
    void letterPageIsAccessibleWithTheShareMenuOpen() {
        // Without a share sheet the summary opens the menu of links, as on most desktop browsers.
        browser.beforeEachPage("delete Navigator.prototype.share; delete navigator.share;");
        browser.open(server.url(LETTER));
        browser.await(page -> browser.find(".share .copy").getDomAttribute("hidden") == null);

        browser.find(".share summary").click();
        browser.await(page -> browser.find(".share ul").isDisplayed());

        assertAccessible("letter, share menu open");
    }

    @Test
    void topicsPageIsAccessible() {
        browser.open(server.url("/topics"));
        assertAccessible("topics");
    }

    @Test
    void advisorPageIsAccessible() {
        browser.open(server.url("/advisors/lina-p"));
        assertAccessible("advisor");
    }

    @Test
    void apiReferenceIsAccessibleInBothLanguages() {
        browser.open(server.url("/es/api"));
        assertAccessible("API reference, Spanish chrome");
        browser.open(server.url("/api"));
        assertAccessible("API reference");
    }

    @Test
    void theSpanishAddressesOfTheReadersPagesAreAccessible() {
        for (String path : List.of("/es/", "/es" + LETTER, "/es/topics", "/es/advisors/lina-p", "/es/search?q=pareja",
                "/es/letters/no-such-letter")) {
            browser.open(server.url(path));
            assertThat(browser.find("html").getDomAttribute("lang")).as(path).isEqualTo("es");
            assertAccessible(path);
        }
    }

    @Test
    void notFoundPageIsAccessible() {
        browser.open(server.url("/letters/no-such-letter"));
        assertThat(browser.find("h1").getText()).isNotBlank();
        assertAccessible("404");
    }


    @Test
    void searchWithResultsAndWithNoneIsAccessible() {
        browser.open(server.url("/search?q=partner"));
        assertThat(browser.driver().findElements(By.cssSelector(".results li"))).as("letters found").isNotEmpty();
        assertAccessible("search with results");
        browser.open(server.url("/search?q=zzqxw"));
        assertThat(browser.driver().findElements(By.cssSelector(".results li"))).as("nothing found").isEmpty();
        assertAccessible("search with no result");
    }

    @Test
    void aTopicPageIsAccessible() {
        browser.open(server.url("/topics"));
        browser.open(browser.find("main a[href^='/topics/']").getDomProperty("href"));
        assertAccessible("topic");
    }

    @Test
    void aBadRequestIsAccessible() {
        // No browser sends an unknown charset; a probe does, and gets the calm 400 page.
        browser.extraHeaders(Map.of("Content-Type", "text/plain; charset=bogus"));
        browser.open(server.url("/topics"));
        assertThat(browser.find("h1").getText()).isNotBlank();
        assertAccessible("400");
    }

    @Test
    void theStaffsOwnPagesAndEveryAdminPageAreAccessible() {
        signInAsAdmin();
        for (String path : List.of("/account", "/desk/mine", "/desk/profile", "/admin", "/admin/audit", "/admin/topics",
                "/admin/decline-templates", "/admin/accounts")) {
            browser.open(server.url(path));
            assertThat(pathOf(browser.driver().getCurrentUrl())).as("signed in, " + path + " opens").isEqualTo(path);
            assertAccessible(path);
        }
    }

    @Test
    void screenshotsOfTheLetterAt360PixelsInLightAndDarkMode() {
        browser.screen(360, 780);
        browser.open(server.url(LETTER));
        for (String scheme : List.of("light", "dark")) {
            browser.colourScheme(scheme);
            browser.await(page -> Boolean.TRUE.equals(
                    browser.script("return matchMedia('(prefers-color-scheme: ' + arguments[0] + ')').matches", scheme)));
            Path shot = browser.screenshot(Path.of("target", "screenshots", "letter-360-" + scheme + ".png"));
            assertThat(shot).isNotEmptyFile();
        }
        Object background = browser.script("return getComputedStyle(document.body).backgroundColor");
        assertThat(background).as("the dark page's background").isNotEqualTo("rgb(255, 253, 249)");
    }

    // Asking

    @Test
    void emptyAskFormInSpanishIsAccessible() {
        browser.open(askUrl());
        assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("es");
        assertAccessible("ask form, Spanish, empty");
    }

    @Test
    void askFormWithItsMistakesShownIsAccessible() {
        browser.open(askUrl());
        type("title", "¿Por qué mi bebé llora todas las noches?");
        type("age", "12");
        type("email", "not an address");
        send(page -> !page.findElements(By.cssSelector(".error-summary")).isEmpty(), "the form back with its mistakes listed");
        assertThat(browser.driver().findElements(By.cssSelector("form.ask .error")).size()).isGreaterThan(3);

        assertAccessible("ask form, Spanish, with mistakes");
    }

    @Test
    void statusPageAfterAQuestionIsReceivedIsAccessible() {
        ask("¿Por qué mi bebé llora todas las noches?",
                "Todas las noches, de seis a nueve, mi hijo llora y nada lo calma. ¿Qué puedo hacer?");
        assertThat(browser.driver().findElements(By.cssSelector(".crisis"))).isEmpty();

        assertAccessible("status page after asking");
    }

    @Test
    void statusPageShowingCrisisHelpIsAccessible() {
        ask("No puedo más", "Desde hace semanas no duermo y a veces pienso en quitarme la vida. No sé a quién decírselo.");
        assertThat(browser.find(".crisis").isDisplayed()).as("the crisis box").isTrue();

        assertAccessible("status page with crisis help");
    }

    @Test
    void deletingEverythingAndTheMailedEraseLinkAreAccessible() {
        ask("¿Cuándo empieza a gatear?", "Mi hija tiene ocho meses y todavía no gatea. ¿Debo preocuparme?");
        browser.find("a[href$='/delete']").click();
        browser.await(page -> page.getCurrentUrl().endsWith("/delete"));
        assertAccessible("delete everything, before");
        clickAndAwait("button.danger", "h1", "Tu pregunta está borrada");
        assertAccessible("delete everything, after");

        String mail = server.server().database().read(handle -> handle.createQuery(
                "SELECT text_body FROM mail_outbox WHERE text_body LIKE '%/erase/%' ORDER BY id DESC").mapTo(String.class).first());
        browser.open(server.url(mail.replaceAll("(?s).*?(/erase/\\S+).*", "$1")));
        assertAccessible("erase link, before");
        clickAndAwait("button.danger", "h1", "Todo está borrado");
        assertAccessible("erase link, after");
    }

    private static void clickAndAwait(String button, String heading, String text) {
        browser.find(button).click();
        // The old page's heading can go stale between finding it and reading it: look again.
        browser.await(page -> {
            try {
                return page.findElements(By.cssSelector(heading)).stream().anyMatch(h -> h.getText().equals(text));
            } catch (org.openqa.selenium.StaleElementReferenceException navigating) {
                return false;
            }
        });
    }

    @Test
    void askFormWithTwoChildrenAddedIsAccessible() {
        browser.open(askUrl());
        WebElement add = browser.find("form.ask button[name=rows][value=add]");
        add.click();
        browser.awaitGone(add);
        browser.await(page -> !page.findElements(By.cssSelector("#child-2")).isEmpty());
        assertAccessible("ask form, two children");
    }

    @Test
    void withdrawConfirmationAndTheStatusPageAfterWithdrawingAreAccessible() {
        ask("¿Por qué mi bebé no quiere comer?", "Mi hija tiene siete meses y desde hace una semana rechaza la comida. ¿Es normal?");
        String status = pathOf(browser.driver().getCurrentUrl()).replaceAll("\\?.*", "");
        browser.open(server.url(status + "/withdraw"));
        assertThat(browser.find("h1").getText()).isEqualTo("¿Retirar tu pregunta?");
        assertAccessible("withdraw confirmation");

        WebElement confirm = browser.find("form[action$='/withdraw'] button");
        confirm.click();
        browser.awaitGone(confirm);
        browser.await(page -> !page.findElements(By.cssSelector("form.restore")).isEmpty());
        assertAccessible("status page after withdrawing, with undo and ask again");
    }

    // Staff

    @Test
    void loginPageIsAccessible() {
        browser.open(server.url("/login"));
        assertAccessible("login");
    }

    @Test
    void deskQueueIsAccessible() {
        ask("¿Es normal que no quiera salir de casa?", "Desde que nació mi hija no tengo ganas de ver a nadie.");
        signInAsAdmin();
        browser.open(server.url("/desk"));
        assertThat(browser.driver().findElements(By.cssSelector(".queue li"))).isNotEmpty();
        assertAccessible("desk queue");
    }

    @Test
    void deskQuestionWithCrisisSignsAndPrivateDetailsIsAccessible() {
        String title = "Tengo miedo de hacerle daño";
        ask(title, "Soy Paula Gómez, mi correo es paula.gomez@example.com. A veces pienso en quitarme la vida.");
        signInAsAdmin();
        browser.open(server.url("/desk/questions/" + questionId(title)));
        assertThat(browser.driver().findElements(By.cssSelector(".crisis"))).as("the urgent box").isNotEmpty();
        assertAccessible("desk question");
    }

    @Test
    void theDraftPageOfAnAssignedQuestionIsAccessible() {
        String title = "¿Cuándo dejará el pecho por la noche?";
        ask(title, "Mi hija tiene dos años y sigue pidiendo pecho cada noche.");
        signInAsAdmin();
        long id = questionId(title);
        browser.open(server.url("/desk/questions/" + id));
        new org.openqa.selenium.support.ui.Select(browser.find("select[name=advisor]")).selectByVisibleText("Rosa R.");
        WebElement assign = browser.find("section.assign button[type=submit]");
        assign.click();
        browser.awaitGone(assign);
        browser.open(server.url("/desk/drafts/" + id));
        assertThat(browser.driver().findElements(By.cssSelector("form textarea"))).as("the letter's fields").isNotEmpty();
        assertAccessible("draft");
    }

    @Test
    void theDraftUnderReviewIsAccessibleAsTheEditorSeesIt() {
        String title = "¿Por qué se despierta a las cinco?";
        ask(title, "Mi hijo tiene diez meses y cada día se despierta a las cinco de la mañana.");
        signInAsAdmin();
        long id = questionId(title);
        browser.open(server.url("/desk/questions/" + id));
        new org.openqa.selenium.support.ui.Select(browser.find("select[name=advisor]")).selectByVisibleText("Rosa R.");
        WebElement assign = browser.find("section.assign button[type=submit]");
        assign.click();
        browser.awaitGone(assign);
        browser.open(server.url("/desk/drafts/" + id));
        browser.find("form.draft-editor [name=standfirst]").sendKeys("Paula se levanta con el sol, y no por gusto.");
        browser.find("form.draft-editor [name=body]").sendKeys("Las cinco de la mañana son duras.\n\nNo estás sola.");
        WebElement save = browser.find("form.draft-editor button[name=action][value=save]");
        save.click();
        browser.awaitGone(save);
        WebElement submit = browser.find("form[action$='/submit'] button");
        submit.click();
        browser.awaitGone(submit);
        browser.await("the review's forms", page -> !page.findElements(By.cssSelector("form[action$='/approve']")).isEmpty());
        assertAccessible("draft under review, the editor's view");

        browser.open(server.url("/es/desk/drafts/" + id));
        assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("es");
        assertThat(browser.driver().findElements(By.cssSelector("form[action$='/approve']"))).isNotEmpty();
        assertAccessible("draft under review, the editor's view, Spanish");
    }

    /** One address a test, so one page's failure hides none of the others; each but the login page signed in. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/es/login", "/es/desk", "/es/desk/questions/{question}",
        "/es/desk/mine", "/es/desk/profile", "/es/account", "/es/admin", "/es/admin/crisis", "/es/admin/outbox", "/es/admin/audit", "/es/admin/topics",
        "/es/admin/decline-templates", "/es/admin/accounts"})
    void theSpanishAddressesOfTheStaffPagesAreAccessible(String address) {
        String path = address;
        if (address.contains("{question}")) {
            String title = "¿Es normal que llore al bañarlo?";
            ask(title, "Mi hijo de tres meses llora cada vez que lo baño, aunque el agua esté tibia.");
            path = address.replace("{question}", Long.toString(questionId(title)));
        }
        browser.driver().manage().deleteAllCookies(); // signed out, whoever signed in before
        if (!path.equals("/es/login")) signInAsAdmin();
        browser.open(server.url(path));
        assertThat(pathOf(browser.driver().getCurrentUrl())).as(path + " opens").isEqualTo(path);
        assertThat(browser.find("html").getDomAttribute("lang")).as(path).isEqualTo("es");
        assertAccessible(path);
    }

    @Test
    void theTooManyRequestsPageIsAccessibleInBothLanguages() {
        // Its own server, with a limit a test reaches: the second send of the ask form within the hour.
        try (TestServer limited = TestServer.start(Map.of("DEARLY_RATE_LIMITS", "forms=1/1h"))) {
            for (String path : List.of("/es/ask", "/ask")) {
                browser.open(limited.url(path));
                for (int sends = 0; sends < 3 && !browser.driver().findElements(By.cssSelector("form.ask button.primary")).isEmpty(); sends++) {
                    WebElement send = browser.find("form.ask button.primary");
                    send.click();
                    browser.awaitGone(send);
                }
                assertThat(browser.driver().findElements(By.cssSelector("form.ask"))).as("the 429 page, not the form").isEmpty();
                assertThat(browser.find("h1").getText()).isNotBlank();
                assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo(path.startsWith("/es/") ? "es" : "en");
                assertAccessible("429, " + path);
            }
        }
    }

    @Test
    void crisisDirectoryAdminPageIsAccessible() {
        signInAsAdmin();
        browser.open(server.url("/admin/crisis"));
        assertAccessible("admin crisis directory");
    }

    @Test
    void outboxAdminPageIsAccessible() {
        ask("¿Cuándo vuelve a dormir toda la noche?", "Mi hijo tiene cinco meses y se despierta cada dos horas.");
        signInAsAdmin();
        browser.open(server.url("/admin/outbox"));
        assertThat(browser.driver().findElements(By.cssSelector("article.mail"))).as("the receipt mail").isNotEmpty();
        assertAccessible("admin outbox");
    }

    /**
     * Runs axe on the page as it stands, in light mode then in dark mode, the Nu HTML Checker on its
     * HTML, and looks at it 320 and 180 CSS pixels wide; fails listing every problem found.
     */
    private static void assertAccessible(String description) {
        String path = pathOf(browser.driver().getCurrentUrl());
        List<String> problems = new ArrayList<>();
        for (String error : HTML.errors(browser.source())) problems.add("- [html] " + error);
        for (int width : List.of(320, 180)) {
            browser.screen(width, 640);
            for (String wide : browser.sidewaysOverflow()) problems.add("- [" + width + "px] " + wide);
            if (problems.size() > 40) break; // enough to see what is wrong
        }
        browser.screen(390, 844);
        for (String scheme : List.of("light", "dark")) {
            browser.colourScheme(scheme);
            browser.await(page -> Boolean.TRUE.equals(
                    browser.script("return matchMedia('(prefers-color-scheme: ' + arguments[0] + ')').matches", scheme)));
            Results results = axe(path + " (" + scheme + ")");
            for (Rule rule : results.getViolations()) problems.add(describe(rule, scheme));
            if (!results.getViolations().isEmpty()) {
                Path shot = Path.of("target", "screenshots", "a11y-" + description.replaceAll("[^A-Za-z0-9]+", "-") + "-" + scheme + ".png");
                problems.add("  (screenshot: " + browser.screenshot(shot) + ")");
            }
        }
        assertThat(problems)
                .withFailMessage("%s (%s) has %d problem(s) of WCAG 2.2 AA, HTML validity or narrow screens:%n%s",
                        description, path, problems.size(), String.join("\n", problems))
                .isEmpty();
    }

    /**
     * axe's WCAG 2.2 A/AA rules on the page as it stands. axe runs as one long task in the page, and no
     * WebDriver call may pass the client's 30-second read timeout (a longer script timeout does not lift it).
     * On the crisis directory (364 entries, 5,500 elements) a single run took 27 s under load 16, four
     * fifths of it in color-contrast. So every rule but color-contrast runs once on the whole page, and
     * color-contrast, which judges each piece of text on its own, runs part by part (header, footer,
     * blocks of the main content of about 400 elements each): the same verdict in calls that stay short.
     */
    private static Results axe(String what) {
        if (Boolean.FALSE.equals(browser.script("return typeof axe === 'object'"))) browser.script(AXE_SOURCE);
        var violations = AXE_JSON.createArrayNode();
        violations.addAll(axeViolations(what, browser.script("""
                return axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, rules: {'color-contrast': {enabled: false}},
                    resultTypes: ['violations']}).then(function (r) { return JSON.stringify(r.violations); }, String);""", WCAG_22_AA)));
        long parts = (Long) browser.script("""
                var blocks = Array.prototype.filter.call(document.body.children, function (el) { return el.tagName !== 'MAIN'; })
                    .concat(Array.prototype.slice.call(document.querySelectorAll('main > *')));
                var parts = [], part = [], size = 0;
                blocks.forEach(function (el) {
                  part.push(el);
                  size += 1 + el.getElementsByTagName('*').length;
                  if (size >= 400) { parts.push(part); part = []; size = 0; }
                });
                if (part.length) parts.push(part);
                window.dearlyAxeParts = parts;
                return parts.length;""");
        for (int part = 0; part < parts; part++) {
            violations.addAll(axeViolations(what, browser.script("""
                    return axe.run({include: window.dearlyAxeParts[arguments[0]]}, {runOnly: {type: 'rule', values: ['color-contrast']},
                        resultTypes: ['violations']}).then(function (r) { return JSON.stringify(r.violations); }, String);""", part)));
        }
        try {
            return AXE_JSON.treeToValue(AXE_JSON.createObjectNode().set("violations", violations), Results.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("axe's result on " + what + " could not be read: " + violations, e);
        }
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode axeViolations(String what, Object answer) {
        try {
            if (AXE_JSON.readTree((String) answer) instanceof com.fasterxml.jackson.databind.node.ArrayNode violations) return violations;
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            // an error from axe, said below
        }
        throw new AssertionError("axe could not run on " + what + ": " + answer);
    }

    private static String describe(Rule rule, String scheme) {
        StringBuilder text = new StringBuilder()
                .append("- [").append(scheme).append("] ").append(rule.getId())
                .append(" (").append(rule.getImpact()).append("): ").append(rule.getHelp())
                .append("\n    ").append(rule.getHelpUrl());
        for (CheckedNode node : rule.getNodes()) {
            text.append("\n    at ").append(node.getTarget());
            if (node.getFailureSummary() != null) {
                text.append(": ").append(node.getFailureSummary().replaceAll("\\s*\\n\\s*", " "));
            }
        }
        return text.toString();
    }

    private static String axeSource() {
        try (var in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            return new String(java.util.Objects.requireNonNull(in, "axe.min.js in the axe-core artifact").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String pathOf(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Asks in Spanish, as a mother in Colombia, and waits for her status page. */
    private static void ask(String title, String body) {
        browser.open(askUrl());
        type("title", title);
        type("body", body);
        type("first_name", "Paula");
        type("surname", "Gómez");
        type("age", "35");
        type("city", "Medellín");
        type("country", "Colombia");
        browser.find("form.ask input[name='role'][value='mama']").click();
        type("children[0].age_months", "5");
        browser.find("form.ask input[name='language'][value='es']").click();
        type("email", "paula.gomez@example.com");
        browser.find("form.ask [name='consent']").click();
        send(page -> page.getCurrentUrl().contains("/status/") && !page.findElements(By.cssSelector(".private-link")).isEmpty(),
                "her status page");
    }

    private static void send(Function<WebDriver, Boolean> arrived, String expected) {
        WebElement button = browser.find("form.ask button.primary");
        button.click();
        browser.awaitGone(button);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).withMessage(expected).until(arrived);
    }

    private static void type(String name, String text) {
        WebElement field = browser.find("form.ask [name='" + name + "']");
        field.clear();
        field.sendKeys(text);
    }

    /** Signs in through the login form in the browser, so that the browser carries the session. */
    private static void signInAsAdmin() {
        browser.open(server.url("/login"));
        browser.find("#f-email").sendKeys(ADMIN_EMAIL);
        browser.find("#f-password").sendKeys(ADMIN_PASSWORD);
        WebElement button = browser.find("form.login button[type=submit]");
        button.click();
        browser.awaitGone(button);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).withMessage("the desk, signed in")
                .until(page -> pathOf(page.getCurrentUrl()).equals("/desk"));
    }

    private static long questionId(String title) {
        return server.server().database().read(handle -> handle
                .createQuery("SELECT id FROM question WHERE title = :title")
                .bind("title", title)
                .mapTo(Long.class)
                .one());
    }

    private static String askUrl() {
        return server.url("/es/ask");
    }
}
