package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.TestServer;
import dearly.asking.AskerMail;
import dearly.asking.QuestionStatus;
import dearly.language.Language;
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
            String json = """
                    {"title": "¿Es normal extrañar mi vida de antes?", "first_name": "Lucía", "surname": "Mora",
                     "body": "Amo a mi hija, pero extraño mi trabajo y mis amigas, y me siento culpable por sentirlo.",
                     "country": "MX", "role": "mama", "language": "es", "email": "lucia@example.com", "consent": true}""";
            String statusUrl = new ObjectMapper().readTree(server.postJson("/api/v1/questions", json).body())
                    .get("status_url").asText();
            var database = server.server().database();
            QuestionDesk desk = new QuestionDesk(database, new Outbox(database), new AskerMail(new StaticTemplates()), () -> {},
                    Instant::now);
            Instant now = Instant.now();
            database.write(handle -> {
                long question = handle.createQuery("SELECT id FROM question WHERE title LIKE '¿Es normal extrañar%'")
                        .mapTo(Long.class).one();
                long advisor = handle.createQuery("SELECT id FROM advisor").mapTo(Long.class).one();
                new Publishing().publish(handle, new Publishing.Draft(question, "extranar-mi-vida", "¿Es normal extrañar mi vida?",
                        "", "Querida,", "Sí.", "Un abrazo,", advisor, List.of(), Language.ES, now.minusSeconds(1)), now);
                desk.published(handle, question, server.url("/letters/extranar-mi-vida"), now);
                return null;
            });

            Document herPage = server.page(statusUrl.replace(server.url(""), ""));
            assertThat(herPage.selectFirst("h1").text()).isEqualTo("Tu carta está publicada");
            assertThat(herPage.selectFirst("a.button[href=/letters/extranar-mi-vida]")).isNotNull();
            String mail = database.read(handle -> handle.createQuery("""
                    SELECT text_body FROM mail_outbox WHERE recipient = 'lucia@example.com' ORDER BY id DESC""")
                    .mapTo(String.class).first());
            assertThat(mail).contains(server.url("/letters/extranar-mi-vida")).contains("Lucía");
            String status = database.read(handle -> handle.createQuery("SELECT status FROM question WHERE title LIKE '¿Es normal extrañar%'")
                    .mapTo(String.class).one());
            assertThat(status).isEqualTo(QuestionStatus.PUBLISHED.name());
        }
    }
}
