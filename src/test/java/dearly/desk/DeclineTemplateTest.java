package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dearly.RunningDearly;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.asking.AskFlow;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An editor declining a question starts from a template in the language the mother wrote in, and changes it before sending. */
class DeclineTemplateTest {
    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // started and stopped by dearly

    private String askAndFind(String title, String language) {
        ObjectNode question = AskFlow.question().put("title", title).put("language", language).put("email", "ana@example.com");
        AskFlow.ask(server, question);
        return server.page("/desk").select(".queue li a").stream().filter(a -> a.text().equals(title))
                .findFirst().orElseThrow().attr("href");
    }

    @Test
    void theDeclineFormStartsFromATemplateInHerLanguageAndSendsWhatTheEditorMadeOfIt() {
        SignedIn.as(server, Role.EDITOR);
        String spanish = askAndFind("¿Puedo darle miel a mi bebé de tres meses?", "es");
        String english = askAndFind("Can I give honey to my three-month-old?", "en");

        // The editor reads the desk in English; the Spanish mother's template comes in Spanish.
        Document page = server.page(spanish);
        assertThat(page.selectFirst(".decline-templates .hint").text()).contains("Spanish");
        Element template = page.select(".decline-templates a").stream().filter(a -> a.text().equals("Already answered"))
                .findFirst().orElseThrow();
        Document started = server.page(template.attr("href"));
        String text = started.selectFirst("textarea[name=reply]").wholeText().strip();
        assertThat(text).startsWith("Gracias por escribirnos y por confiarnos").endsWith("No estás sola en lo que sientes.");

        Document inEnglish = server.page(english + "?template=" + template.attr("href").replaceAll(".*template=", ""));
        assertThat(inEnglish.selectFirst("textarea[name=reply]").wholeText().strip()).startsWith("Thank you for writing to us, and for trusting");
        // An unknown or hostile template leaves the form empty.
        assertThat(server.page(spanish + "?template=%3Cscript%3E").selectFirst("textarea[name=reply]").wholeText().strip()).isEmpty();

        String edited = text.replace("Gracias por escribirnos", "Querida, gracias por escribirnos");
        String csrf = started.selectFirst("form[action$=/decline] input[name=_csrf]").val();
        assertThat(server.postForm(spanish + "/decline", Map.of("_csrf", csrf, "reply", edited)).statusCode()).isEqualTo(303);
        String mail = server.server().database().read(handle -> handle.createQuery(
                "SELECT text_body FROM mail_outbox WHERE recipient = 'ana@example.com' ORDER BY id DESC").mapTo(String.class).first());
        assertThat(mail).contains("Querida, gracias por escribirnos");
    }
}
