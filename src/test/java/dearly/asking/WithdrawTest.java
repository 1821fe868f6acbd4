package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import dearly.storage.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Withdrawing takes a confirmation, can be undone while no advisor has taken it, and leads to asking again. */
class WithdrawTest {
    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void withdrawingAsksFirstThenCanBeUndoneAndOffersToAskAgain(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, false)) {
            String status = AskFlow.askAndFollow(server, AskFlow.spanishMother(server.page("/es/ask")));

            // On the status page withdrawing is a link to a page, not a button that acts.
            Document page = server.page(status);
            assertThat(page.select("form[action$=/withdraw]")).isEmpty();
            Document confirm = server.page(page.selectFirst("a[href$=/withdraw]").attr("href"));
            assertThat(confirm.selectFirst("h1").text()).isEqualTo("¿Retirar tu pregunta?");
            assertThat(confirm.text()).contains("puedes recuperarla desde tu enlace privado durante una semana");
            assertThat(confirm.selectFirst("a[href=" + status + "]").text()).isEqualTo("No, conservar mi pregunta");
            assertThat(status(server, status)).isEqualTo("RECEIVED");

            String csrf = confirm.selectFirst("form[action$=/withdraw] input[name=_csrf]").val();
            HttpResponse<String> withdrawn = server.postForm(status + "/withdraw", Map.of("_csrf", csrf));
            assertThat(withdrawn.headers().firstValue("Location")).contains(status + "?withdrawn");
            assertThat(status(server, status)).isEqualTo("WITHDRAWN");

            Document after = server.page(status + "?withdrawn");
            assertThat(after.selectFirst("h1").text()).isEqualTo("Retiraste tu pregunta");
            assertThat(after.selectFirst(".notice").text()).isEqualTo("Tu pregunta está retirada.");
            assertThat(after.selectFirst(".status-explained").text()).contains("puedes recuperarla tal como estaba hasta el");
            assertThat(after.selectFirst("main a[href=/es/ask]").text()).isEqualTo("Hacer una nueva pregunta");
            assertThat(after.select("a[href$=/withdraw], a[href$=/edit]")).isEmpty();

            String undo = after.selectFirst("form.restore input[name=_csrf]").val();
            HttpResponse<String> restored = server.postForm(status + "/restore", Map.of("_csrf", undo));
            assertThat(restored.headers().firstValue("Location")).contains(status + "?restored");
            assertThat(status(server, status)).isEqualTo("RECEIVED");
            Document back = server.page(status + "?restored");
            assertThat(back.selectFirst("h1").text()).isEqualTo("Recibimos tu pregunta");
            assertThat(back.selectFirst(".notice").text()).isEqualTo("Tu pregunta está otra vez con el equipo editorial, tal como estaba.");
            assertThat(back.select("a[href$=/edit]")).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aWithdrawalCannotBeUndoneAfterAWeekOrOnceAnAdvisorHadTakenIt(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, false)) {
            String lastWeek = AskFlow.askAndFollow(server, AskFlow.spanishMother(server.page("/es/ask")));
            withdraw(server, lastWeek);
            String csrf = server.page(lastWeek).selectFirst("form.restore input[name=_csrf]").val();
            set(server, "UPDATE question SET withdrawn_at = :at WHERE status = 'WITHDRAWN'", Instant.now().minus(Duration.ofDays(7).plusMinutes(1)));
            Document tooLate = server.page(lastWeek);
            assertThat(tooLate.select("form.restore")).isEmpty();
            assertThat(tooLate.selectFirst(".status-explained").text()).isEqualTo(
                    "No será respondida. Puedes hacer una nueva pregunta cuando quieras, o borrarlo todo abajo.");
            // A page left open from before the week ended is refused too, and says so.
            HttpResponse<String> late = server.postForm(lastWeek + "/restore", Map.of("_csrf", csrf));
            assertThat(late.headers().firstValue("Location")).contains(lastWeek + "?undo-too-late");
            assertThat(server.page(lastWeek + "?undo-too-late").selectFirst(".notice").text())
                    .isEqualTo("Ya es tarde para recuperar esta pregunta. Puedes hacer una nueva pregunta.");
            assertThat(status(server, lastWeek)).isEqualTo("WITHDRAWN");

            Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
            fields.put("title", "¿Es normal que mi bebé duerma tan poco?");
            String taken = AskFlow.askAndFollow(server, fields);
            set(server, "UPDATE question SET status = 'ASSIGNED' WHERE title LIKE '¿Es normal%'", null);
            Document confirm = server.page(taken + "/withdraw");
            assertThat(confirm.text()).contains("Alguien ya la está respondiendo, así que esto no se puede deshacer.");
            withdraw(server, taken);
            Document withdrawn = server.page(taken);
            assertThat(withdrawn.select("form.restore")).isEmpty();
            assertThat(withdrawn.select("main a[href=/es/ask]")).hasSize(1);
            String token = server.page(taken + "/delete").selectFirst("input[name=_csrf]").val();
            assertThat(server.postForm(taken + "/restore", Map.of("_csrf", token)).headers().firstValue("Location"))
                    .contains(taken + "?undo-too-late");
            assertThat(status(server, taken)).isEqualTo("WITHDRAWN");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aQuestionThatCannotBeWithdrawnSendsTheConfirmationBackSayingWhy(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, false)) {
            String status = AskFlow.askAndFollow(server, AskFlow.spanishMother(server.page("/es/ask")));
            set(server, "UPDATE question SET status = 'DECLINED', decline_reply = 'Gracias por escribirnos, no podemos responder esta vez.'", null);
            HttpResponse<String> confirm = server.get(status + "/withdraw");
            assertThat(confirm.statusCode()).isEqualTo(303);
            assertThat(confirm.headers().firstValue("Location")).contains(status + "?too-late");
            Document page = server.page(status + "?too-late");
            assertThat(page.selectFirst(".notice").text())
                    .isEqualTo("El equipo editorial ya te respondió, así que tu pregunta ya no se puede cambiar ni retirar.");
            assertThat(page.select("main a[href=/es/ask]")).hasSize(1);
        }
    }

    private static void withdraw(TestServer server, String status) {
        Document confirm = server.page(status + "/withdraw");
        String csrf = confirm.selectFirst("form[action$=/withdraw] input[name=_csrf]").val();
        assertThat(server.postForm(status + "/withdraw", Map.of("_csrf", csrf)).statusCode()).isEqualTo(303);
        assertThat(Jsoup.parse(server.get(status).body()).selectFirst("h1").text()).isEqualTo("Retiraste tu pregunta");
    }

    private static String status(TestServer server, String statusPath) {
        String token = statusPath.replaceAll(".*/", "");
        return server.server().database().read(handle -> handle.createQuery("SELECT status FROM question WHERE status_token_hash = :hash")
                .bind("hash", StatusLink.hash(token)).mapTo(String.class).one());
    }

    private static void set(TestServer server, String sql, Instant at) {
        server.server().database().write(handle -> {
            var update = handle.createUpdate(sql);
            if (at != null) update.bind("at", at);
            return update.execute();
        });
    }
}
