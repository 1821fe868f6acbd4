package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import dearly.storage.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Delete everything" erases the question she is looking at at once, and every other question sent
 * from her address only through the link mailed to that address: a stranger who types her address
 * into the form erases nothing of hers.
 */
class EraseEveryQuestionTest {
    private static final Pattern ERASE_LINK = Pattern.compile("(/es)?/erase/[A-Za-z0-9_-]{43}");

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deleteEverythingErasesThisQuestionAtOnceAndMailsOneLinkForHerEarlierOnes(TestDatabase.Kind kind) throws SQLException {
        try (TestServer server = TestServer.start(kind, true)) {
            String first = ask(server, "Itziar", "Ollarzábal", "Itziar.Ollarzabal@Example.com", "¿Cómo dejo el pañal de noche?");
            withdraw(server, first);
            String second = ask(server, "Itziar", "Ollarzábal", "itziar.ollarzabal@example.com", "¿Cuándo empieza a gatear?");

            Document confirm = server.page(second + "/delete");
            assertThat(confirm.text()).contains("Las otras preguntas que enviaste desde itziar.ollarzabal@example.com no se borran aquí")
                    .contains("sirve durante 7 días");
            Document done = delete(server, second);
            assertThat(done.selectFirst("h1").text()).isEqualTo("Tu pregunta está borrada");
            assertThat(done.text()).contains("Enviamos un enlace a itziar.ollarzabal@example.com");

            assertThat(server.get(second).statusCode()).as("the question she was looking at").isEqualTo(404);
            assertThat(server.get(first).statusCode()).as("the earlier one waits for the mailed link").isEqualTo(200);
            assertThat(DeleteEverythingTest.rowsMentioning(server, "¿Cuándo empieza a gatear?")).isEmpty();

            List<String> mails = mailsTo(server, "itziar.ollarzabal@example.com");
            assertThat(mails).as("every earlier mail is forgotten; only the erase link is left").hasSize(1);
            assertThat(mails.get(0)).startsWith("Hola:").contains("Este enlace las borra todas").doesNotContain("Itziar");
            String link = eraseLink(mails.get(0));

            Document opened = server.page(link);
            assertThat(opened.selectFirst("h1").text()).isEqualTo("¿Borrar todas las preguntas enviadas desde este correo?");
            assertThat(opened.text()).contains("Todavía se guarda una pregunta enviada desde este correo");
            assertThat(server.get(first).statusCode()).as("opening the link erases nothing").isEqualTo(200);

            Document erased = post(server, link, opened);
            assertThat(erased.selectFirst("h1").text()).isEqualTo("Todo está borrado");
            assertThat(erased.text()).contains("La pregunta enviada desde este correo, y todo lo que la acompañaba, se ha borrado.");
            assertThat(server.get(first).statusCode()).isEqualTo(404);
            assertThat(DeleteEverythingTest.rowsMentioning(server, "Itziar", "Ollarzábal", "llarzabal@",
                    "¿Cómo dejo el pañal de noche?", "¿Cuándo empieza a gatear?")).isEmpty();
            assertThat(count(server, "SELECT COUNT(*) FROM erase_link")).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStrangerWhoTypesHerAddressErasesNothingOfHers(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, true)) {
            String hers = ask(server, "Maite", "Urquiola", "maite.urquiola@example.com", "¿Es normal que no duerma?");
            String strangers = ask(server, "Fulano", "Detal", "MAITE.URQUIOLA@example.com", "Una pregunta cualquiera");
            Document strangerDone = delete(server, strangers);

            assertThat(server.get(strangers).statusCode()).isEqualTo(404);
            assertThat(server.get(hers).statusCode()).as("only the link in her mailbox erases hers").isEqualTo(200);

            // What the stranger is told does not say whether she has asked anything.
            String nobody = ask(server, "Fulano", "Detal", "nadie.aqui@example.com", "Otra pregunta cualquiera");
            Document nobodyDone = delete(server, nobody);
            assertThat(strangerDone.text().replace("MAITE.URQUIOLA@example.com", "x"))
                    .isEqualTo(nobodyDone.text().replace("nadie.aqui@example.com", "x"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aUsedExpiredOrAlteredLinkErasesNothingAndSaysSo(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, true)) {
            String older = ask(server, "Nerea", "Goikoetxea", "nerea.g@example.com", "Primera pregunta");
            delete(server, ask(server, "Nerea", "Goikoetxea", "nerea.g@example.com", "Segunda pregunta"));
            String link = eraseLink(mailsTo(server, "nerea.g@example.com").get(0));
            Document opened = server.page(link);

            String altered = link.substring(0, 10) + (link.charAt(10) == 'A' ? 'B' : 'A') + link.substring(11);
            assertGone(server.postForm(altered, Map.of("_csrf", csrf(opened))));
            assertGone(server.get(altered));
            assertGone(server.postForm("/erase/not-a-token", Map.of("_csrf", csrf(opened))));
            HttpResponse<String> hostile = server.get("/es/erase/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
            assertGone(hostile);
            assertThat(hostile.body()).doesNotContain("<script>alert").doesNotContain("<b>");
            assertThat(server.get(older).statusCode()).isEqualTo(200);

            HttpResponse<String> noToken = server.postForm(link, Map.of());
            assertThat(noToken.statusCode()).as("a form from elsewhere is sent back to the page").isEqualTo(303);
            assertThat(server.get(older).statusCode()).isEqualTo(200);

            server.server().database().write(handle -> handle.createUpdate("UPDATE erase_link SET expires_at = :past")
                    .bind("past", Instant.now().minusSeconds(1)).execute());
            assertGone(server.get(link));
            assertGone(server.postForm(link, Map.of("_csrf", csrf(opened))));
            assertThat(server.get(older).statusCode()).as("an expired link erases nothing").isEqualTo(200);
            assertThat(mailsTo(server, "nerea.g@example.com")).as("kept only as long as the link works").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anUnusedLinkThatExpiredTakesItsMailWithItWhenTheNextParentAsks(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, true)) {
            String status = ask(server, "Itziar", "Arrieta", "itziar@example.com", "Una pregunta que borra");
            delete(server, status);
            assertThat(mailsTo(server, "itziar@example.com")).hasSize(1);
            server.server().database().write(handle -> handle.createUpdate("UPDATE erase_link SET expires_at = :past")
                    .bind("past", Instant.now().minusSeconds(1)).execute());

            ask(server, "Olatz", "Etxeberria", "olatz@example.com", "Otra madre pregunta");
            assertThat(mailsTo(server, "itziar@example.com")).as("nobody used or reopened the link").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLinkWorksOnceAndLeavesOtherAddressesAlone(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, true)) {
            String older = ask(server, "Ainhoa", "Larrañaga", "ainhoa@example.com", "Primera pregunta");
            String neighbours = ask(server, "Ane", "Larrañaga", "ane@example.com", "La pregunta de su vecina");
            delete(server, ask(server, "Ainhoa", "Larrañaga", "ainhoa@example.com", "Segunda pregunta"));
            String link = eraseLink(mailsTo(server, "ainhoa@example.com").get(0));
            Document opened = server.page(link);
            post(server, link, opened);
            assertThat(server.get(older).statusCode()).isEqualTo(404);
            assertThat(server.get(neighbours).statusCode()).as("a different address").isEqualTo(200);
            assertThat(mailsTo(server, "ane@example.com")).hasSize(1);

            String later = ask(server, "Ainhoa", "Larrañaga", "ainhoa@example.com", "Tercera pregunta");
            HttpResponse<String> again = server.postForm(link, Map.of("_csrf", csrf(opened)));
            assertGone(again);
            assertThat(server.get(later).statusCode()).as("a used link erases nothing more").isEqualTo(200);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void withoutAnAddressNothingIsMailedAndThePagesSaySo(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, true)) {
            String status = ask(server, Map.of("language", "en", "email", ""));
            assertThat(server.page(status + "/delete").text())
                    .contains("You gave no e-mail address with this question, so we cannot find any other question you sent");
            Document done = delete(server, status);
            assertThat(done.selectFirst("h1").text()).isEqualTo("This question is deleted");
            assertThat(done.text()).contains("This question had no e-mail address, so we sent you nothing.");
            assertThat(count(server, "SELECT COUNT(*) FROM mail_outbox")).isZero();
            assertThat(count(server, "SELECT COUNT(*) FROM erase_link")).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theLinkSpeaksEnglishToAnEnglishAsker(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, true)) {
            Map<String, String> english = Map.of("language", "en", "email", "june@example.com");
            String older = ask(server, english);
            Document done = delete(server, ask(server, english));
            assertThat(done.text()).contains("We sent a link to june@example.com");
            String mail = mailsTo(server, "june@example.com").get(0);
            assertThat(mail).startsWith("Hello,").contains("It works once, for 7 days.");
            String link = eraseLink(mail);
            Document opened = server.page(link);
            assertThat(opened.text()).contains("One question sent from this address is still kept");
            Document erased = post(server, link, opened);
            assertThat(erased.selectFirst("h1").text()).isEqualTo("Everything is erased");
            assertThat(server.get(older).statusCode()).isEqualTo(404);
            Document gone = Jsoup.parse(server.get(link).body());
            assertThat(gone.selectFirst("h1").text()).isEqualTo("This link no longer works");
        }
    }

    static String ask(TestServer server, String firstName, String surname, String email, String title) {
        return ask(server, Map.of("first_name", firstName, "surname", surname, "email", email, "title", title));
    }

    /** Asks as the Spanish mother, with these fields changed; returns the status path. */
    static String ask(TestServer server, Map<String, String> changes) {
        Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
        fields.putAll(changes);
        return AskFlow.askAndFollow(server, fields);
    }

    static void withdraw(TestServer server, String status) {
        Document confirm = server.page(status + "/withdraw");
        HttpResponse<String> response = server.postForm(status + "/withdraw", Map.of("_csrf", csrf(confirm)));
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("?withdrawn");
    }

    static Document delete(TestServer server, String status) {
        return post(server, status + "/delete", server.page(status + "/delete"));
    }

    static Document post(TestServer server, String path, Document form) {
        HttpResponse<String> response = server.postForm(path, Map.of("_csrf", csrf(form)));
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    static String csrf(Document page) {
        return page.selectFirst("form input[name=_csrf]").val();
    }

    /** The text of every mail waiting for this address, however its case was typed. */
    static List<String> mailsTo(TestServer server, String address) {
        return server.server().database().read(handle -> handle.createQuery(
                        "SELECT text_body FROM mail_outbox WHERE recipient_key = :key ORDER BY id")
                .bind("key", address.toLowerCase(java.util.Locale.ROOT))
                .mapTo(String.class)
                .list());
    }

    static String eraseLink(String mail) {
        Matcher link = ERASE_LINK.matcher(mail);
        assertThat(link.find()).as("an erase link in " + mail).isTrue();
        return link.group();
    }

    private static void assertGone(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(410);
        Document page = Jsoup.parse(response.body());
        assertThat(page.text()).containsAnyOf("No se ha borrado nada", "Nothing was erased");
    }

    private static long count(TestServer server, String sql) {
        return server.server().database().read(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
