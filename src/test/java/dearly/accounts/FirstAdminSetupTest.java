package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.Config;
import dearly.Server;
import dearly.SignedIn;
import dearly.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A new Dearly prints a one-time link that creates the first admin: once, within the hour, only while there is none. */
class FirstAdminSetupTest {
    private static final String PASSWORD = "the first admin's own passphrase";
    private static final Map<String, String> ALMA = Map.of("email", "Alma@Example.org", "name", "Alma A.", "password", PASSWORD);

    @Test
    void theSetupLinkCreatesTheFirstAdminAndSignsHerIn() {
        try (TestServer server = TestServer.start()) {
            String setup = setupPath(server);
            StaffBrowser browser = new StaffBrowser(server);
            Document form = browser.page(setup);
            assertThat(form.select("h1").text()).isEqualTo("Create the first admin");
            assertThat(form.select("input[name=password]").attr("type")).isEqualTo("password");

            HttpResponse<String> created = browser.submit(setup, "form.account", ALMA);

            assertThat(created.statusCode()).isEqualTo(303);
            assertThat(created.headers().firstValue("Location")).hasValue("/admin/accounts?notice=welcome");
            Document accounts = browser.page("/admin/accounts?notice=welcome");
            assertThat(accounts.select("#notice").text()).contains("first admin");
            assertThat(accounts.select("table.accounts td").eachText()).contains("alma@example.org", "Alma A.");
            assertThat(StaffBrowser.signedIn(server, "alma@example.org", PASSWORD).isSignedIn()).isTrue();
            assertThat(new UserRepository(server.server().database()).byEmail("alma@example.org").orElseThrow().holds(Role.ADMIN)).isTrue();
        }
    }

    @Test
    void theSetupLinkWorksOnlyOnce() {
        try (TestServer server = TestServer.start()) {
            String setup = setupPath(server);
            StaffBrowser first = new StaffBrowser(server);
            Document form = first.page(setup);
            assertThat(first.submit(setup, "form.account", ALMA).statusCode()).isEqualTo(303);

            // The same page, kept open in another tab, sent again with other details.
            StaffBrowser second = new StaffBrowser(server);
            HttpResponse<String> again = second.post(setup, Map.of("_csrf", second.csrf("/login"), "email", "mallory@example.org",
                    "name", "Mallory", "password", PASSWORD));
            assertThat(again.statusCode()).isEqualTo(410);
            assertThat(Jsoup.parse(again.body()).text()).contains("has an admin already");
            assertThat(new UserRepository(server.server().database()).byEmail("mallory@example.org")).isEmpty();
            assertThat(second.get(setup).statusCode()).isEqualTo(410);
            assertThat(form.select("form.account")).isNotEmpty();
        }
    }

    @Test
    void theSetupLinkExpiresAfterAnHour() {
        try (TestServer server = TestServer.start()) {
            String setup = setupPath(server);
            server.clock().advance(Duration.ofMinutes(59));
            StaffBrowser browser = new StaffBrowser(server);
            assertThat(browser.get(setup).statusCode()).isEqualTo(200);
            String token = browser.csrf(setup);
            server.clock().advance(Duration.ofMinutes(2));

            HttpResponse<String> late = browser.post(setup, Map.of("_csrf", token, "email", "alma@example.org", "name", "Alma A.",
                    "password", PASSWORD));

            assertThat(late.statusCode()).isEqualTo(410);
            assertThat(Jsoup.parse(late.body()).select("h1").text()).isEqualTo("This link does not open anything");
            assertThat(Jsoup.parse(late.body()).text()).contains("may have expired").doesNotContain("Exception");
            assertThat(new UserRepository(server.server().database()).all()).isEmpty();
        }
    }

    @Test
    void aTamperedOrUnknownSetupLinkIsRefusedKindly() {
        try (TestServer server = TestServer.start()) {
            String setup = setupPath(server);
            char last = setup.charAt(setup.length() - 1);
            String tampered = setup.substring(0, setup.length() - 1) + (last == 'A' ? 'B' : 'A');
            StaffBrowser browser = new StaffBrowser(server);
            for (String path : new String[] {tampered, setup.substring(0, setup.length() - 1), "/setup/x", "/setup/%3Cscript%3E",
                    "/setup/" + "A".repeat(43), "/setup/" + "A".repeat(5000)}) {
                HttpResponse<String> answer = browser.get(path);
                assertThat(answer.statusCode()).as(path).isIn(410, 414, 431);
                if (answer.statusCode() == 410) {
                    assertThat(Jsoup.parse(answer.body()).select("h1").text()).as(path).isEqualTo("This link does not open anything");
                }
                assertThat(browser.post(path, Map.of("_csrf", browser.csrf("/login"), "email", "m@example.org", "name", "M",
                        "password", PASSWORD)).statusCode()).as(path).isIn(410, 414, 431);
            }
            assertThat(new UserRepository(server.server().database()).all()).isEmpty();
            assertThat(browser.get(setup).statusCode()).as("the real link still works").isEqualTo(200);
        }
    }

    @Test
    void noSetupLinkIsOfferedOnceAnAdminExists() {
        try (TestServer server = TestServer.start()) {
            String setup = setupPath(server);
            new UserRepository(server.server().database()).add("lina@example.org", "Lina P.", Role.ADMIN,
                    SignedIn.PASSWORD.toCharArray(), Instant.now());

            HttpResponse<String> answer = new StaffBrowser(server).get(setup);
            assertThat(answer.statusCode()).isEqualTo(410);
            assertThat(Jsoup.parse(answer.body()).text()).contains("has an admin already");
            try (Server restarted = Server.start(Config.embedded(server.dataDir()).withSearchIndexDir(server.dataDir().resolve("second-node-index")), false, Instant::now)) {
                assertThat(restarted.setupLink()).as("a start with an admin prints no link").isEmpty();
            }
        }
    }

    @Test
    void aStartWithOnlyEditorsStillOffersTheSetupLinkAndANewStartReplacesTheOldLink() {
        try (TestServer server = TestServer.start()) {
            String first = setupPath(server);
            new UserRepository(server.server().database()).add("lina@example.org", "Lina P.", Role.EDITOR,
                    SignedIn.PASSWORD.toCharArray(), Instant.now());
            try (Server restarted = Server.start(Config.embedded(server.dataDir()).withSearchIndexDir(server.dataDir().resolve("second-node-index")), false, Instant::now)) {
                assertThat(restarted.setupLink()).isPresent();
                assertThat(new StaffBrowser(server).get(first).statusCode()).as("the first start's link").isEqualTo(410);
                assertThat(new StaffBrowser(server).get(restarted.setupLink().get().getPath()).statusCode()).isEqualTo(200);
            }
        }
    }

    private static String setupPath(TestServer server) {
        String link = server.server().setupLink().orElseThrow().toString();
        assertThat(link).startsWith(server.url("/setup/"));
        return link.substring(server.url("").length());
    }
}
