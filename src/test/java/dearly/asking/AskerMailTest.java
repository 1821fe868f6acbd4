package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.crisis.CrisisResource;
import dearly.crisis.CrisisResource.Kind;
import dearly.language.Language;
import dearly.mail.Mail;
import gg.jte.generated.precompiled.StaticTemplates;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The mails to a parent about her question, rendered from the real templates. */
class AskerMailTest {
    private static final String TO = "paula@example.com";
    private static final String STATUS = "https://dearly.example/status/Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6";
    private static final String LETTER = "https://dearly.example/letters/why-do-i-miss-my-partner";
    private static final String ERASE = "https://dearly.example/erase/Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6?lang=en";
    private static final String HOSTILE = "<script>alert('x')</script> & \"Ana\"";

    private final AskerMail mails = new AskerMail(new StaticTemplates());

    private static List<Mail> everyMail(AskerMail mails, String firstName, String title, Language language) {
        return List.of(
                mails.received(TO, firstName, title, STATUS, language),
                mails.published(TO, firstName, title, LETTER, language),
                mails.declined(TO, firstName, title, "We have answered a very similar question.", language));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void eraseMailGivesTheOneLinkThatErasesEveryQuestion(Language language) {
        Mail mail = mails.eraseAll(TO, ERASE, language);

        assertThat(mail.subject()).isEqualTo(language == Language.EN
                ? "Your link to erase your questions on Dearly" : "Tu enlace para borrar tus preguntas en Dearly");
        assertThat(mail.text()).contains(ERASE).contains(language == Language.ES ? "Sirve una sola vez, durante\n7 días."
                : "It works once, for 7 days.");
        Document html = Jsoup.parse(mail.html());
        assertThat(html.select("html").attr("lang")).isEqualTo(language.code());
        assertThat(html.select("a").eachAttr("href")).containsOnly(ERASE);
        assertThat(html.text()).contains(language == Language.ES ? "Abrir el enlace todavía no borra nada"
                : "Opening the link erases nothing yet");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void receivedMailOfAnUrgentQuestionGivesTheHelpFirstAndKeepsItsSubject(Language language) {
        CrisisHelp help = new CrisisHelp("Kenya", List.of(
                new CrisisResource("KE", "Emergency", "999", null, Kind.EMERGENCY, List.of(Language.EN), "https://www.gov.uk/"),
                new CrisisResource("KE", HOSTILE, "*4141", null, Kind.CRISIS, List.of(), "https://www.gov.uk/"),
                new CrisisResource("ZZ", "Find A Helpline", null, "https://findahelpline.com/", Kind.DIRECTORY, List.of(Language.EN),
                        "https://findahelpline.com/")), "Call 999 now & stay safe.");

        Mail urgent = mails.received(TO, "Paula", "Why do I miss my partner?", STATUS, language, Optional.of(help));
        Mail ordinary = mails.received(TO, "Paula", "Why do I miss my partner?", STATUS, language);

        assertThat(urgent.subject()).isEqualTo(ordinary.subject());
        String lead = language == Language.EN ? "Some of what you wrote sounds very hard." : "Algo de lo que escribiste suena muy difícil.";
        assertThat(urgent.text()).contains(lead).contains("  - Emergency: 999").contains("  - " + HOSTILE + ": *4141")
                .contains("  - Find A Helpline https://findahelpline.com/").contains("Call 999 now & stay safe.").contains(STATUS);
        assertThat(urgent.text().indexOf("999")).isLessThan(urgent.text().indexOf(STATUS));
        assertThat(ordinary.text()).doesNotContain(lead).doesNotContain("999");
        Document html = Jsoup.parse(urgent.html());
        assertThat(html.select("a[href^=tel:]").eachAttr("href")).containsExactly("tel:999", "tel:*4141");
        assertThat(html.select("a").eachAttr("href")).contains("https://findahelpline.com/", STATUS);
        assertThat(html.text()).contains(HOSTILE).contains("Call 999 now & stay safe.");
        assertThat(urgent.html()).doesNotContain("<script>");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void receivedMailGreetsHerByNameAndGivesHerPrivateStatusLink(Language language) {
        Mail mail = mails.received(TO, "Paula", "Why do I miss my partner?", STATUS, language);

        assertThat(mail.to()).isEqualTo(TO);
        assertThat(mail.subject()).contains("Dearly").doesNotContain("miss my partner");
        assertThat(mail.text()).contains("Paula").contains("Why do I miss my partner?").contains(STATUS);
        Document html = Jsoup.parse(mail.html());
        assertThat(html.select("html").attr("lang")).isEqualTo(language.code());
        assertThat(html.text()).contains("Paula").contains("Why do I miss my partner?");
        assertThat(html.select("a").eachAttr("href")).containsOnly(STATUS);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void receivedMailSaysTheQuestionIsPrivateAndTheLinkIsHersAlone(Language language) {
        Mail mail = mails.received(TO, "Paula", "Why do I miss my partner?", STATUS, language);

        if (language == Language.EN) {
            assertThat(mail.subject()).isEqualTo("Your question reached Dearly");
            assertThat(mail.text()).contains("Dear Paula,").contains("private").contains("withdraw it, or delete everything")
                    .contains("keep this link to yourself");
        } else {
            assertThat(mail.subject()).isEqualTo("Tu pregunta llegó a Dearly");
            assertThat(mail.text()).contains("Hola, Paula:").contains("privada").contains("retirarla o borrarlo todo")
                    .contains("Guarda este enlace solo para ti");
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void publishedMailLinksToTheLetter(Language language) {
        Mail mail = mails.published(TO, "Paula", "Why do I miss my partner?", LETTER, language);

        assertThat(mail.subject()).isEqualTo(language == Language.EN
                ? "Your question has an answer on Dearly" : "Tu pregunta tiene respuesta en Dearly");
        assertThat(mail.text()).contains("Paula").contains(LETTER).doesNotContain(STATUS);
        Document html = Jsoup.parse(mail.html());
        assertThat(html.text()).contains("Paula");
        assertThat(html.select("a").eachAttr("href")).containsOnly(LETTER);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void declinedMailCarriesTheEditorsReplyAsWrittenAndPointsToHerFirstMail(Language language) {
        String reply = "Thank you, Paula.\nWe have answered something very close.\n\nPlease read it, and take care.";
        Mail mail = mails.declined(TO, "Paula", "Why do I miss my partner?", reply, language);

        assertThat(mail.subject()).isEqualTo(language == Language.EN
                ? "About your question to Dearly" : "Sobre tu pregunta a Dearly");
        assertThat(mail.text()).contains("Paula").contains(reply).doesNotContain("/status/")
                .contains(language == Language.EN ? "private link from our first" : "enlace privado de nuestro");
        Document html = Jsoup.parse(mail.html());
        assertThat(html.select("a")).isEmpty();
        assertThat(html.select("p").eachText())
                .contains("Thank you, Paula. We have answered something very close.", "Please read it, and take care.");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void htmlEscapesWhatTheParentTypedWhileTheTextKeepsItAsTyped(Language language) {
        for (Mail mail : everyMail(mails, HOSTILE, HOSTILE + " title", language)) {
            assertThat(mail.html()).doesNotContain("<script").contains("&lt;script&gt;");
            Document html = Jsoup.parse(mail.html());
            assertThat(html.select("script")).isEmpty();
            assertThat(html.text()).contains(HOSTILE).contains(HOSTILE + " title");
            assertThat(mail.text()).contains(HOSTILE).contains(HOSTILE + " title").doesNotContain("&lt;").doesNotContain("&amp;");
        }
        Mail declined = mails.declined(TO, "Paula", "Title", HOSTILE, language);
        assertThat(declined.html()).doesNotContain("<script");
        assertThat(Jsoup.parse(declined.html()).text()).contains(HOSTILE);
    }
}
