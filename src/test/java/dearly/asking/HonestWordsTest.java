package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.TestServer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ask form and the status page, with crisis help showing, say only what is true of where her
 * question stands: nothing "received" before it is sent, nothing about editors reading it first
 * once they have answered, declined, or she has withdrawn it.
 */
class HonestWordsTest {
    private static final String CRISIS_EN = "Some nights I think about ending my life. I cannot cope with the baby and nobody helps me at home.";
    private static final String CRISIS_ES = "Quiero morirme, no puedo más con el bebé y nadie me ayuda en casa por las noches.";

    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server();
    private static TestServer server; // started and stopped by DEARLY

    /** A state she can be in, in one language: what the page must say, and what it must never say there. */
    record Case(String state, String language, String heading, String crisisSays, List<String> neverSays) {
        @Override
        public String toString() {
            return state + " (" + language + ")";
        }
    }

    static Stream<Case> cases() {
        List<String> readFirstEn = List.of("will read it first", "will read your question first", "still received");
        List<String> readFirstEs = List.of("la leerá primero", "leerá tu pregunta primero", "recibida igualmente");
        return Stream.of(
                new Case("unsent", "en", "Ask your question", "Your question has not been sent yet.",
                        List.of("received", "We have your question", "saved", "will answer")),
                new Case("unsent", "es", "Haz tu pregunta", "Tu pregunta todavía no se ha enviado.",
                        List.of("recibida", "Recibimos", "Tenemos tu pregunta", "guardada", "te responderá")),
                new Case("unsaved", "en", "Change your question", "Your changes are not saved yet.",
                        List.of("still received", "changes are saved")),
                new Case("unsaved", "es", "Cambia tu pregunta", "Tus cambios todavía no están guardados.",
                        List.of("recibida igualmente", "cambios están guardados")),
                new Case("received", "en", "We received your question", "We have your question, and our editors will read it first.",
                        List.of("not been sent", "could not answer", "withdrawn")),
                new Case("received", "es", "Recibimos tu pregunta", "Tenemos tu pregunta, y el equipo editorial la leerá primero.",
                        List.of("no se ha enviado", "No pudimos", "retirada")),
                new Case("assigned", "en", "An advisor is writing to you", "An advisor has your question and is writing to you.", readFirstEn),
                new Case("assigned", "es", "Alguien te está escribiendo", "Alguien ya tiene tu pregunta y te está escribiendo.", readFirstEs),
                new Case("published", "en", "Your letter is published", "The letter that answers you is published.", readFirstEn),
                new Case("published", "es", "Tu carta está publicada", "La carta que te responde está publicada.", readFirstEs),
                new Case("declined", "en", "We could not answer this question", "We could not answer your question in the column,",
                        Stream.concat(readFirstEn.stream(), Stream.of("is received", "You can still change it")).toList()),
                new Case("declined", "es", "No pudimos responder esta pregunta", "No pudimos responder tu pregunta en el consultorio,",
                        Stream.concat(readFirstEs.stream(), Stream.of("Todavía puedes cambiarla")).toList()),
                new Case("withdrawn", "en", "You withdrew your question", "Your question is withdrawn,", readFirstEn),
                new Case("withdrawn", "es", "Retiraste tu pregunta", "Tu pregunta está retirada,", readFirstEs));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everySentenceIsTrueOfTheStateSheIsIn(Case c) {
        Document page = pageIn(c);
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo(c.language());
        assertThat(page.selectFirst("h1").text()).isEqualTo(c.heading());
        assertThat(page.selectFirst(".crisis .crisis-state").text()).startsWith(c.crisisSays());
        String text = page.selectFirst("main").text();
        for (String untrue : c.neverSays()) assertThat(text).as("%s says '%s'", c, untrue).doesNotContain(untrue);
    }

    private static Document pageIn(Case c) {
        Map<String, String> fields = mother(c.language());
        switch (c.state()) {
            case "unsent" -> {
                fields.put("age", "5");
                return Jsoup.parse(server.postForm(dearly.language.Language.fromCode(c.language()).orElseThrow().address("/ask"), fields).body());
            }
            case "unsaved" -> {
                String status = AskFlow.askAndFollow(server, fields);
                Map<String, String> edit = AskFlow.fieldsOf(server.page(status + "/edit"));
                edit.put("age", "5");
                return Jsoup.parse(server.postForm(status + "/edit", edit).body());
            }
            default -> {
                String status = AskFlow.askAndFollow(server, fields);
                String hash = StatusLink.hash(status.replaceAll(".*/", ""));
                server.server().database().write(handle -> handle.createUpdate("""
                                UPDATE question SET status = :status, decline_reply = :reply WHERE status_token_hash = :hash""")
                        .bind("status", c.state().toUpperCase())
                        .bind("reply", c.state().equals("declined") ? "Thank you for writing to us; we cannot take this one." : null)
                        .bind("hash", hash)
                        .execute());
                return server.page(status);
            }
        }
    }

    private static Map<String, String> mother(String language) {
        Map<String, String> fields = AskFlow.spanishMother(server.page(dearly.language.Language.fromCode(language).orElseThrow().address("/ask")));
        fields.put("language", language);
        fields.put("body", language.equals("en") ? CRISIS_EN : CRISIS_ES);
        return fields;
    }
}
