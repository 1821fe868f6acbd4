package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import dearly.letters.Publishing;
import dearly.letters.Words;
import dearly.language.Language;
import dearly.storage.TestDatabase;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** "Delete everything" leaves no row anywhere that holds her name, surname or e-mail. */
class DeleteEverythingTest {
    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deleteEverythingLeavesNoPersonalDataInAnyTable(TestDatabase.Kind kind) throws SQLException {
        try (TestServer server = TestServer.start(kind, true)) {
            Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
            fields.put("first_name", "Valentina");
            fields.put("surname", "Restrepo");
            fields.put("email", "valentina.restrepo@example.com");
            fields.put("pseudonym", "Marisol");
            String status = AskFlow.askAndFollow(server, fields);
            assertThat(rowsMentioning(server, "Valentina", "Restrepo", "valentina.restrepo@example.com")).isNotEmpty();

            publishAnAnswer(server);
            assertThat(server.page("/letters/respuesta-a-valentina").selectFirst(".byline").text()).contains("Valentina R.");

            Document confirm = server.page(status + "/delete");
            assertThat(confirm.text()).contains("La carta que te respondió sigue publicada");
            String csrf = confirm.selectFirst("form input[name=_csrf]").val();
            Document done = org.jsoup.Jsoup.parse(server.postForm(status + "/delete", Map.of("_csrf", csrf)).body());
            assertThat(done.selectFirst("h1").text()).isEqualTo("Tu pregunta está borrada");

            assertThat(rowsMentioning(server, "Valentina", "Restrepo", "valentina.restrepo@example.com", "Marisol"))
                    .as("only the mail with the link that erases her other questions holds her address")
                    .containsOnly("mail_outbox.recipient: valentina.restrepo@example.com",
                            "mail_outbox.recipient_key: valentina.restrepo@example.com");
            String link = EraseEveryQuestionTest.eraseLink(EraseEveryQuestionTest.mailsTo(server, "valentina.restrepo@example.com").get(0));
            EraseEveryQuestionTest.post(server, link, server.page(link));
            assertThat(rowsMentioning(server, "Valentina", "Restrepo", "valentina.restrepo@example.com", "Marisol")).isEmpty();
            assertThat(server.get(status).statusCode()).isEqualTo(404);
            Document letter = server.page("/letters/respuesta-a-valentina");
            assertThat(letter.select(".byline")).isEmpty();
            assertThat(letter.selectFirst("h1").text()).isEqualTo("¿Por qué mi bebé llora todas las noches?");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theMailedLinkLeavesTheLetterThatAnsweredHerEarlierQuestionPublishedWithoutHerByline(TestDatabase.Kind kind) {
        try (TestServer server = TestServer.start(kind, true)) {
            String answered = AskFlow.askAndFollow(server, AskFlow.spanishMother(server.page("/es/ask")));
            publishAnAnswer(server);
            String later = EraseEveryQuestionTest.ask(server, Map.of("email", "Paula.Gomez@example.com", "title", "Otra pregunta"));
            EraseEveryQuestionTest.delete(server, later);
            assertThat(server.page("/letters/respuesta-a-valentina").select(".byline").text()).contains("Paula G.");

            String link = EraseEveryQuestionTest.eraseLink(EraseEveryQuestionTest.mailsTo(server, "paula.gomez@example.com").get(0));
            Document opened = server.page(link);
            assertThat(opened.text()).contains("Una carta que respondió a alguna sigue publicada");
            EraseEveryQuestionTest.post(server, link, opened);

            assertThat(server.get(answered).statusCode()).isEqualTo(404);
            Document letter = server.page("/letters/respuesta-a-valentina");
            assertThat(letter.select(".byline")).isEmpty();
            assertThat(letter.selectFirst("h1").text()).isEqualTo("¿Por qué mi bebé llora todas las noches?");
        }
    }

    static void publishAnAnswer(TestServer server) {
        Instant now = Instant.now();
        server.server().database().write(handle -> {
            long question = handle.createQuery("SELECT id FROM question WHERE title LIKE '¿Por qué mi bebé%'").mapTo(Long.class).one();
            long advisor = handle.createQuery("SELECT id FROM advisor").mapTo(Long.class).one();
            handle.createUpdate("UPDATE question SET status = 'PUBLISHED' WHERE id = :id").bind("id", question).execute();
            String byline = new QuestionQueue(server.server().database()).byline(handle, question, Language.ES, java.time.ZoneOffset.UTC).orElseThrow();
            return new Publishing().publish(handle, new Publishing.Draft(question, "respuesta-a-valentina",
                    new Words("¿Por qué mi bebé llora todas las noches?", "Una mamá agotada.", "Querida,", "No estás sola.", "Con cariño,"),
                    byline, advisor, List.of(), Language.ES, now.minusSeconds(1)), now);
        });
    }

    /** Reads every column of every table, as text, and lists the cells that hold any of the words. */
    static List<String> rowsMentioning(TestServer server, String... words) throws SQLException {
        return server.server().database().read(handle -> {
            List<String> found = new ArrayList<>();
            DatabaseMetaData meta = handle.getConnection().getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    String current = handle.getConnection().getSchema();
                    if (schema == null || schema.equals(current)) tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("asker", "question", "child", "letter");
            for (String table : tables) {
                try (var statement = handle.getConnection().createStatement();
                        ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            String cell = rows.getString(column);
                            if (cell == null) continue;
                            for (String word : words) {
                                if (cell.contains(word)) found.add(table + "." + rows.getMetaData().getColumnName(column) + ": " + word);
                            }
                        }
                    }
                }
            }
            return found;
        });
    }
}
