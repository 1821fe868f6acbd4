package dearly.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SMTP settings read from the environment, and a mail's own checks. */
class SmtpSettingsTest {

    @Test
    void withoutAHostThereIsNoSmtpAndMailStaysInTheOutbox() {
        assertThat(SmtpSettings.fromEnvironment(Map.of())).isEmpty();
        assertThat(SmtpSettings.fromEnvironment(Map.of("DEARLY_SMTP_HOST", "  ", "DEARLY_SMTP_PORT", "25"))).isEmpty();
    }

    @Test
    void aHostAloneGivesStartTlsOnPort587FromDearly() {
        SmtpSettings smtp = SmtpSettings.fromEnvironment(Map.of("DEARLY_SMTP_HOST", "smtp.example.com")).orElseThrow();

        assertThat(smtp).isEqualTo(new SmtpSettings("smtp.example.com", 587, Optional.empty(), Optional.empty(),
                "Dearly <no-reply@localhost>", SmtpSettings.Security.STARTTLS));
    }

    @Test
    void everyVariableIsRead() {
        SmtpSettings smtp = SmtpSettings.fromEnvironment(Map.of(
                "DEARLY_SMTP_HOST", "smtp.example.com",
                "DEARLY_SMTP_PORT", "465",
                "DEARLY_SMTP_USERNAME", "dearly",
                "DEARLY_SMTP_PASSWORD", "s3cret",
                "DEARLY_SMTP_FROM", "Querida Mamá <hola@dearly.example>",
                "DEARLY_SMTP_TLS", "TLS")).orElseThrow();

        assertThat(smtp.port()).isEqualTo(465);
        assertThat(smtp.username()).contains("dearly");
        assertThat(smtp.password()).contains("s3cret");
        assertThat(smtp.from()).isEqualTo("Querida Mamá <hola@dearly.example>");
        assertThat(smtp.security()).isEqualTo(SmtpSettings.Security.TLS);
        assertThat(smtp.toString()).doesNotContain("s3cret");
    }

    @Test
    void mistakesNameTheVariableToFix() {
        assertThatThrownBy(() -> SmtpSettings.fromEnvironment(Map.of("DEARLY_SMTP_HOST", "h", "DEARLY_SMTP_PORT", "smtp")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEARLY_SMTP_PORT");
        assertThatThrownBy(() -> SmtpSettings.fromEnvironment(Map.of("DEARLY_SMTP_HOST", "h", "DEARLY_SMTP_PORT", "70000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEARLY_SMTP_PORT");
        assertThatThrownBy(() -> SmtpSettings.fromEnvironment(Map.of("DEARLY_SMTP_HOST", "h", "DEARLY_SMTP_TLS", "maybe")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEARLY_SMTP_TLS");
        assertThatThrownBy(() -> SmtpSettings.fromEnvironment(Map.of("DEARLY_SMTP_HOST", "h", "DEARLY_SMTP_FROM", "Dearly")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEARLY_SMTP_FROM");
        assertThatThrownBy(() -> SmtpSettings.fromEnvironment(Map.of("DEARLY_SMTP_HOST", "h", "DEARLY_SMTP_USERNAME", "u")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEARLY_SMTP_PASSWORD");
    }

    @Test
    void aMailNeedsOneAddressASingleLineSubjectAndText() {
        assertThat(new Mail("paula@example.com", "Hola", "Texto", " ").html()).isNull();
        assertThatThrownBy(() -> new Mail("paula@example.com, eve@example.com", "Hola", "Texto", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("paula");
        assertThatThrownBy(() -> new Mail("Paula <paula@example.com>", "Hola", "Texto", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mail("paula@example.com", "Hola\r\nBcc: eve@example.com", "Texto", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mail("paula@example.com", "Hola", " ", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mail(" ", "Hola", "Texto", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
