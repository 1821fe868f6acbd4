package dearly.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dearly.Dearly;
import dearly.TestServer;
import dearly.letters.LetterRepository;
import dearly.storage.TestDatabase;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Dearly's own archive: a column's letters out to a file and back in, without loss, twice without doubling (issue 10, item 4). */
class JsonlArchiveTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    /** A letter from another column, under CC BY: it must credit its author and link its source and licence. */
    static ObjectNode ccByLetter(String externalId) {
        ObjectNode line = JSON.createObjectNode();
        line.put("external_id", externalId);
        line.put("title", "Colic at night: the witching hour");
        line.put("question", "My daughter screams every evening from six to ten.\nNothing helps. Is she in pain?");
        line.put("answer", "Mama,\n\nThe evening crying has a name, and *it ends*.\n\n- Hold her close\n- Take turns");
        line.put("salutation", "Dear tired mama,");
        line.put("sign_off", "With you,");
        line.put("advisor", "Ana Ruiz");
        line.putArray("topics").add("Colic").add("Sleep");
        line.put("language", "en");
        line.put("published_at", "2021-03-04T05:06:07Z");
        line.put("source_url", "https://example.org/columns/colic-at-night");
        line.put("attribution", "Ana Ruiz, The Night Feed");
        line.put("license", "CC-BY-4.0");
        line.putArray("old_paths").add("/2021/03/colic-at-night/");
        return line;
    }

    static ImportReport importLines(TestServer server, String lines) throws Exception {
        return new ArchiveImport(server.server().database(), server.clock())
                .jsonl(new BufferedReader(new StringReader(lines)), report -> { });
    }

    /** The exported lines of imported letters, leaving out the first letter the embedded default always publishes. */
    static List<String> imported(TestServer server) {
        return export(server).lines().filter(line -> !line.contains("\"external_id\":\"dearly:")).toList();
    }

    static String export(TestServer server) {
        StringWriter out = new StringWriter();
        new ArchiveExport(server.server().database(), new LetterRepository(server.server().database(), server.clock()))
                .jsonl(out, count -> { });
        return out.toString();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void exportThenImportOnAFreshDatabaseLosesNothing(TestDatabase.Kind kind) throws Exception {
        String exported;
        try (TestServer first = TestServer.start(kind, true)) {
            ObjectNode spanish = ccByLetter("columna-42");
            spanish.put("title", "¿Por qué lloro en la ducha? 🚿");
            spanish.put("language", "es");
            spanish.put("license", "");
            spanish.put("attribution", "");
            spanish.put("answer_format", "text");
            spanish.put("answer", "1. No es un fallo tuyo.\n# Tampoco de él. <b>de verdad</b>");
            spanish.putArray("topics").addObject().put("slug", "posparto").put("en", "Postpartum").put("es", "Posparto");
            assertThat(importLines(first, ccByLetter("night-feed-7") + "\n" + spanish + "\n").failedCount()).isZero();
            exported = export(first);
        }
        assertThat(exported.lines()).hasSize(3); // the first letter, written on Dearly, and the two imported

        try (TestServer fresh = TestServer.start(kind, false)) {
            ImportReport report = importLines(fresh, exported);
            assertThat(report.problems()).isEmpty();
            // On SQLite the fresh instance has published the first letter too: the export's "dearly:" id finds it.
            assertThat(report.imported()).isEqualTo(3);
            assertThat(export(fresh)).isEqualTo(exported);

            Document demo = fresh.page("/letters/why-do-i-miss-my-partner-even-when-were-in-the-same-room");
            assertThat(demo.selectFirst("p.byline").text()).startsWith("Question from Paula G., 35, Medellín");
            assertThat(demo.selectFirst("p.credit")).as("a letter written here credits no one").isNull();
            Document spanish = fresh.page("/letters/por-que-lloro-en-la-ducha");
            assertThat(spanish.selectFirst("h1").text()).isEqualTo("¿Por qué lloro en la ducha? 🚿");
            assertThat(spanish.selectFirst(".letter-body").text())
                    .as("plain text stays as typed: no list, no heading, no bold")
                    .isEqualTo("1. No es un fallo tuyo. # Tampoco de él. <b>de verdad</b>");
            assertThat(spanish.select("footer.letter a, .letter footer a").eachText()).contains("Posparto");
        }
    }

    @Test
    void importingTheSameIdAgainUpdatesNeverDuplicates() throws Exception {
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false)) {
            assertThat(importLines(server, ccByLetter("night-feed-7").toString()).created()).isEqualTo(1);
            ObjectNode changed = ccByLetter("night-feed-7");
            changed.put("answer", "Mama,\n\nIt passes by twelve weeks.");
            changed.putArray("topics").add("Crying");
            ImportReport again = importLines(server, changed + "\n" + changed);
            assertThat(again.created()).isZero();
            assertThat(again.updated()).isEqualTo(2);

            assertThat(imported(server)).hasSize(1);
            Document page = server.page("/letters/colic-at-night-the-witching-hour");
            assertThat(page.selectFirst(".letter-body").text()).isEqualTo("Mama, It passes by twelve weeks.");
            assertThat(page.select(".letter footer .topics a").eachText()).containsExactly("Crying");
        }
    }

    @Test
    void aLicenceThatAsksForCreditGetsItsAttributionSourceAndLicenceOnTheLetter() throws Exception {
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false)) {
            ObjectNode publicDomain = ccByLetter("cc0-1");
            publicDomain.put("title", "Naps in the car");
            publicDomain.put("license", "CC0-1.0");
            publicDomain.put("attribution", "");
            importLines(server, ccByLetter("night-feed-7") + "\n" + publicDomain);

            Document page = server.page("/letters/colic-at-night-the-witching-hour");
            Element credit = page.selectFirst(".letter footer p.credit");
            assertThat(credit.text()).isEqualTo("First published by Ana Ruiz, The Night Feed. Licence: CC BY 4.0");
            assertThat(credit.selectFirst("a[href=https://example.org/columns/colic-at-night]").text()).isEqualTo("Ana Ruiz, The Night Feed");
            assertThat(credit.selectFirst("a[rel~=license]").attr("href")).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
            assertThat(page.selectFirst("p.standfirst").wholeText()).contains("six to ten.\nNothing helps.");

            assertThat(server.page("/letters/naps-in-the-car").selectFirst("p.credit"))
                    .as("CC0 asks for no credit, and none was given").isNull();
        }
    }

    @Test
    void anImportedLetterIsFoundBySearchWithoutARestart() throws Exception {
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false)) {
            importLines(server, ccByLetter("night-feed-7").toString());
            Instant deadline = Instant.now().plusSeconds(15);
            List<String> found = List.of();
            while (Instant.now().isBefore(deadline)) {
                found = server.page("/search?q=witching+hour").select("ol.results h2").eachText();
                if (found.contains("Colic at night: the witching hour")) break; // nearer spellings may find others first
                Thread.sleep(100); // polling with a deadline, as SearchFlow does
            }
            assertThat(found).first().isEqualTo("Colic at night: the witching hour");
        }
    }

    @Test
    void similarLettersNameAnImportedLettersArchiveIdAndSource() throws Exception {
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false)) {
            importLines(server, ccByLetter("night-feed-8").toString());
            Instant deadline = Instant.now().plusSeconds(15);
            com.fasterxml.jackson.databind.JsonNode first = JSON.nullNode();
            while (Instant.now().isBefore(deadline)) {
                first = JSON.readTree(server.get("/api/v1/similar?q=colic+witching+hour+screams+every+evening&limit=3").body())
                        .path("results").path(0);
                if (first.path("headline").asText().startsWith("Colic")) break;
                Thread.sleep(100); // the index follows the change log; poll with a deadline
            }
            assertThat(first.path("external_id").asText()).isEqualTo("night-feed-8");
            assertThat(first.path("source_url").asText()).isEqualTo("https://example.org/columns/colic-at-night");
        }
    }

    @Test
    void badLinesAreReportedByNumberAndTheRestComeIn() throws Exception {
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false)) {
            ObjectNode noTitle = ccByLetter("b-2");
            noTitle.remove("title");
            ObjectNode badDate = ccByLetter("b-3");
            badDate.put("published_at", "last Tuesday");
            ObjectNode badLanguage = ccByLetter("b-4");
            badLanguage.put("language", "fr");
            ObjectNode noCredit = ccByLetter("b-5");
            noCredit.put("attribution", "");
            ObjectNode hostileSource = ccByLetter("b-6");
            hostileSource.put("source_url", "javascript:alert(1)");
            ObjectNode hugeTitle = ccByLetter("b-7");
            hugeTitle.put("title", "x".repeat(10_000));
            ObjectNode good = ccByLetter("b-9");
            good.put("title", "The last good line");
            String file = String.join("\n", ccByLetter("b-1").toString(), noTitle.toString(), badDate.toString(),
                    badLanguage.toString(), noCredit.toString(), hostileSource.toString(), hugeTitle.toString(),
                    "{\"external_id\": \"b-8\", \"title\": ", "", good.toString());

            ImportReport report = importLines(server, file);

            assertThat(report.problems()).extracting(Object::toString).hasSize(7).startsWith(
                    "line 2: title is missing",
                    "line 3: published_at is \"last Tuesday\", not a date and time such as 2024-05-01T09:30:00Z",
                    "line 4: language is \"fr\", not \"en\" or \"es\"",
                    "line 5: license CC-BY-4.0 asks for an attribution, and attribution is empty",
                    "line 6: source_url is not an http or https address",
                    "line 7: title is longer than 300 characters");
            assertThat(report.problems().getLast().toString()).startsWith("line 8: not JSON (Unexpected end-of-input");
            assertThat(report.created()).isEqualTo(2);
            assertThat(server.get("/letters/the-last-good-line").statusCode()).isEqualTo(200);
            assertThat(imported(server)).hasSize(2);
        }
    }

    /** Letter N of a generated archive: its own id, title and old path. */
    static ObjectNode numbered(int n) {
        ObjectNode line = ccByLetter("many-" + n);
        line.put("title", "Letter number " + n);
        line.putArray("old_paths").add("/old/" + n + "/");
        return line;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLargeArchiveComesInBatchesAndAgainAsUpdatesWithACopyOfAnIdInTheMiddle(TestDatabase.Kind kind) throws Exception {
        int count = ArchiveImport.BATCH * 2 + 100;
        StringBuilder file = new StringBuilder();
        for (int n = 1; n <= count; n++) {
            file.append(numbered(n)).append('\n');
            if (n == 700) file.append(numbered(650).put("title", "Letter 650, corrected")).append('\n');
        }
        try (TestServer server = TestServer.start(kind, false)) {
            ImportReport first = importLines(server, file.toString());
            assertThat(first.problems()).isEmpty();
            assertThat(first.created()).isEqualTo(count);
            assertThat(first.updated()).as("the second copy of many-650 updates the first").isEqualTo(1);
            assertThat(server.page("/letters/letter-650-corrected").selectFirst("h1").text()).isEqualTo("Letter 650, corrected");

            ImportReport again = importLines(server, file.toString());
            assertThat(again.created()).isZero();
            assertThat(again.updated()).isEqualTo(count + 1);
            assertThat(imported(server)).hasSize(count);

            HttpResponse<String> old = server.get("/old/" + count + "/");
            assertThat(old.statusCode()).isEqualTo(301);
            assertThat(old.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/letters/letter-number-" + count));
            // Every letter reaches the search index's change log, in the transaction that wrote it.
            Instant deadline = Instant.now().plusSeconds(30);
            List<String> found = List.of();
            while (Instant.now().isBefore(deadline) && !found.contains("Letter number " + count)) {
                found = server.page("/search?q=%22letter+number+" + count + "%22").select("ol.results h2").eachText();
                Thread.sleep(100); // the index follows the change log; poll with a deadline
            }
            assertThat(found).contains("Letter number " + count);
        }
    }

    @Test
    void aLetterTheDatabaseRefusesIsLeftOutWholeAndTheRestOfItsBatchComesIn() throws Exception {
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false)) {
            // Nothing the archive can say makes the database refuse a checked line, so the test makes it refuse one.
            server.server().database().write(handle -> handle.execute("""
                    CREATE TRIGGER refuse_one BEFORE INSERT ON letter WHEN NEW.external_id = 'many-2'
                    BEGIN SELECT RAISE(ABORT, 'refused'); END"""));
            ObjectNode refused = numbered(2);
            refused.putArray("topics").add("Only in the refused letter");
            ImportReport report = importLines(server, numbered(1) + "\n" + refused + "\n" + numbered(3) + "\n");

            assertThat(report.problems()).extracting(Object::toString).containsExactly("line 2: could not be saved (UnableToExecuteStatementException)");
            assertThat(report.created()).isEqualTo(2);
            assertThat(server.get("/letters/letter-number-1").statusCode()).isEqualTo(200);
            assertThat(server.get("/letters/letter-number-3").statusCode()).isEqualTo(200);
            assertThat(server.get("/letters/letter-number-2").statusCode()).isEqualTo(404);
            assertThat(server.get("/old/2/").statusCode()).as("its old path leads nowhere").isEqualTo(404);
            assertThat(server.get("/topics/only-in-the-refused-letter").statusCode()).as("its topic was not made").isEqualTo(404);
        }
    }

    @Test
    void aLineHoldingANulCharacterIsRefusedOnEveryDatabase() throws Exception {
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false)) {
            ImportReport report = importLines(server, numbered(1) + "\n" + numbered(2).put("answer", "a\u0000b"));
            assertThat(report.problems()).extracting(Object::toString).containsExactly("line 2: answer holds a NUL character (\\u0000)");
            assertThat(report.created()).isEqualTo(1);
        }
    }

    @Test
    void theCommandLineImportsAndExportsAFileAndSaysWhatItDid() throws Exception {
        Path data = Files.createTempDirectory("dearly-archive-");
        Path in = data.resolve("in.jsonl");
        Files.writeString(in, ccByLetter("night-feed-7") + "\n{not json}\n");
        Map<String, String> env = Map.of("DEARLY_DATA_DIR", data.toString());

        StringWriter out = new StringWriter();
        CommandLine command = Dearly.commandLine(env);
        command.setOut(new PrintWriter(out));
        assertThat(command.execute("import", in.toString())).as("a line was not imported").isEqualTo(1);
        assertThat(out.toString()).startsWith("1 imported (1 new, 0 updated), 0 left out, 1 with problems")
                .contains("  not imported, line 2: not JSON");

        Path exported = data.resolve("out.jsonl");
        StringWriter exportOut = new StringWriter();
        CommandLine export = Dearly.commandLine(env);
        export.setOut(new PrintWriter(exportOut));
        assertThat(export.execute("export", exported.toString())).isZero();
        assertThat(exportOut.toString()).startsWith("Exported 1 letter to ");
        assertThat(JSON.readTree(Files.readAllLines(exported).getFirst()).get("external_id").asText()).isEqualTo("night-feed-7");

        StringWriter err = new StringWriter();
        CommandLine missing = Dearly.commandLine(env);
        missing.setErr(new PrintWriter(err));
        assertThat(missing.execute("import", data.resolve("nowhere.jsonl").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("Cannot read ").contains("nowhere.jsonl");
    }
}
