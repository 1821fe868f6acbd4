package dearly.desk;

import static dearly.desk.ReviewFlow.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.accounts.User;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A question becomes a published letter over real HTTP with real sessions: the advisor submits,
 * an editor asks for changes, the advisor sends it again, the editor approves it, now or at a set
 * time; the asker's status page and mail change; a correction shows on the page; a letter taken
 * down answers 410.
 */
class ReviewAndPublishingTest {

    @Test
    void submitAskChangesResubmitApproveNowPublishesHerLetterAndTellsHer() {
        try (TestServer server = TestServer.start()) {
            User advisor = SignedIn.as(server, Role.ADVISOR);
            DraftFlow.Asked asked = DraftFlow.assignedTo(server, advisor, "es", "mama");
            ReviewFlow.write(server, asked.id(), ReviewFlow.STANDFIRST, "Primer intento.");
            assertThat(ReviewFlow.send(server, asked.id(), "submit").statusCode()).isEqualTo(303);
            Document submitted = server.page("/desk/drafts/" + asked.id() + "?submitted", "Accept-Language", "es");
            assertThat(submitted.selectFirst("p.notice").text()).isEqualTo("Enviada a revisión.");
            assertThat(submitted.selectFirst(".review-state").text()).startsWith("Enviada a revisión: la lee ahora");
            // An advisor reviews nothing: the editor's forms are not hers, and their routes refuse her.
            assertThat(submitted.select("main form[action$=/approve]")).isEmpty();
            String token = submitted.selectFirst("input[name=_csrf]").val();
            assertThat(server.postForm("/desk/drafts/" + asked.id() + "/approve", Map.of("_csrf", token, "when", "now"))
                    .statusCode()).isEqualTo(403);

            User editor = SignedIn.as(server, Role.EDITOR);
            HttpResponse<String> empty = ReviewFlow.send(server, asked.id(), "ask-changes", Map.of("changes", "  "));
            assertThat(empty.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(empty.body()).selectFirst("#f-changes-error").text()).isEqualTo("Say what should change: the advisor reads it.");
            String message = "Cuéntale más de cómo dormir a ratos. <script>alert(1)</script>";
            assertThat(ReviewFlow.send(server, asked.id(), "ask-changes", Map.of("changes", message)).statusCode()).isEqualTo(303);
            assertThat(ReviewFlow.mailTo(server, advisor.email()).getFirst())
                    .startsWith("Changes asked on your letter\n").doesNotContain("Te piden").contains(message); // she signed in in English

            SignedIn.again(server, advisor);
            Document hers = server.page("/desk/drafts/" + asked.id(), "Accept-Language", "es");
            assertThat(hers.selectFirst(".review-state").text()).startsWith("El equipo editorial pidió cambios");
            assertThat(hers.selectFirst(".review-notes li.changes blockquote").text()).isEqualTo(message);
            assertThat(hers.select(".review-notes script")).isEmpty();
            ReviewFlow.write(server, asked.id(), ReviewFlow.STANDFIRST, ReviewFlow.BODY);
            assertThat(ReviewFlow.send(server, asked.id(), "submit").statusCode()).isEqualTo(303);

            SignedIn.again(server, editor);
            Document review = server.page("/desk/drafts/" + asked.id());
            assertThat(review.selectFirst(".checks-clear").text()).isEqualTo("The checks found nothing to hold it back.");
            assertThat(ReviewFlow.send(server, asked.id(), "comment", Map.of("comment", "Muy bien.")).statusCode()).isEqualTo(303);
            assertThat(ReviewFlow.send(server, asked.id(), "approve", Map.of("when", "now")).statusCode()).isEqualTo(303);

            String letter = ReviewFlow.letterPath(server, asked.status());
            assertThat(server.page(asked.status()).selectFirst("h1").text()).isEqualTo("Tu carta está publicada");
            Document page = server.page(letter);
            assertThat(page.selectFirst("article h1").text()).isEqualTo("¿Es normal que llore tanto por las noches?");
            assertThat(page.selectFirst(".standfirst").text()).isEqualTo(ReviewFlow.STANDFIRST);
            assertThat(page.selectFirst(".byline").text()).startsWith("Pregunta de Valentina R., 31 años, Medellín, Colombia.");
            assertThat(page.text()).doesNotContain("Restrepo").doesNotContain("valentina@example.com");
            assertThat(server.page("/").select("a[href=" + letter + "]")).isNotEmpty();
            assertThat(ReviewFlow.mailTo(server, "valentina@example.com").getFirst()).contains(server.url(letter))
                    .contains("Hola, Valentina:").contains("La carta que responde a tu pregunta ya está publicada");
            assertThat(ReviewFlow.actions(server)).containsSubsequence("question.assigned", "draft.saved", "draft.submitted",
                    "draft.changes-asked", "draft.saved", "draft.submitted", "draft.commented", "column-letter.published",
                    "draft.approved");
        }
    }

    @Test
    void blockingFindingsStopApprovalUntilAnEditorWritesWhy() {
        try (TestServer server = TestServer.start()) {
            User advisor = SignedIn.as(server, Role.ADVISOR);
            DraftFlow.Asked asked = DraftFlow.assignedTo(server, advisor, "es", "mama");
            ReviewFlow.write(server, asked.id(), "Valentina Restrepo no duerme desde hace meses.", ReviewFlow.BODY);
            ReviewFlow.send(server, asked.id(), "submit");

            SignedIn.as(server, Role.EDITOR);
            Document page = server.page("/desk/drafts/" + asked.id());
            assertThat(page.select(".findings li.blocks").eachText()).anyMatch(text -> text.contains("Restrepo"));
            HttpResponse<String> held = ReviewFlow.send(server, asked.id(), "approve", Map.of("when", "now"));
            assertThat(held.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(held.body()).selectFirst("#f-reason-error").text()).startsWith("The checks found something");
            assertThat(server.get(asked.status()).body()).doesNotContain("/letters/");

            String reason = "Restrepo is the pseudonym she asked for in her note to us.";
            assertThat(ReviewFlow.send(server, asked.id(), "approve", Map.of("when", "now", "reason", reason)).statusCode())
                    .isEqualTo(303);
            String kept = server.server().database().read(handle -> handle.createQuery(
                    "SELECT reason FROM audit_entry WHERE action = 'draft.checks-overridden'").mapTo(String.class).one());
            assertThat(kept).isEqualTo(reason);
            String detail = server.server().database().read(handle -> handle.createQuery(
                    "SELECT detail FROM audit_entry WHERE action = 'draft.checks-overridden'").mapTo(String.class).one());
            assertThat(detail).contains("SURNAME in STANDFIRST").doesNotContain("Restrepo");
        }
    }

    @Test
    void aCorrectionShowsItsNoteAndALetterTakenDownAnswers410InBothLanguages() throws Exception {
        try (TestServer server = TestServer.start()) {
            User advisor = SignedIn.as(server, Role.ADVISOR);
            DraftFlow.Asked asked = DraftFlow.assignedTo(server, advisor, "es", "mama");
            ReviewFlow.write(server, asked.id(), ReviewFlow.STANDFIRST, ReviewFlow.BODY);
            SignedIn.as(server, Role.EDITOR);
            ReviewFlow.send(server, asked.id(), "approve", Map.of("when", "now"));
            String letter = ReviewFlow.letterPath(server, asked.status());

            ReviewFlow.write(server, asked.id(), ReviewFlow.STANDFIRST, ReviewFlow.BODY + "\n\nDuerme cuando él duerma.");
            assertThat(server.page(letter).text()).doesNotContain("Duerme cuando él duerma.");
            HttpResponse<String> noNote = ReviewFlow.send(server, asked.id(), "correct", Map.of("correction", ""));
            assertThat(Jsoup.parse(noNote.body()).selectFirst("#f-correction-error").text())
                    .isEqualTo("Write the note readers will see about what was corrected.");
            assertThat(ReviewFlow.send(server, asked.id(), "correct", Map.of("correction", "Añadimos un consejo sobre el sueño."))
                    .statusCode()).isEqualTo(303);
            Document corrected = server.page(letter);
            assertThat(corrected.selectFirst(".correction").text()).startsWith("Corregida el ").endsWith("Añadimos un consejo sobre el sueño.");
            assertThat(corrected.text()).contains("Duerme cuando él duerma.");

            server.server().changeFollower().turn();
            assertThat(server.page("/search?q=cansancio").select("a[href=" + letter + "]")).isNotEmpty();
            assertThat(ReviewFlow.send(server, asked.id(), "unpublish").statusCode()).isEqualTo(303);
            server.server().changeFollower().turn();
            assertThat(server.page("/search?q=cansancio").select("a[href=" + letter + "]")).isEmpty();
            HttpResponse<String> gone = server.get("/es" + letter);
            assertThat(gone.statusCode()).isEqualTo(410);
            assertThat(Jsoup.parse(gone.body()).selectFirst("h1").text()).isEqualTo("Esta carta ya no está publicada");
            assertThat(Jsoup.parse(server.get(letter).body()).selectFirst("h1").text())
                    .isEqualTo("This letter is no longer published");
            assertThat(server.page("/").select("a[href=" + letter + "]")).isEmpty();
            assertThat(server.get("/api/v1/letters" + letter.substring("/letters".length())).statusCode()).isEqualTo(404);
            assertThat(server.get("/letters/never-was").statusCode()).isEqualTo(404);
            assertThat(ReviewFlow.actions(server)).contains("column-letter.corrected", "column-letter.unpublished");
        }
    }

    @Test
    void aLetterApprovedForLaterIsPublishedOnceWhenItsTimeComesEvenAfterARestart() {
        TestServer server = TestServer.start();
        try {
            User advisor = SignedIn.as(server, Role.ADVISOR);
            DraftFlow.Asked asked = DraftFlow.assignedTo(server, advisor, "en", "papa");
            ReviewFlow.write(server, asked.id(), ReviewFlow.STANDFIRST, ReviewFlow.BODY);
            SignedIn.as(server, Role.EDITOR);
            HttpResponse<String> past = ReviewFlow.send(server, asked.id(), "approve", Map.of("when", "later",
                    "publish_at", at(server, Duration.ofHours(-1))));
            assertThat(Jsoup.parse(past.body()).selectFirst("#f-publish-at-error").text()).startsWith("That time has passed");
            String typed = at(server, Duration.ofHours(2));
            assertThat(ReviewFlow.send(server, asked.id(), "approve", Map.of("when", "later", "publish_at", typed)).statusCode())
                    .isEqualTo(303);
            Document scheduled = server.page("/desk/drafts/" + asked.id());
            assertThat(scheduled.selectFirst(".review-state").text())
                    .contains("It will be published on " + typed.replace('T', ' ') + " UTC");
            assertThat(server.get(asked.status()).body()).doesNotContain("/letters/");

            server = server.restarted();
            server.clock().advance(Duration.ofHours(3));
            TestServer restarted = server;
            eventually("the scheduled letter is published", () -> {
                restarted.server().letterSchedule().lookNow();
                return restarted.get(asked.status()).body().contains("/letters/");
            });
            String letter = ReviewFlow.letterPath(server, asked.status());
            assertThat(server.get(letter).statusCode()).isEqualTo(200);
            eventually("the task is done", () -> tasksLeft(restarted) == 0);
            assertThat(ReviewFlow.actions(server).stream().filter("column-letter.published"::equals)).hasSize(1);
            assertThat(ReviewFlow.mailTo(server, "valentina@example.com").stream().filter(mail -> mail.contains(letter))).hasSize(1);
        } finally {
            server.close();
        }
    }

    @Test
    void theReviewFormsKeepWhatWasTypedAndShowHostileTextAsText() {
        try (TestServer server = TestServer.start()) {
            User advisor = SignedIn.as(server, Role.ADVISOR);
            DraftFlow.Asked asked = DraftFlow.assignedTo(server, advisor, "en", "mama");
            // Another advisor's draft does not exist for her: not even its submit button.
            SignedIn.as(server, Role.ADVISOR);
            String token = server.page("/logout").selectFirst("main form input[name=_csrf]").val();
            assertThat(server.postForm("/desk/drafts/" + asked.id() + "/submit", Map.of("_csrf", token)).statusCode()).isEqualTo(404);
            SignedIn.again(server, advisor);
            ReviewFlow.write(server, asked.id(), ReviewFlow.STANDFIRST, ReviewFlow.BODY);

            SignedIn.as(server, Role.EDITOR);
            String huge = "Más despacio, por favor. ".repeat(400).strip();
            HttpResponse<String> tooLong = ReviewFlow.send(server, asked.id(), "ask-changes", Map.of("changes", huge));
            assertThat(tooLong.statusCode()).isEqualTo(422);
            Document kept = Jsoup.parse(tooLong.body());
            assertThat(kept.selectFirst("#f-changes-error").text()).isEqualTo("That is too long: please shorten it.");
            assertThat(kept.selectFirst("textarea[name=changes]").val()).isEqualTo(huge);

            String hostile = "<img src=x onerror=alert(1)>'); DROP TABLE draft;-- \u0007 👶 \u202Eאמא\u202C";
            assertThat(ReviewFlow.send(server, asked.id(), "comment", Map.of("comment", hostile)).statusCode()).isEqualTo(303);
            Document page = server.page("/desk/drafts/" + asked.id());
            assertThat(page.selectFirst(".review-notes blockquote").text()).isEqualTo(hostile);
            assertThat(page.select(".review-notes img")).isEmpty();

            HttpResponse<String> unreadable = ReviewFlow.send(server, asked.id(), "approve", Map.of("when", "later",
                    "publish_at", "next tuesday"));
            assertThat(Jsoup.parse(unreadable.body()).selectFirst("#f-publish-at-error").text()).startsWith("Choose a date and a time");
            assertThat(Jsoup.parse(unreadable.body()).selectFirst("input[name=publish_at]").val()).isEqualTo("next tuesday");
            assertThat(server.get(asked.status()).body()).doesNotContain("/letters/");
        }
    }

    /** A time as an editor types it in the page's date-and-time field, in the column's zone (UTC here). */
    static String at(TestServer server, Duration fromNow) {
        return LocalDateTime.ofInstant(server.clock().get().plus(fromNow), ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }

    static int tasksLeft(TestServer server) {
        return server.server().database().read(handle -> handle.createQuery("SELECT COUNT(*) FROM scheduled_tasks")
                .mapTo(Integer.class).one());
    }
}
