package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.accounts.User;
import dearly.language.Language;
import dearly.letters.Publishing;
import dearly.letters.Words;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Beside her draft the advisor sees what the column has already said on the same worry. */
class RelatedLettersOnDraftTest {
    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server;

    @Test
    void theDraftPageShowsPublishedLettersOnHerWorry() {
        Instant now = server.clock().get();
        server.server().database().write(handle -> {
            long advisor = handle.createQuery("SELECT MIN(id) FROM advisor").mapTo(Long.class).one();
            return new Publishing().publish(handle, new Publishing.Draft(null, "llanto-de-cada-noche",
                    new Words("¿Por qué mi bebé llora cada noche de siete a diez?", "Una madre agotada.", "Querida,",
                            "El llanto de la tarde tiene nombre: cólico.", "Con cariño,"),
                    "", advisor, List.of(), Language.ES, now.minusSeconds(1)), now);
        });
        User lina = SignedIn.as(server, Role.ADVISOR);
        DraftFlow.Asked asked = DraftFlow.assignedTo(server, lina, "es", "mama");

        Instant deadline = Instant.now().plusSeconds(15);
        Document page = server.page("/desk/drafts/" + asked.id());
        while (page.select("aside.related li a").isEmpty() && Instant.now().isBefore(deadline)) {
            page = server.page("/desk/drafts/" + asked.id());
        }
        assertThat(page.select("aside.related h2").text()).isEqualTo("What the column has already said on this");
        assertThat(page.select("aside.related li a").eachText()).first()
                .isEqualTo("¿Por qué mi bebé llora cada noche de siete a diez?");
    }
}
