package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.SignedIn;
import dearly.TestServer;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every account form, each field sent empty, huge, malformed and hostile while another field is
 * left empty so nothing is created: a calm 422 with the form again, what was typed kept (passwords
 * never), nothing run as markup, and nothing stored.
 */
class AccountFormsHostileInputTest {
    private static final Pattern LINK = Pattern.compile("(/(?:invitation|reset)/[A-Za-z0-9_-]{43})");
    private static final List<String> HOSTILE = List.of("", " ", "x".repeat(100_000), "<script>alert('owned')</script>",
            "\"><img src=x onerror=alert(1)>", "' OR '1'='1'; DROP TABLE app_user; --", "a\u0000b\u0007c\r\nBcc: x@example.org",
            "👩‍👧 Lina 🌷", "\u202Eevil\u202C مرحبا", "not-an-address@", "@example.org", "lina@@example.org");

    private static TestServer server;
    /** A second Dearly with no admin yet, whose setup link stays open: any admin closes it. */
    private static TestServer fresh;
    private static StaffBrowser admin;
    private static StaffBrowser staff;
    private static String setup;
    private static String invitation;
    private static String reset;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        fresh = TestServer.start();
        setup = fresh.server().setupLink().orElseThrow().getPath();
        admin = StaffBrowser.newAccount(server, "alma@example.org", Role.ADMIN);
        staff = StaffBrowser.newAccount(server, "lina@example.org", Role.ADVISOR);
        assertThat(admin.submit("/admin/accounts", "form[action^=/admin/accounts/invite]",
                Map.of("email", "invited@example.org", "roles", "advisor")).statusCode()).isEqualTo(303);
        invitation = linkTo("invited@example.org");
        assertThat(new StaffBrowser(server).submit("/reset", "form.account", Map.of("email", "lina@example.org")).statusCode()).isEqualTo(200);
        reset = linkTo("lina@example.org");
    }

    @AfterAll
    static void stop() {
        server.close();
        fresh.close();
    }

    /** Each form: who sends it, its page, which form, its fields with a valid value, and the field left empty to stop it. */
    record Form(String name, StaffBrowser browser, String page, String selector, Map<String, String> valid, String blocker) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        StaffBrowser visitor = new StaffBrowser(server);
        List<Form> forms = List.of(
                new Form("setup", new StaffBrowser(fresh), setup, "form.account", Map.of("email", "new@example.org", "name", "New A.",
                        "password", "a long enough passphrase"), "name"),
                new Form("invitation", visitor, invitation, "form.account", Map.of("name", "Invited I.", "password",
                        "a long enough passphrase"), "name"),
                new Form("reset request", visitor, "/reset", "form.account", Map.of("email", "lina@example.org"), ""),
                new Form("reset", visitor, reset, "form.account", Map.of("password", "a long enough passphrase"), "password"),
                new Form("new password", staff, "/account", "form[action^=/account/password]",
                        Map.of("current", SignedIn.PASSWORD, "password", "a long enough passphrase"), "password"),
                new Form("new address", staff, "/account", "form[action^=/account/email]",
                        Map.of("new_email", "lina.new@example.org", "password_check", SignedIn.PASSWORD), "new_email"),
                new Form("invite", admin, "/admin/accounts", "form[action^=/admin/accounts/invite]",
                        Map.of("email", "someone@example.org"), "roles"));
        return forms.stream().flatMap(form -> form.valid().keySet().stream()
                .flatMap(field -> HOSTILE.stream().map(value -> Arguments.of(form, field, value))));
    }

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @MethodSource("cases")
    void hostileInputGetsTheFormAgainAndChangesNothing(Form form, String field, String value) {
        if (form.name().equals("reset request") && isAddress(value)) return;
        Map<String, String> typed = new LinkedHashMap<>(form.valid());
        typed.put(field, value);
        // Another field left empty, so that even a value that is fine creates nothing.
        if (!form.blocker().isEmpty() && !form.blocker().equals(field)) typed.put(form.blocker(), "");
        if (form.blocker().equals(field) && !form.blocker().equals("roles")) typed.put(otherThan(form, field), "");

        HttpResponse<String> answer = form.browser().submit(form.page(), form.selector(), typed);

        assertThat(answer.statusCode()).as("status").isIn(200, 422, 429);
        Document page = Jsoup.parse(answer.body());
        assertThat(answer.body()).doesNotContain("<script>alert").doesNotContain("<img src=x");
        assertThat(page.select("script:containsData(owned)")).isEmpty();
        if (answer.statusCode() == 422) {
            assertThat(page.select(".error-summary, p.error")).as("a message says what to fix").isNotEmpty();
            for (Element password : page.select("input[type=password]")) assertThat(password.val()).isEmpty();
            Element input = page.selectFirst("input[name=" + field + "]");
            if (input != null && !input.attr("type").equals("password") && value.chars().noneMatch(Character::isISOControl)) {
                assertThat(input.val()).as("what she typed is kept").isEqualTo(value);
            }
        }
        assertThat(new UserRepository(server.server().database()).all()).extracting(User::email)
                .containsExactlyInAnyOrder("alma@example.org", "lina@example.org");
        assertThat(new UserRepository(fresh.server().database()).all()).isEmpty();
        assertThat(staff.isSignedIn()).isTrue();
    }

    @Test
    void aNameWithMarkupEmojiAndRightToLeftIsKeptAsTextAndShownEscaped() {
        String name = "<b>Zoé</b> 👩‍👧 \u202Eabc";
        StaffBrowser invited = new StaffBrowser(server);
        assertThat(admin.submit("/admin/accounts", "form[action^=/admin/accounts/invite]",
                Map.of("email", "zoe@example.org", "roles", "editor")).statusCode()).isEqualTo(303);
        String link = linkTo("zoe@example.org");
        assertThat(invited.submit(link, "form.account", Map.of("name", name, "password", "zoé's long passphrase")).statusCode())
                .isEqualTo(303);
        Document list = admin.page("/admin/accounts");
        assertThat(list.select("table.accounts td").eachText()).contains(name);
        assertThat(list.select("table.accounts b")).isEmpty();
        new UserRepository(server.server().database()).byEmail("zoe@example.org").ifPresent(zoe -> {
            assertThat(zoe.displayName()).isEqualTo(name);
            admin.post("/admin/accounts/" + zoe.id() + "/deactivate", Map.of("_csrf", admin.csrf("/admin/accounts")));
        });
        server.server().database().write(handle -> handle.createUpdate("DELETE FROM app_user WHERE email = 'zoe@example.org'").execute());
    }

    private static boolean isAddress(String value) {
        return dearly.mail.Mail.isAddress(value.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static String otherThan(Form form, String field) {
        return form.valid().keySet().stream().filter(other -> !other.equals(field)).findFirst().orElse(field);
    }

    /** The account link in the newest mail the outbox holds for this address. */
    private static String linkTo(String address) {
        String text = server.server().database().read(handle -> handle.createQuery(
                        "SELECT text_body FROM mail_outbox WHERE recipient = :to ORDER BY id DESC LIMIT 1")
                .bind("to", address).mapTo(String.class).one());
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        return link.group(1);
    }
}
