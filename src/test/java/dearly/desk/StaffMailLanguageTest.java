package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.accounts.User;
import dearly.accounts.UserRepository;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The desk's mail to a colleague speaks the language she signs in in; before she ever has, both. */
class StaffMailLanguageTest {

    @Test
    void anAdvisorWhoSignsInInSpanishGetsHerMailInSpanishOnly() {
        try (TestServer server = TestServer.start()) {
            long id = new UserRepository(server.server().database())
                    .add("marta@example.org", "Marta V.", Role.ADVISOR, SignedIn.PASSWORD.toCharArray(), Instant.now());
            User marta = new User(id, "marta@example.org", "Marta V.", Role.ADVISOR);
            DraftFlow.Asked first = DraftFlow.ask(server, "es", "mama");
            SignedIn.as(server, Role.EDITOR);
            assertThat(DraftFlow.assign(server, first.id(), marta, "").statusCode()).isEqualTo(303);
            assertThat(ReviewFlow.mailTo(server, marta.email()).getFirst()).as("never signed in: both languages")
                    .startsWith("A question for you to answer · ").contains("an editor has given you", "el equipo editorial te ha pasado");

            server.forgetCookies();
            Document login = server.page("/es/login");
            HttpResponse<String> signedIn = server.postForm("/es/login", Map.of("email", marta.email(), "password", SignedIn.PASSWORD,
                    "_csrf", login.selectFirst("input[name=_csrf]").val(), "next", "/desk"));
            assertThat(signedIn.statusCode()).isEqualTo(303);

            DraftFlow.Asked second = DraftFlow.ask(server, "en", "papa");
            SignedIn.as(server, Role.EDITOR);
            assertThat(DraftFlow.assign(server, second.id(), marta, "").statusCode()).isEqualTo(303);
            String mail = ReviewFlow.mailTo(server, marta.email()).getFirst();
            assertThat(mail).doesNotContain(" · ").doesNotContain("an editor has given you")
                    .contains("Marta V., el equipo editorial te ha pasado una pregunta").contains("/desk/drafts/" + second.id());
        }
    }
}
