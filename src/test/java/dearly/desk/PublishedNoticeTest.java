package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import dearly.asking.AskFlow;
import dearly.asking.AskerMail;
import dearly.asking.QuestionQueue;
import dearly.asking.QuestionStatus;
import dearly.asking.QueuedQuestion;
import dearly.language.Language;
import dearly.letters.Publishing;
import dearly.letters.Words;
import dearly.mail.Outbox;
import gg.jte.generated.precompiled.StaticTemplates;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** When the letter answering her is published, her status page links to it and a mail tells her. */
class PublishedNoticeTest {

    @Test
    void publishingHerAnswerTellsHerWhereToReadIt() throws Exception {
        try (TestServer server = TestServer.start()) {
            String statusUrl = AskFlow.ask(server, AskFlow.question()
                    .put("title", "¿Es normal extrañar mi vida de antes?").put("first_name", "Lucía").put("surname", "Mora")
                    .put("body", "Amo a mi hija, pero extraño mi trabajo y mis amigas, y me siento culpable por sentirlo.")
                    .put("country", "MX").put("language", "es").put("email", "lucia@example.com"))
                    .get("status_url").asText();
            var database = server.server().database();
            QuestionQueue questions = new QuestionQueue(database);
            QuestionDesk desk = new QuestionDesk(database, questions, new Outbox(database), new AskerMail(new StaticTemplates()),
                    () -> {}, Instant::now, new dearly.audit.AuditLog(database, Instant::now));
            long question = desk.queue().stream().filter(queued -> queued.title().startsWith("¿Es normal extrañar"))
                    .findFirst().orElseThrow().id();
            Instant now = Instant.now();
            database.write(handle -> {
                long advisor = handle.createQuery("SELECT id FROM advisor").mapTo(Long.class).one();
                String byline = questions.byline(handle, question, Language.ES, java.time.ZoneOffset.UTC).orElseThrow();
                new Publishing().publish(handle, new Publishing.Draft(question, "extranar-mi-vida",
                        new Words("¿Es normal extrañar mi vida?", "", "Querida,", "Sí.", "Un abrazo,"), byline, advisor, List.of(), Language.ES, now.minusSeconds(1)), now);
                desk.published(handle, question, server.url("/letters/extranar-mi-vida"), now);
                return null;
            });

            Document herPage = server.page(statusUrl.replace(server.url(""), ""));
            assertThat(herPage.selectFirst("h1").text()).isEqualTo("Tu carta está publicada");
            assertThat(herPage.selectFirst("a.button[href$=/letters/extranar-mi-vida]")).isNotNull();
            String mail = database.read(handle -> handle.createQuery("""
                    SELECT text_body FROM mail_outbox WHERE recipient = 'lucia@example.com' ORDER BY id DESC""")
                    .mapTo(String.class).first());
            assertThat(mail).contains(server.url("/letters/extranar-mi-vida")).contains("Lucía");
            assertThat(desk.question(question).orElseThrow().question().status()).isEqualTo(QuestionStatus.PUBLISHED);
            assertThat(desk.queue()).extracting(QueuedQuestion::id).doesNotContain(question);
            assertThat(server.page("/letters/extranar-mi-vida").selectFirst(".byline").text())
                    .isEqualTo("Pregunta de Lucía M., 29 años, Austin, México. Mamá de Sofia, una bebé de 4 meses.");
        }
    }
}
