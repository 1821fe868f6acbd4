package dearly.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.mail.Mail;
import dearly.mail.Outbox;
import dearly.storage.Database;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On an instance without SMTP, the admin reads waiting mail, a parent's status link included, on the outbox page. */
class OutboxPageTest {
    private static final String STATUS_MAIL = """
            Hola, Paula:

            Recibimos tu pregunta. Puedes ver en qué va, cambiarla o retirarla aquí:
            http://localhost/status/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE
            """;

    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // started and stopped by dearly
    private Database database;
    private Outbox outbox;

    @BeforeEach
    void signedInAsAdmin() {
        database = server.server().database();
        outbox = new Outbox(database);
        SignedIn.as(server, Role.ADMIN);
    }

    @Test
    void aWaitingMailIsListedWithItsTextForTheAdminToRead() {
        Instant now = Instant.now();
        long id = database.write(handle -> outbox.enqueue(handle,
                new Mail("paula.gomez@example.com", "Recibimos tu pregunta", STATUS_MAIL, "<p>Recibimos tu pregunta.</p>"), now));

        HttpResponse<String> response = server.get("/admin/outbox");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst(".notice").text()).startsWith("No SMTP server is configured")
                .contains("her private status link");
        Element mail = page.selectFirst("#mail-" + id);
        assertThat(mail.selectFirst(".recipient").text()).isEqualTo("paula.gomez@example.com");
        assertThat(mail.selectFirst(".subject").text()).isEqualTo("Recibimos tu pregunta");
        assertThat(mail.selectFirst(".state").text()).isEqualTo("Waiting to be sent");
        assertThat(mail.selectFirst("pre").wholeText()).isEqualTo(STATUS_MAIL);
    }

    @Test
    void newestMailComesFirstAndHostileTextIsShownAsText() {
        Instant now = Instant.now();
        database.write(handle -> outbox.enqueue(handle, new Mail("lina@example.com", "Older", "Hello.", null), now.minusSeconds(60)));
        String subject = "<script>alert(1)</script> ¿Cómo estás? 👶 \u202Eمرحبا";
        String text = "</pre><img src=x onerror=alert(1)> '; DROP TABLE mail_outbox; --";
        database.write(handle -> outbox.enqueue(handle, new Mail("paula@example.com", subject, text, null), now));

        HttpResponse<String> response = server.get("/admin/outbox");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("article.mail .subject").eachText()).containsExactly(subject, "Older");
        assertThat(page.selectFirst("article.mail pre").wholeText()).isEqualTo(text);
        assertThat(response.body()).doesNotContain("<script>alert").doesNotContain("<img src=x");
    }

    @Test
    void aSentMailShowsWhenItWentAndNoLongerItsText() {
        Instant now = Instant.now();
        long id = database.write(handle -> outbox.enqueue(handle, new Mail("paula@example.com", "Recibimos tu pregunta", STATUS_MAIL, null), now));
        outbox.claim(id, "node-1", now).orElseThrow();
        outbox.markSent(id, "node-1", now);

        Element mail = server.page("/admin/outbox").selectFirst("#mail-" + id);
        assertThat(mail.selectFirst(".state").text()).startsWith("Sent ");
        assertThat(mail.select("pre")).isEmpty();
        assertThat(mail.text()).contains("Its text was erased once it was sent.").doesNotContain("/status/");
    }

    @Test
    void aFailedAttemptShowsHowManyAndTheLastErrorWithTheTextStillThere() {
        Instant now = Instant.now();
        long id = database.write(handle -> outbox.enqueue(handle, new Mail("paula@example.com", "Recibimos tu pregunta", STATUS_MAIL, null), now));
        outbox.markFailed(outbox.claim(id, "node-1", now).orElseThrow(), "node-1", now, "jakarta.mail.MessagingException");

        Element mail = server.page("/admin/outbox").selectFirst("#mail-" + id);
        assertThat(mail.selectFirst(".state").text()).startsWith("Waiting: one attempt failed; next attempt");
        assertThat(mail.selectFirst(".error").text()).isEqualTo("Last error: jakarta.mail.MessagingException");
        assertThat(mail.selectFirst("pre").wholeText()).isEqualTo(STATUS_MAIL);
    }

    @Test
    void anEmptyOutboxSaysSoInSpanishToo() {
        Document page = server.page("/es/admin/outbox");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Correo saliente");
        assertThat(page.text()).contains("Todavía no hay correo.").contains("No hay un servidor SMTP configurado");
    }
}
