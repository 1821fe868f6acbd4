package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dearly.TestServer;
import dearly.mail.SmtpSettings;
import dearly.storage.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Her status link reaches her inbox, over real SMTP, in her language. */
class ReceiptMailTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Test
    void askingWithAnEmailSendsTheStatusLinkInHerLanguage() throws Exception {
        try (TestServer server = withSmtp()) {
            Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
            String status = AskFlow.askAndFollow(server, fields);

            assertThat(SMTP.waitForIncomingEmail(20_000, 1)).as("receipt delivered").isTrue();
            MimeMessage mail = SMTP.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("paula.gomez@example.com");
            String body = GreenMailUtil.getBody(mail).replace("=\r\n", "");
            assertThat(body).contains(server.url(status)).contains("Hola, Paula").contains("Tu pregunta nos ha llegado");
            assertThat(mail.getSubject()).doesNotContain("llora"); // lock screens show subjects
        }
    }

    @Test
    void theReceiptOfAnUrgentQuestionRepeatsTheHelpForHerCountryAndDangerInHerLanguage() throws Exception {
        try (TestServer server = withSmtp()) {
            Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
            fields.put("country", "España");
            fields.put("body", "Mi marido no me deja salir de casa ni ver a mi familia y me quita el dinero.");
            String status = AskFlow.askAndFollow(server, fields);

            assertThat(SMTP.waitForIncomingEmail(20_000, 1)).as("receipt delivered").isTrue();
            MimeMessage mail = SMTP.getReceivedMessages()[0];
            assertThat(mail.getSubject()).as("the same subject as any receipt: a lock screen shows it to whoever holds the phone")
                    .isEqualTo("Tu pregunta llegó a Dearly").doesNotContainIgnoringCase("crisis").doesNotContain("016");
            String body = plainText(mail);
            assertThat(body).contains("Algo de lo que escribiste suena muy difícil").contains("112").contains("016")
                    .contains("https://findahelpline.com/")
                    .contains("Si estás en peligro ahora, llama al número de emergencias de tu país.")
                    .contains(server.url(status)).contains("Tu pregunta nos ha llegado")
                    .as("violence at home only: not the suicide line").doesNotContain("024");
            assertThat(body.indexOf("016")).as("the help before the rest").isLessThan(body.indexOf("Tu pregunta nos ha llegado"));
        }
    }

    @Test
    void theReceiptOfAnOrdinaryQuestionCarriesNoCrisisHelp() throws Exception {
        try (TestServer server = withSmtp()) {
            AskFlow.askAndFollow(server, AskFlow.spanishMother(server.page("/es/ask")));

            assertThat(SMTP.waitForIncomingEmail(20_000, 1)).as("receipt delivered").isTrue();
            String body = plainText(SMTP.getReceivedMessages()[0]);
            assertThat(body).contains("Tu pregunta nos ha llegado").doesNotContain("Algo de lo que escribiste").doesNotContain("112")
                    .doesNotContain("peligro");
        }
    }

    @Test
    void withoutSmtpTheMailWaitsInTheOutbox() {
        try (TestServer server = TestServer.start()) {
            AskFlow.askAndFollow(server, AskFlow.spanishMother(server.page("/es/ask")));
            long pending = server.server().database().read(handle -> handle.createQuery(
                    "SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'paula.gomez@example.com' AND sent_at IS NULL")
                    .mapTo(Long.class).one());
            assertThat(pending).isEqualTo(1);
        }
    }

    /** Dearly sending its mail to the GreenMail server of this test class. */
    private static TestServer withSmtp() {
        SmtpSettings smtp = new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), Optional.empty(), Optional.empty(),
                "Dearly <no-reply@dearly.example>", SmtpSettings.Security.NONE);
        return TestServer.start(TestDatabase.Kind.SQLITE, true, config -> config.withSmtp(smtp));
    }

    /** The plain-text part as she reads it, decoded from its transfer encoding. */
    private static String plainText(MimeMessage mail) throws Exception {
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType("text/plain")) return (String) parts.getBodyPart(i).getContent();
        }
        throw new AssertionError("no plain-text part");
    }
}
