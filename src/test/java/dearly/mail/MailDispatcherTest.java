package dearly.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dearly.storage.Database;
import dearly.storage.TestDatabase;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The dispatcher sending the outbox to a real SMTP server (GreenMail, in process). */
class MailDispatcherTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final String FROM = "Dearly <no-reply@dearly.example>";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    private final AtomicReference<Instant> clock = new AtomicReference<>(Instant.parse("2026-03-10T09:00:00Z"));

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    private static SmtpSettings smtpAt(int port) {
        return new SmtpSettings("127.0.0.1", port, Optional.empty(), Optional.empty(), FROM, SmtpSettings.Security.NONE);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void enqueuedMailArrivesWithTextAndHtmlPartsInUtf8AndIsMarkedSent(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open()) {
            Outbox outbox = new Outbox(database);
            Mail mail = new Mail("paula@example.com", "¿Cómo estás? 👶",
                    "Hola, Paula: ¿cómo estás? 👶\nTu enlace: https://dearly.example/status/abc\n",
                    "<p>Hola, Paula: ¿cómo estás? 👶</p>");
            long id = database.write(handle -> outbox.enqueue(handle, mail, clock.get()));

            try (MailDispatcher dispatcher = MailDispatcher.start(outbox, smtpAt(SMTP.getSmtp().getPort()), clock::get)) {
                dispatcher.wake();
                assertThat(SMTP.waitForIncomingEmail(DEADLINE.toMillis(), 1)).as("mail delivered").isTrue();
                eventually(() -> outbox.recent(1).getFirst().sent());
            }

            MimeMessage received = SMTP.getReceivedMessages()[0];
            assertThat(received.getSubject()).isEqualTo("¿Cómo estás? 👶");
            assertThat(received.getFrom()).containsExactly(new InternetAddress("no-reply@dearly.example", "Dearly"));
            assertThat(received.getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress("paula@example.com"));
            assertThat(received.getSentDate()).isNotNull();
            assertThat(received.getMessageID()).startsWith("<outbox-" + id + ".").endsWith("@dearly.example>");
            assertThat(received.getContentType()).startsWith("multipart/alternative");

            MimeMultipart parts = (MimeMultipart) received.getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            BodyPart text = parts.getBodyPart(0);
            BodyPart html = parts.getBodyPart(1);
            assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
            assertThat(((String) text.getContent()).replace("\r\n", "\n")).isEqualTo(mail.text());
            assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
            assertThat(((String) html.getContent()).replace("\r\n", "\n")).isEqualTo(mail.html());

            OutboxMail sent = outbox.recent(1).getFirst();
            assertThat(sent.sentAt()).contains(clock.get());
            assertThat(sent.attempts()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void mailWaitsWhileTheSmtpServerIsDownAndIsDeliveredOnceWhenItIsBack(TestDatabase.Kind kind) throws Exception {
        int port = freePort();
        try (TestDatabase test = TestDatabase.create(kind); Database database = test.open();
                MailDispatcher dispatcher = MailDispatcher.start(new Outbox(database), smtpAt(port), clock::get)) {
            Outbox outbox = new Outbox(database);
            database.write(handle -> outbox.enqueue(handle,
                    new Mail("lucia@example.com", "Tu pregunta llegó a Dearly", "Hola, Lucía.", null), clock.get()));
            dispatcher.wake();

            eventually(() -> outbox.recent(1).getFirst().attempts() == 1);
            OutboxMail pending = outbox.recent(1).getFirst();
            assertThat(pending.sent()).isFalse();
            assertThat(pending.text()).contains("Hola, Lucía.");
            assertThat(pending.lastError()).hasValueSatisfying(error -> assertThat(error).doesNotContain("lucia"));

            GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.start();
            try {
                clock.set(clock.get().plus(Outbox.retryAfter(1)));
                dispatcher.wake();

                assertThat(server.waitForIncomingEmail(DEADLINE.toMillis(), 1)).as("mail delivered").isTrue();
                eventually(() -> outbox.recent(1).getFirst().sent());
                dispatcher.wake();
                eventually(() -> outbox.due(clock.get().plusSeconds(86_400), 10).isEmpty());
                assertThat(server.getReceivedMessages()).hasSize(1);
                assertThat(server.getReceivedMessages()[0].getSubject()).isEqualTo("Tu pregunta llegó a Dearly");
                assertThat(server.getReceivedMessages()[0].getContentType()).startsWith("text/plain");
            } finally {
                server.stop();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("not true within " + DEADLINE);
            Thread.sleep(20);
        }
    }
}
