package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What she erased is gone from the embedded database's files themselves, not only from its tables:
 * a copy of the data directory (a backup, a stolen laptop) must not hold her name.
 */
class ErasedFromTheFilesTest {
    private static final String SURNAME = "Quintanilla-Vörösmarty";
    private static final String EMAIL = "Zsofia.QV-7731@example.org";
    private static final String FIRST_TITLE = "¿Por qué Lőrinc no duerme la siesta?";
    private static final String SECOND_TITLE = "¿Cuándo le salen los dientes a Lőrinc?";
    private static final String BODY = "Lőrinc tiene siete meses y se despierta cada hora desde que cumplió seis, sin fiebre.";

    @Test
    void erasedQuestionsLeaveNoBytesInTheDatabaseFilesAfterAShutdown() throws IOException {
        TestServer server = TestServer.start();
        Path dataDir = server.dataDir();
        try {
            String first = ask(server, EMAIL, FIRST_TITLE);
            EraseEveryQuestionTest.withdraw(server, first);
            String second = ask(server, EMAIL.toLowerCase(java.util.Locale.ROOT), SECOND_TITLE);
            assertThat(found(dataDir)).as("stored in the files before the erase").isNotEmpty();

            EraseEveryQuestionTest.delete(server, second);
            String link = EraseEveryQuestionTest.eraseLink(EraseEveryQuestionTest.mailsTo(server, EMAIL).get(0));
            EraseEveryQuestionTest.post(server, link, server.page(link));
            assertThat(server.get(first).statusCode()).isEqualTo(404);
            assertThat(found(dataDir)).as("right after the erase, while Dearly runs").isEmpty();
        } finally {
            server.close();
        }
        assertThat(found(dataDir)).as("after a clean shutdown").isEmpty();
    }

    private static String ask(TestServer server, String email, String title) {
        return EraseEveryQuestionTest.ask(server, Map.of("surname", SURNAME, "email", email, "title", title, "body", BODY));
    }

    /** Which of her words each file of the data directory still holds, as UTF-8 bytes. */
    private static List<String> found(Path dataDir) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (String word : List.of(SURNAME, EMAIL, EMAIL.toLowerCase(java.util.Locale.ROOT), FIRST_TITLE, SECOND_TITLE, BODY)) {
                    if (contains(bytes, word.getBytes(StandardCharsets.UTF_8))) found.add(file.getFileName() + ": " + word);
                }
            }
        }
        return found;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }
}
